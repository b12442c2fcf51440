import { AUDIT_ACTIONS } from '@kampung/domain/audit';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { caseQueries } from '../../cases/api/cases.queries';
import type { FieldErrors } from '../../../lib/validation';
import { Field } from '../../../ui/Field';
import type { UserSummary } from '../../obligations/api/obligations.api';
import type { AuditFilters } from '../audit-filters';

interface AuditFilterFormProps {
  filters: AuditFilters;
  /** The people to choose an actor from (active users). */
  people: readonly UserSummary[];
  onApply: (filters: AuditFilters) => void;
  onClear: () => void;
}

/** Action, actor, dates (WIB days, both included) and an optional kampung, found by its name;
 * applied together with "Terapkan", after a check of the dates' order. */
export function AuditFilterForm({ filters, people, onApply, onClear }: AuditFilterFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AuditFilters>(filters);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set = (changes: Partial<AuditFilters>) => {
    setDraft((d) => ({ ...d, ...changes }));
    setErrors({});
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (draft.from && draft.to && draft.to < draft.from) found.to = t('audit.toBeforeFrom');
    setErrors(found);
    if (Object.keys(found).length === 0) onApply(draft);
  }

  const unknownActor = draft.actor && !people.some((p) => p.id === draft.actor);
  return (
    <form className="filters filters--audit" role="search" aria-label={t('audit.filters')} onSubmit={submit} noValidate>
      <Field id="audit-action" label={t('audit.action')}>
        {(control) => (
          <select {...control} value={draft.action ?? ''} onChange={(e) => set({ action: e.target.value || undefined })}>
            <option value="">{t('audit.allActions')}</option>
            {AUDIT_ACTIONS.map((action) => (
              <option key={action} value={action}>
                {t(`auditActions.${action}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="audit-actor" label={t('audit.actor')}>
        {(control) => (
          <select {...control} value={draft.actor ?? ''} onChange={(e) => set({ actor: e.target.value || undefined })}>
            <option value="">{t('audit.allActors')}</option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
            {unknownActor && <option value={draft.actor}>{draft.actor}</option>}
          </select>
        )}
      </Field>
      <Field id="audit-from" label={t('audit.from')} error={errors.from}>
        {(control) => <input {...control} type="date" value={draft.from ?? ''} onChange={(e) => set({ from: e.target.value || undefined })} />}
      </Field>
      <Field id="audit-to" label={t('audit.to')} error={errors.to}>
        {(control) => <input {...control} type="date" value={draft.to ?? ''} onChange={(e) => set({ to: e.target.value || undefined })} />}
      </Field>
      <CasePicker value={draft.case} onChange={(id) => set({ case: id })} />
      <div className="form__actions filters__actions">
        <button type="submit" className="button button--primary">
          {t('audit.apply')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            setDraft({});
            setErrors({});
            onClear();
          }}
        >
          {t('audit.reset')}
        </button>
      </div>
    </form>
  );
}

/** A kampung chosen by name: typing two letters or more lists the kampung whose name, theme or
 * kelurahan match (within the reader's reach), instead of pasting a case id. */
function CasePicker({ value, onChange }: { value: string | undefined; onChange: (id: string | undefined) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const search = text.trim();
  const matches = useInfiniteQuery({ ...caseQueries.list({ q: search }), enabled: search.length >= 2 });
  const chosen = useQuery({ ...caseQueries.detail(value ?? ''), enabled: Boolean(value) });
  const found = search.length >= 2 ? (matches.data?.pages.flatMap((page) => page.items) ?? []) : [];
  return (
    <>
      <Field id="audit-case-search" label={t('audit.caseSearch')} hint={t('audit.caseSearchHint')}>
        {(control) => <input {...control} type="search" autoComplete="off" value={text} onChange={(e) => setText(e.target.value)} />}
      </Field>
      <Field id="audit-case" label={t('audit.case')}>
        {(control) => (
          <select {...control} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
            <option value="">{search.length >= 2 && matches.isFetching ? t('app.loading') : t('audit.allCases')}</option>
            {value && !found.some((c) => c.id === value) && <option value={value}>{chosen.data?.name ?? t('app.loading')}</option>}
            {found.map((c) => (
              <option key={c.id} value={c.id}>
                {t('audit.caseOption', { name: c.name, kelurahan: c.kelurahanName })}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
