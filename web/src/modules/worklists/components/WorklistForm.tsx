import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/http';
import { fieldErrorsFromProblem, type FieldErrors } from '../../../lib/validation';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import type { WorklistVisibility } from '../api/worklists.api';

const FIELD_PATHS = ['name'];
const MAX_NAME = 120;

interface WorklistFormProps {
  label: string;
  initialName?: string;
  initialVisibility?: WorklistVisibility;
  submitLabel: string;
  pending: boolean;
  /** The server's refusal: a 409 (a worklist of mine has that name) shows beside the name. */
  error: unknown;
  onSubmit: (value: { name: string; visibility: WorklistVisibility }) => void;
  onCancel: () => void;
  /** Clears the server's refusal when the name is typed again. */
  onEdit?: () => void;
}

/** A worklist's name and whether colleagues may open it: to save a list, or to rename one. */
export function WorklistForm({ label, initialName = '', initialVisibility = 'PRIVATE', submitLabel, pending, error, onSubmit, onCancel, onEdit }: WorklistFormProps) {
  const { t } = useTranslation();
  const prefix = useId();
  const [name, setName] = useState(initialName);
  const [shared, setShared] = useState(initialVisibility === 'SHARED');
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const problem = error instanceof ApiError ? error.problem : undefined;
  const serverErrors: FieldErrors =
    problem?.code === 'CONFLICT' ? { name: t('worklists.duplicateName', { name: name.trim() }) } : fieldErrorsFromProblem(problem?.errors);
  const errors = clientErrors ?? serverErrors;
  // A duplicate name is told beside the field; any other refusal in the alert.
  const alertError = problem?.code === 'CONFLICT' ? null : error;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) {
      setClientErrors({ name: t('validation.required') });
      return;
    }
    setClientErrors(null);
    onSubmit({ name: name.trim(), visibility: shared ? 'SHARED' : 'PRIVATE' });
  }

  return (
    <form className="form inline-form worklist-form" onSubmit={submit} noValidate aria-label={label}>
      <ProblemAlert error={alertError} fieldPaths={FIELD_PATHS} />
      <Field id={`${prefix}-name`} label={t('worklists.name')} required hint={t('worklists.nameHint')} error={errors.name}>
        {(control) => (
          <input
            {...control}
            type="text"
            maxLength={MAX_NAME}
            autoComplete="off"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setClientErrors(null);
              onEdit?.();
            }}
          />
        )}
      </Field>
      <div>
        <label className="checkbox" htmlFor={`${prefix}-shared`}>
          <input id={`${prefix}-shared`} type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} aria-describedby={`${prefix}-shared-hint`} />
          {t('worklists.share')}
        </label>
        <p id={`${prefix}-shared-hint`} className="field__hint">
          {t('worklists.shareHint')}
        </p>
      </div>
      <FormActions pending={pending} submitLabel={submitLabel} pendingLabel={t('worklists.saving')} cancel={{ label: t('case.cancel'), onClick: onCancel }} />
    </form>
  );
}
