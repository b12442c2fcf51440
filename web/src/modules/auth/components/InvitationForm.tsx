import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ApiError } from '../../../lib/http';
import { Field } from '../../../ui/Field';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { acceptInvitation } from '../api/auth.api';

/** The server's password problems, in the user's language. */
const PROBLEM_KEYS: Record<string, string> = {
  'at least 12 characters': 'invitation.problems.length',
  'must not contain your email or name': 'invitation.problems.personal',
  'too easy to guess': 'invitation.problems.common',
};

/** The invitation link's page: the colleague chooses a password once (the token is in the link's
 * fragment, which never reaches a server log). */
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
  const problems =
    accept.error instanceof ApiError && accept.error.code === 'VALIDATION_FAILED'
      ? (accept.error.problem.errors ?? []).filter((e) => e.path === 'password').map((e) => (PROBLEM_KEYS[e.message] ? t(PROBLEM_KEYS[e.message]!) : e.message))
      : [];
  // Used, expired, unknown, or cut short (no longer a token at all): the link will not work.
  const linkProblem =
    accept.error instanceof ApiError &&
    (accept.error.code === 'NOT_FOUND' || (accept.error.problem.errors ?? []).some((e) => e.path === 'token'));
  const invalidLink = !token || linkProblem;
  return (
    <form className="card form login-form" onSubmit={submit} noValidate>
      <h1>{t('invitation.heading')}</h1>
      <p className="muted">{t('invitation.rules')}</p>
      {invalidLink ? (
        <div className="alert alert--error" role="alert" data-testid="invitation-invalid">
          <p className="alert__title">{t('invitation.invalid')}</p>
        </div>
      ) : (
        problems.length === 0 && <ProblemAlert error={accept.error} />
      )}
      <Field id="invitation-password" label={t('invitation.password')} required error={problems.length > 0 ? problems.join(' ') : undefined}>
        {(control) => <input {...control} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      <Field id="invitation-again" label={t('invitation.again')} required error={mismatch ? t('invitation.mismatch') : undefined}>
        {(control) => <input {...control} type="password" autoComplete="new-password" value={again} onChange={(e) => setAgain(e.target.value)} />}
      </Field>
      <button type="submit" className="button button--primary" disabled={accept.isPending || !token}>
        {t('invitation.submit')}
      </button>
    </form>
  );
}
