import { OUTPUT_KINDS } from '@kampung/domain/activity';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/http';
import { fieldErrorsFromProblem, type FieldErrors } from '../../../lib/validation';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import type { OutputRequest } from '../api/activities.api';
import { useRecordOutput } from '../hooks/useActivityMutations';
import type { RecordFormProps } from './RecordActions';

const FIELD_PATHS = ['personId', 'kind', 'note'];

/** "Catat hasil": what came of the activity for one participant (certified, a business started,
 * employed, other), with an optional note. */
export function OutputForm({ activity, caseId, onCancel, onDone }: RecordFormProps) {
  const { t } = useTranslation();
  const prefix = useId();
  const [personId, setPersonId] = useState('');
  const [kind, setKind] = useState<OutputRequest['kind'] | ''>('');
  const [note, setNote] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const mutation = useRecordOutput(caseId, activity.id);
  const problem = mutation.error instanceof ApiError ? mutation.error.problem : undefined;
  const errors = clientErrors ?? fieldErrorsFromProblem(problem?.errors);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!personId) found.personId = t('validation.choose');
    if (!kind) found.kind = t('validation.choose');
    if (!personId || !kind) {
      mutation.reset();
      setClientErrors(found);
      return;
    }
    setClientErrors(null);
    const name = activity.participants.find((p) => p.id === personId)?.name ?? '';
    mutation.mutate(
      { personId, kind, note: note.trim() || null },
      { onSuccess: () => onDone(t('activities.outputSaved', { name, kind: t(`outputKinds.${kind}`) })) },
    );
  }

  const id = (name: string) => `${prefix}-${name}`;
  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-label={t('activities.outputHeading')}>
      <h4>{t('activities.outputHeading')}</h4>
      <ProblemAlert error={mutation.error} fieldPaths={FIELD_PATHS} />
      <Field id={id('person')} label={t('activities.fields.participant')} required error={errors.personId}>
        {(control) => (
          <select {...control} value={personId} onChange={(e) => {
              setPersonId(e.target.value);
              setClientErrors(null);
            }}>
            <option value="">{t('form.choose')}</option>
            {activity.participants.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={id('kind')} label={t('activities.fields.outputKind')} required error={errors.kind}>
        {(control) => (
          <select {...control} value={kind} onChange={(e) => {
              setKind(e.target.value as OutputRequest['kind'] | '');
              setClientErrors(null);
            }}>
            <option value="">{t('form.choose')}</option>
            {OUTPUT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`outputKinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={id('note')} label={t('activities.fields.note')} hint={t('activities.hints.note')} error={errors.note}>
        {(control) => <textarea {...control} rows={2} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />}
      </Field>
      <FormActions pending={mutation.isPending} submitLabel={t('activities.saveOutput')} pendingLabel={t('users.saving')} cancel={{ label: t('case.cancel'), onClick: onCancel }} />
    </form>
  );
}
