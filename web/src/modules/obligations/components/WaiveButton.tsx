import type { Obligation } from '@kampung/domain/obligation';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/http';
import { fieldErrorsFromProblem, type FieldErrors } from '../../../lib/validation';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useWaiveObligation } from '../hooks/useObligationMutations';

const FIELD_PATHS = ['reason'];

/** "Bebaskan": waives an open obligation of any kind, with a reason; the server may refuse. */
export function WaiveButton({ obligation }: { obligation: Obligation }) {
  const { t } = useTranslation();
  const prefix = useId();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const mutation = useWaiveObligation();
  const problem = mutation.error instanceof ApiError ? mutation.error.problem : undefined;
  const errors = clientErrors ?? fieldErrorsFromProblem(problem?.errors);

  function close() {
    setOpen(false);
    setReason('');
    setClientErrors(null);
    mutation.reset();
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      mutation.reset();
      setClientErrors({ reason: t('validation.required') });
      return;
    }
    setClientErrors(null);
    mutation.mutate({ obligationId: obligation.id, reason: reason.trim() }, { onSuccess: close });
  }

  if (!open) {
    return (
      <div className="inline-action">
        <button type="button" className="button button--quiet" aria-expanded={false} onClick={() => setOpen(true)}>
          {t('waiver.open')}
        </button>
      </div>
    );
  }
  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-label={t('waiver.formLabel')}>
      <p className="field__hint">{t('waiver.explain')}</p>
      <ProblemAlert error={mutation.error} fieldPaths={FIELD_PATHS} />
      <Field id={`${prefix}-reason`} label={t('fields.waiverReason')} required error={errors.reason}>
        {(control) => <textarea {...control} rows={2} maxLength={2000} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </Field>
      <FormActions pending={mutation.isPending} submitLabel={t('waiver.submit')} pendingLabel={t('case.submitting')} cancel={{ label: t('case.cancel'), onClick: close }} />
    </form>
  );
}
