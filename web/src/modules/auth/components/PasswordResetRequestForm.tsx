import { passwordResetRequestSchema } from '@kampung/domain/accounts';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../ui/Field';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { requestPasswordReset } from '../api/auth.api';

interface PasswordResetRequestFormProps {
  /** What was typed in the sign-in form, if anything. */
  initialEmail?: string;
  onBack: () => void;
}

/** "Lupa kata sandi?": an email, then always the same answer (it never tells whether an account
 * exists). The link arrives by email and opens the same page as an invitation. */
export function PasswordResetRequestForm({ initialEmail = '', onBack }: PasswordResetRequestFormProps) {
  const { t } = useTranslation();
  const [email, setEmail] = useState(initialEmail);
  const [invalid, setInvalid] = useState(false);
  const request = useMutation({ mutationFn: requestPasswordReset });
  // Opened from the sign-in form: the heading takes the focus, so a screen reader tells the change.
  const focus = useCallback((element: HTMLElement | null) => element?.focus(), []);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = passwordResetRequestSchema.safeParse({ email });
    setInvalid(!parsed.success);
    if (parsed.success) request.mutate(parsed.data);
  }

  return (
    <form className="card form login-form" onSubmit={submit} noValidate>
      <h1 tabIndex={-1} ref={focus}>
        {t('password.forgotHeading')}
      </h1>
      {request.isSuccess ? (
        <div className="alert alert--success" role="status" data-testid="reset-requested">
          <p className="alert__title">{t('password.forgotSent')}</p>
          <p>{t('password.forgotNext')}</p>
        </div>
      ) : (
        <>
          <p className="muted">{t('password.forgotIntro')}</p>
          <ProblemAlert error={request.error} />
          <Field id="reset-email" label={t('login.email')} required error={invalid ? t('validation.email') : undefined}>
            {(control) => (
              <input
                {...control}
                type="email"
                autoComplete="username"
                inputMode="email"
                value={email}
                onChange={(e) => {
                  setEmail(e.target.value);
                  setInvalid(false);
                }}
              />
            )}
          </Field>
          <button type="submit" className="button button--primary" disabled={request.isPending}>
            {request.isPending ? t('password.forgotSending') : t('password.forgotSubmit')}
          </button>
        </>
      )}
      <button type="button" className="button button--quiet" onClick={onBack}>
        {t('password.backToLogin')}
      </button>
    </form>
  );
}
