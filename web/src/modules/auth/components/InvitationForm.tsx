import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../lib/http';
import { Field } from '../../../ui/Field';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { acceptInvitation } from '../api/auth.api';
import { passwordFieldError } from '../password-problems';

/** The page of a one-time link, an invitation's or a password reset's (the same link and the same
 * call): the user chooses a password once (the token is in the link's fragment, which never
 * reaches a server log). */
export function InvitationForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const accept = useMutation({ mutationFn: acceptInvitation });

  function submit(event: FormEvent) {
    event.preventDefault();
    setMismatch(password !== again);
    if (password === again) accept.mutate({ token, password });
  }

  if (accept.isSuccess) {
    return (
      <div className="card form login-form" data-testid="invitation-done">
        <h1>{t('invitation.doneHeading')}</h1>
        <p>{t('invitation.done')}</p>
        <Link className="button button--primary" to="/">
          {t('invitation.toLogin')}
        </Link>
      </div>
    );
  }
  const problems = passwordFieldError(accept.error, 'password', t);
  // Used, expired, unknown, or cut short (no longer a token at all): the link will not work.
  const linkProblem =
    accept.error instanceof ApiError &&
    (accept.error.code === 'NOT_FOUND' || (accept.error.problem.errors ?? []).some((e) => e.path === 'token'));
  const invalidLink = !token || linkProblem;
  return (
    <form className="card form login-form" onSubmit={submit} noValidate>
      <h1>{t('invitation.heading')}</h1>
      <p className="muted">{t('password.rules')}</p>
      {invalidLink ? (
        <div className="alert alert--error" role="alert" data-testid="invitation-invalid">
          <p className="alert__title">{t('invitation.invalid')}</p>
          <p className="alert__detail">{t('invitation.invalidReset')}</p>
        </div>
      ) : (
        !problems && <ProblemAlert error={accept.error} />
      )}
      <Field id="invitation-password" label={t('invitation.password')} required error={problems}>
        {(control) => <input {...control} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <Field id="invitation-again" label={t('invitation.again')} required error={mismatch ? t('password.mismatch') : undefined}>
        {(control) => <input {...control} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />}
      </Field>
      <button type="submit" className="button button--primary" disabled={accept.isPending || !token}>
        {t('invitation.submit')}
      </button>
    </form>
  );
}
