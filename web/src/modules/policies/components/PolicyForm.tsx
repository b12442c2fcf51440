import type { PolicyVersion } from '@kampung/domain/program-policy';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDuration } from '../../../lib/format';
import { DURATION_INPUT_UNITS, draftValue, isoToDraft, type DurationDraft, type DurationInputUnit } from './duration-input';
import { ApiError } from '../../../lib/http';
import { fieldProblemText, type FieldErrors } from '../../../lib/validation';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { policyKeys, policyQueries } from '../api/policies.queries';
import { useChangePolicy } from '../hooks/useChangePolicy';
import { appliesTo } from './PolicySummary';
import {
  fieldLabel,
  isPolicyDuration,
  policySections,
  serverFieldMessage,
  toFormValues,
  validatePolicy,
  type PolicyField,
  type PolicyFormValues,
} from './policy-fields';

interface PolicyFormProps {
  programCode: string;
  /** The version the change starts from (sent as `baseVersion`). */
  initial: PolicyVersion;
  /** The newest version the page knows of: newer than the base means someone else changed it. */
  latestVersion: number;
  onSaved: (version: PolicyVersion) => void;
  onCancel: () => void;
}

/** "Ubah kebijakan" (admins): every value of the policy and a required change note; saved as the
 * next version. Durations are checked as they are typed and read back in words. A change made from
 * a version someone else has since replaced is refused; the form then offers to load the newest. */
export function PolicyForm({ programCode, initial, latestVersion, onSaved, onCancel }: PolicyFormProps) {
  const { t, i18n } = useTranslation();
  const prefix = useId();
  const queryClient = useQueryClient();
  const [base, setBase] = useState(initial);
  const [values, setValues] = useState<PolicyFormValues>(() => toFormValues(initial.policy));
  const [note, setNote] = useState('');
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [reload, setReload] = useState<{ pending: boolean; error?: unknown; loaded?: number }>({ pending: false });
  const mutation = useChangePolicy(programCode);
  // The form replaces the button that opened it (and reloading replaces the conflict's button): the
  // heading takes the focus, so keyboard and screen reader users continue from the form.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [base.version]);

  const sections = policySections(base.policy);
  const check = validatePolicy(values, base.policy, t);
  const clientErrors: FieldErrors = { ...check.errors };
  if (!note.trim()) clientErrors.changeNote = t('validation.required');
  const invalid = Object.keys(clientErrors).length > 0;

  const problem = mutation.error instanceof ApiError ? mutation.error.problem : undefined;
  const refused = problem?.code === 'CONFLICT';
  // A newer version seen while editing (not the one just saved) is a conflict before the API says so.
  const conflict = refused || (latestVersion > base.version && !mutation.isPending && !mutation.isSuccess);
  const inline = new Set([...Object.keys(values), 'changeNote']);
  const serverErrors: FieldErrors = {};
  const shownServerPaths: string[] = [];
  for (const e of problem?.errors ?? []) {
    const path = e.path.replace(/^policy\./, '');
    if (!inline.has(path)) continue;
    serverErrors[path] ??= serverFieldMessage(path, e.message, t, fieldProblemText(e, t, i18n.language));
    shownServerPaths.push(e.path);
  }
  const errorOf = (path: string) => ((submitted || touched.has(path)) && clientErrors[path]) || serverErrors[path] || undefined;

  const touch = (path: string) => setTouched((before) => (before.has(path) ? before : new Set(before).add(path)));
  const change = (path: string, value: string) => setValues((before) => ({ ...before, [path]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setReload((before) => ({ ...before, loaded: undefined }));
    if (invalid || !check.policy) {
      mutation.reset();
      return;
    }
    mutation.mutate({ baseVersion: base.version, changeNote: note.trim(), policy: check.policy }, { onSuccess: onSaved });
  }

  /** Loads the newest version into the form; the change has to be made again on top of it. */
  async function loadNewest() {
    setReload({ pending: true });
    try {
      const newest = await queryClient.fetchQuery(policyQueries.current(programCode));
      void queryClient.invalidateQueries({ queryKey: policyKeys.versions(programCode) });
      mutation.reset();
      setBase(newest);
      setValues(toFormValues(newest.policy));
      setTouched(new Set());
      setSubmitted(false);
      setReload({ pending: false, loaded: newest.version });
    } catch (error) {
      setReload({ pending: false, error });
    }
  }

  return (
    <form className="card form policy-form" onSubmit={submit} noValidate aria-label={t('policies.edit')}>
      <h2 ref={heading} tabIndex={-1}>
        {t('policies.editHeading', { version: base.version })}
      </h2>
      <p className="field__hint">{appliesTo(base, t)}</p>
      {reload.loaded !== undefined && (
        <p className="alert alert--success" role="status">
          {t('policies.reloaded', { version: reload.loaded })}
        </p>
      )}
      {conflict && (
        <div className="alert alert--error" role="alert" data-testid="policy-conflict">
          <p className="alert__title">{t('policies.conflict')}</p>
          <p className="alert__detail">{t('policies.conflictDetail', { version: base.version })}</p>
          <button type="button" className="button button--secondary" onClick={loadNewest} disabled={reload.pending}>
            {reload.pending ? t('app.loading') : t('policies.reload')}
          </button>
        </div>
      )}
      <ProblemAlert error={reload.error} />
      {submitted && invalid && (
        <p className="alert alert--error" role="alert">
          {t('validation.fixFields')}
        </p>
      )}
      {!refused && <ProblemAlert error={mutation.error} fieldPaths={shownServerPaths} />}
      {sections.map((section) => (
        <fieldset key={section.id} className="fieldset">
          <legend>{t(`policies.sections.${section.id}`)}</legend>
          <p className="field__hint">{t(`policies.sectionHints.${section.id}`)}</p>
          {section.fields.map((field) => (
            <PolicyInput
              key={field.path}
              id={`${prefix}-${field.path.replace(/\./g, '-')}`}
              field={field}
              value={values[field.path] ?? ''}
              error={errorOf(field.path)}
              onChange={(value) => change(field.path, value)}
              onBlur={() => touch(field.path)}
            />
          ))}
        </fieldset>
      ))}
      <Field id={`${prefix}-changeNote`} label={t('policies.changeNote')} required hint={t('policies.changeNoteHint')} error={errorOf('changeNote')}>
        {(control) => (
          <textarea {...control} rows={3} maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} onBlur={() => touch('changeNote')} />
        )}
      </Field>
      <FormActions
        pending={mutation.isPending}
        submitLabel={t('policies.save')}
        pendingLabel={t('policies.saving')}
        cancel={{ label: t('case.cancel'), onClick: onCancel }}
      />
    </form>
  );
}

interface PolicyInputProps {
  id: string;
  field: PolicyField;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  onBlur: () => void;
}

function PolicyInput({ id, field, value, error, onChange, onBlur }: PolicyInputProps) {
  const { t } = useTranslation();
  const label = fieldLabel(field, t);
  const meaning = field.hintKey ? t(field.hintKey) : undefined;
  if (field.kind !== 'duration') {
    const percent = field.kind === 'percent';
    return (
      <Field id={id} label={label} required hint={meaning} error={error}>
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="decimal"
            min={percent ? 0 : 1}
            max={percent ? 100 : 5}
            step="any"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          />
        )}
      </Field>
    );
  }
  return <DurationInput id={id} field={field} label={label} meaning={meaning} value={value} error={error} onChange={onChange} onBlur={onBlur} />;
}

