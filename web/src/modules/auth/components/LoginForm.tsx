import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { Field } from '../../../ui/Field';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useLogin } from '../hooks/useAuth';
import { landingPath } from '../landing';

/** Email and password; "Lupa kata sandi?" hands what was typed as the email to the reset form. */
export function LoginForm({ onForgotPassword }: { onForgotPassword: (email: string) => void }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const loginMutation = useLogin();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  function submit(event: FormEvent) {
    event.preventDefault();
    loginMutation.mutate(
      { email, password },
      {
        // Signed in at the start page: each role lands where its day begins. A link to another page
        // (opened while signed out) is kept.
        onSuccess: (me) => {
          if (pathname === '/' && landingPath(me.role) !== '/') navigate(landingPath(me.role), { replace: true });
        },
      },
    );
  }

  return (
    <form className="card form login-form" onSubmit={submit} noValidate>
      <h1>{t('login.heading')}</h1>
      <ProblemAlert error={loginMutation.error} />
      <Field id="login-email" label={t('login.email')} required>
        {(control) => (
          <input {...control} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />
        )}
      </Field>
      <Field id="login-password" label={t('login.password')} required>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="button button--primary" disabled={loginMutation.isPending}>
        {loginMutation.isPending ? t('login.submitting') : t('login.submit')}
      </button>
      <button type="button" className="button button--quiet" onClick={() => onForgotPassword(email.trim())}>
        {t('password.forgot')}
      </button>
    </form>
  );
}
