import type { Assignment } from '@kampung/domain/obligation';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/http';
import { fieldErrorsFromProblem, type FieldErrors } from '../../../lib/validation';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useEndAssignment } from '../hooks/useObligationMutations';

/** "Akhiri penugasan" on a team member: a reason is asked for in place; the end is confirmed in view. */
export function EndAssignmentButton({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const prefix = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const mutation = useEndAssignment(assignment.caseId, assignment.id);
  const problem = mutation.error instanceof ApiError ? mutation.error.problem : undefined;
  const errors = clientErrors ?? fieldErrorsFromProblem(problem?.errors);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      mutation.reset();
      setClientErrors({ reason: t('validation.required') });
      return;
    }
    setClientErrors(null);
    mutation.mutate(reason.trim(), { onSuccess: () => setOpen(false) });
  }

  if (mutation.isSuccess) {
    return (
      <p className="alert alert--success" role="status">
        {t('endAssignment.done', { name: assignment.user.name })}
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" className="button button--secondary" aria-expanded={false} onClick={() => setOpen(true)}>
        {t('endAssignment.open')}
      </button>
    );
  }
  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-label={t('endAssignment.formLabel')}>
      <h3>{t('endAssignment.heading', { name: assignment.user.name, role: t(`roles.${assignment.role}`) })}</h3>
      <p className="field__hint">{t('endAssignment.explain')}</p>
      <ProblemAlert error={mutation.error} fieldPaths={['reason']} />
      <Field id={`${prefix}-reason`} label={t('fields.reason')} required error={errors.reason}>
        {(control) => <textarea {...control} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <FormActions
        pending={mutation.isPending}
        submitLabel={t('endAssignment.submit')}
        pendingLabel={t('case.submitting')}
        cancel={{ label: t('case.cancel'), onClick: () => setOpen(false) }}
      />
    </form>
  );
}
