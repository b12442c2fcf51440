import { ACTIVITY_KINDS, activityRequestSchema, BUDGET_SOURCES, type ActivityRequest } from '@kampung/domain/activity';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../lib/format';
import { ApiError } from '../../../lib/http';
import { fieldErrorsFromIssues, fieldErrorsFromProblem, type FieldErrors } from '../../../lib/validation';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { activityQueries } from '../api/activities.queries';
import { emptyDraft, emptySession, toRequest, type ActivityDraft } from '../activity-draft';

const MAX_SESSIONS = 100;

interface ActivityFormProps {
  /** Agency staff add activities of their own agency only. */
  ownAgency: string | null;
  pending: boolean;
  /** The server's refusal: field problems beside their fields, the rest in the alert. */
  error: unknown;
  onSubmit: (request: ActivityRequest) => void;
  onCancel: () => void;
  onEdit: () => void;
}

/** "Tambah kegiatan": the agency, title, kind, quota, budget with its source (a CSR budget names
 * its sponsor) and the sessions (date and topic, rows added and removed). Checked with the API's
 * own schema before it is sent. */
export function ActivityForm({ ownAgency, pending, error, onSubmit, onCancel, onEdit }: ActivityFormProps) {
  const { t, i18n } = useTranslation();
  const prefix = useId();
  const agencies = useQuery(activityQueries.agencies());
  const [draft, setDraft] = useState<ActivityDraft>(() => emptyDraft(ownAgency ?? ''));
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const problem = error instanceof ApiError ? error.problem : undefined;
  const errors = clientErrors ?? fieldErrorsFromProblem(problem?.errors);
  const shownPaths = ['agencyCode', 'title', 'kind', 'quota', 'budget', 'budgetSource', 'sponsor', 'sessions', ...draft.sessions.flatMap((_, i) => [`sessions.${i}.date`, `sessions.${i}.topic`])];
  const choices = (agencies.data ?? []).filter((a) => !ownAgency || a.code === ownAgency);

  function change(changes: Partial<ActivityDraft>) {
    setDraft((d) => ({ ...d, ...changes }));
    setClientErrors(null);
    onEdit();
  }
  const setSession = (index: number, changes: Partial<ActivityDraft['sessions'][number]>) =>
    change({ sessions: draft.sessions.map((s, i) => (i === index ? { ...s, ...changes } : s)) });

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = activityRequestSchema.safeParse(toRequest(draft));
    if (!parsed.success) {
      setClientErrors(fieldErrorsFromIssues(parsed.error.issues, t));
      return;
    }
    setClientErrors(null);
    onSubmit(parsed.data);
  }

  const id = (name: string) => `${prefix}-${name}`;
  const budget = Number(draft.budget);
  return (
    <form className="form inline-form activity-form" onSubmit={submit} noValidate aria-label={t('activities.addHeading')}>
      <h3>{t('activities.addHeading')}</h3>
      {clientErrors && (
        <p className="alert alert--error" role="alert">
          {t('validation.fixFields')}
        </p>
      )}
      <ProblemAlert error={error ?? agencies.error} fieldPaths={shownPaths} />
      <Field id={id('agency')} label={t('activities.fields.agency')} required error={errors.agencyCode}>
        {(control) => (
          <select {...control} value={draft.agencyCode} disabled={agencies.isPending} onChange={(e) => change({ agencyCode: e.target.value })}>
            <option value="">{agencies.isPending ? t('app.loading') : t('form.choose')}</option>
            {choices.map((a) => (
              <option key={a.code} value={a.code}>
                {a.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={id('title')} label={t('activities.fields.title')} required hint={t('activities.hints.title')} error={errors.title}>
        {(control) => <input {...control} type="text" maxLength={200} value={draft.title} onChange={(e) => change({ title: e.target.value })} />}
      </Field>
      <Field id={id('kind')} label={t('activities.fields.kind')} required error={errors.kind}>
        {(control) => (
          <select {...control} value={draft.kind} onChange={(e) => change({ kind: e.target.value as ActivityDraft['kind'] })}>
            <option value="">{t('form.choose')}</option>
            {ACTIVITY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`activityKinds.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={id('quota')} label={t('activities.fields.quota')} required hint={t('activities.hints.quota')} error={errors.quota}>
        {(control) => (
          <input {...control} type="number" inputMode="numeric" min={1} step={1} value={draft.quota} onChange={(e) => change({ quota: e.target.value })} />
        )}
      </Field>
      <Field
        id={id('budget')}
        label={t('activities.fields.budget')}
        required
        hint={draft.budget.trim() && Number.isFinite(budget) ? formatRupiah(budget, i18n.language) : undefined}
        error={errors.budget}
      >
        {(control) => (
          <input {...control} type="number" inputMode="numeric" min={0} step={1} value={draft.budget} onChange={(e) => change({ budget: e.target.value })} />
        )}
      </Field>
      <Field id={id('source')} label={t('activities.fields.budgetSource')} required error={errors.budgetSource}>
        {(control) => (
          <select {...control} value={draft.budgetSource} onChange={(e) => change({ budgetSource: e.target.value as ActivityDraft['budgetSource'] })}>
            {BUDGET_SOURCES.map((source) => (
              <option key={source} value={source}>
                {t(`budgetSources.${source}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {draft.budgetSource === 'CSR' && (
        <Field id={id('sponsor')} label={t('activities.fields.sponsor')} required hint={t('activities.hints.sponsor')} error={errors.sponsor}>
          {(control) => <input {...control} type="text" maxLength={200} value={draft.sponsor} onChange={(e) => change({ sponsor: e.target.value })} />}
        </Field>
      )}
      <fieldset className="fieldset repeater">
        <legend>{t('activities.fields.sessions')}</legend>
        {errors.sessions && <p className="field__error">{errors.sessions}</p>}
        {draft.sessions.map((session, index) => {
          const label = t('activities.sessionRow', { index: index + 1 });
          return (
            <fieldset key={index} className="repeater__row" data-testid="session-row">
              <legend>{label}</legend>
              <Field id={id(`session-${index}-date`)} label={t('activities.fields.date')} required error={errors[`sessions.${index}.date`]}>
                {(control) => <input {...control} type="date" value={session.date} onChange={(e) => setSession(index, { date: e.target.value })} />}
              </Field>
              <Field id={id(`session-${index}-topic`)} label={t('activities.fields.topic')} required error={errors[`sessions.${index}.topic`]}>
                {(control) => (
                  <input {...control} type="text" maxLength={200} value={session.topic} onChange={(e) => setSession(index, { topic: e.target.value })} />
                )}
              </Field>
              {draft.sessions.length > 1 && (
                <button
                  type="button"
                  className="button button--quiet"
                  aria-label={t('form.removeRow', { label: t('activities.session'), index: index + 1 })}
                  onClick={() => change({ sessions: draft.sessions.filter((_, i) => i !== index) })}
                >
                  {t('form.remove')}
                </button>
              )}
            </fieldset>
          );
        })}
        <button
          type="button"
          className="button button--secondary"
          disabled={draft.sessions.length >= MAX_SESSIONS}
          onClick={() => change({ sessions: [...draft.sessions, emptySession()] })}
        >
          {t('activities.addSession')}
        </button>
      </fieldset>
      <FormActions pending={pending} submitLabel={t('activities.create')} pendingLabel={t('case.submitting')} cancel={{ label: t('case.cancel'), onClick: onCancel }} />
    </form>
  );
}
