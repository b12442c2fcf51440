import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../../lib/validation';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { changePassword } from '../api/auth.api';
import { passwordFieldError } from '../password-problems';

const FIELD_PATHS = ['currentPassword', 'newPassword'];

/** "Ubah kata sandi": the current password, then the new one twice. The server checks the current
 * one and the rules, and names each problem beside its field; on success the user's other sessions
 * end and this one stays. */
export function PasswordChangeForm() {
  const { t } = useTranslation();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [again, setAgain] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const change = useMutation({ mutationFn: changePassword });
  const serverErrors: FieldErrors = {};
  for (const path of FIELD_PATHS) {
    const message = passwordFieldError(change.error, path, t);
    if (message) serverErrors[path] = message;
  }
  const errors = clientErrors ?? serverErrors;
  const edited = () => {
    setClientErrors(null);
    if (change.error || change.isSuccess) change.reset();
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!currentPassword) found.currentPassword = t('validation.required');
    if (!newPassword) found.newPassword = t('validation.required');
    if (newPassword !== again) found.again = t('password.mismatch');
    if (Object.keys(found).length > 0) {
      change.reset();
      setClientErrors(found);
      return;
    }
    setClientErrors(null);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          setAgain('');
        },
      },
    );
  }

  return (
    <form className="card form" onSubmit={submit} noValidate>
      <p className="muted">{t('password.intro')}</p>
      {change.isSuccess && (
        <p className="alert alert--success" role="status" data-testid="password-changed">
          {t('password.changed')}
        </p>
      )}
      {/* A wrong password or a weak new one is told beside its field; anything else here. */}
      {Object.keys(serverErrors).length === 0 && <ProblemAlert error={change.error} />}
      <Field id="password-current" label={t('password.current')} required error={errors.currentPassword}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="current-password"
            value={currentPassword}
            onChange={(e) => {
              setCurrentPassword(e.target.value);
              edited();
            }}
          />
        )}
      </Field>
      <Field id="password-new" label={t('password.new')} required hint={t('password.rules')} error={errors.newPassword}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => {
              setNewPassword(e.target.value);
              edited();
            }}
          />
        )}
      </Field>
      <Field id="password-again" label={t('password.again')} required error={errors.again}>
        {(control) => (
          <input
            {...control}
            type="password"
            autoComplete="new-password"
            value={again}
            onChange={(e) => {
              setAgain(e.target.value);
              edited();
            }}
          />
        )}
      </Field>
      <FormActions pending={change.isPending} submitLabel={t('password.submit')} pendingLabel={t('password.submitting')} />
    </form>
  );
}
