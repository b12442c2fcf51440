import { ASSIGNMENT_HOLDERS } from '@kampung/domain/access';
import type { Assignment } from '@kampung/domain/obligation';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/http';
import { fieldErrorsFromProblem, type FieldErrors } from '../../../lib/validation';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { obligationQueries } from '../api/obligations.queries';
import { useHandOver } from '../hooks/useObligationMutations';

const FIELD_PATHS = ['toUserId', 'reason'];

interface HandoverFormProps {
  assignment: Assignment;
  onDone: (after: Assignment) => void;
  onCancel: () => void;
}

/** "Serah terima": the position goes to another person, with a reason; its open obligations follow. */
export function HandoverForm({ assignment, onDone, onCancel }: HandoverFormProps) {
  const { t } = useTranslation();
  const prefix = useId();
  const users = useQuery(obligationQueries.users());
  const [toUserId, setToUserId] = useState('');
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const mutation = useHandOver(assignment.caseId, assignment.id);
  const problem = mutation.error instanceof ApiError ? mutation.error.problem : undefined;
  const errors = clientErrors ?? fieldErrorsFromProblem(problem?.errors);
  // Whoever may hold the position (ASSIGNMENT_HOLDERS), other than its holder.
  const candidates = (users.data ?? []).filter((u) => u.id !== assignment.user.id && (ASSIGNMENT_HOLDERS[assignment.role] as readonly string[]).includes(u.role));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!toUserId) found.toUserId = t('validation.choose');
    if (!reason.trim()) found.reason = t('validation.required');
    if (Object.keys(found).length > 0) {
      mutation.reset();
      setClientErrors(found);
      return;
    }
    setClientErrors(null);
    mutation.mutate({ toUserId, reason: reason.trim() }, { onSuccess: onDone });
  }

  const id = (name: string) => `${prefix}-${name}`;
  const heading = t('handover.heading', { name: assignment.user.name, role: t(`roles.${assignment.role}`) });
  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-label={t('handover.formLabel')}>
      <h3>{heading}</h3>
      <p className="field__hint">{t('handover.explain')}</p>
      {clientErrors && (
        <p className="alert alert--error" role="alert">
          {t('validation.fixFields')}
        </p>
      )}
      <ProblemAlert error={mutation.error ?? users.error} fieldPaths={FIELD_PATHS} />
      <Field id={id('to')} label={t('fields.toUserId')} required error={errors.toUserId}>
        {(control) => (
          <select {...control} value={toUserId} onChange={(e) => setToUserId(e.target.value)} disabled={users.isPending}>
            <option value="">{users.isPending ? t('app.loading') : t('form.choose')}</option>
            {candidates.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={id('reason')} label={t('fields.reason')} required error={errors.reason}>
        {(control) => <textarea {...control} rows={3} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <FormActions
        pending={mutation.isPending}
        submitLabel={t('handover.submit')}
        pendingLabel={t('case.submitting')}
        cancel={{ label: t('case.cancel'), onClick: onCancel }}
      />
    </form>
  );
}