interface DurationInputProps extends Omit<PolicyInputProps, 'id'> {
  id: string;
  label: string;
  meaning: string | undefined;
}

/** A duration entered as a whole number and a unit ("2" "minggu"), held by the form as the ISO
 * duration the API takes (`P2W`). A value no one unit holds (`P1M15D`) is edited as ISO text. */
function DurationInput({ id, field, label, meaning, value, error, onChange, onBlur }: DurationInputProps) {
  const { t, i18n } = useTranslation();
  const [draft, setDraft] = useState<DurationDraft | null>(() => (value.trim() === '' ? { amount: '', unit: 'days' } : isoToDraft(value)));
  // A value set from outside (the newest version loaded) replaces what was being typed.
  useEffect(() => {
    if (draft && draftValue(draft) === value) return;
    setDraft(value.trim() === '' ? { amount: '', unit: draft?.unit ?? 'days' } : isoToDraft(value));
  }, [value]);
  // The duration in words as it is entered; an empty role or stage has none.
  const words = isPolicyDuration(value) ? formatDuration(value, t, i18n.language) : null;
  const reading = words
    ? t('policies.means', { words })
    : value.trim() === '' && field.optional
      ? field.path.startsWith('visitCadence.')
        ? t('policies.noVisits')
        : t('policies.noLimit')
      : t('policies.durationExample');
  const change = (next: DurationDraft) => {
    setDraft(next);
    onChange(draftValue(next));
  };
  return (
    <Field id={id} label={label} required={!field.optional} hint={[reading, meaning].filter(Boolean).join(' ')} error={error}>
      {(control) =>
        draft ? (
          <div className="duration-input">
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              placeholder={field.optional ? undefined : '14'}
              value={draft.amount}
              onChange={(e) => change({ ...draft, amount: e.target.value })}
              onBlur={onBlur}
            />
            <select
              aria-label={t('policies.unitOf', { field: label })}
              value={draft.unit}
              onChange={(e) => change({ ...draft, unit: e.target.value as DurationInputUnit })}
              onBlur={onBlur}
            >
              {DURATION_INPUT_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {t(`policies.units.${unit}`)}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <input
            {...control}
            type="text"
            autoCapitalize="characters"
            autoCorrect="off"
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            value={value}
            onChange={(e) => onChange(e.target.value)}
            onBlur={onBlur}
          />
        )
      }
    </Field>
  );
}
