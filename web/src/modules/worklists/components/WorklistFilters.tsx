import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { caseQueries } from '../../cases/api/cases.queries';
import { stalledRangeLabel } from '../../cases/components/stalled-range';
import { obligationQueries } from '../../obligations/api/obligations.queries';
import { useKecamatanName } from '../../reference/hooks/useKecamatanName';
import { filterEntries, type FilterEntry } from '../worklist-filters';

/** A worklist's filters in words ("Status: Dieskalasi · Kec. Gayamsari"), names looked up. */
export function WorklistFilters({ filters }: { filters: Record<string, string> }) {
  const { t } = useTranslation();
  const entries = filterEntries(filters);
  if (entries.length === 0) return <p className="work-card__meta">{t('worklists.noFilters')}</p>;
  return (
    <ul className="worklist-filters" aria-label={t('worklists.filtersLabel')}>
      {entries.map((entry) => (
        <li key={entry.key} data-filter={entry.key}>
          <FilterText entry={entry} />
        </li>
      ))}
    </ul>
  );
}

function FilterText({ entry }: { entry: FilterEntry }) {
  const { t, i18n } = useTranslation();
  const date = (value: string) => formatDate(value, i18n.language);
  if (entry.kind === 'stalled') return <>{t('list.stalledChip', { range: stalledRangeLabel(entry.from, entry.to, t) })}</>;
  if (entry.kind === 'due') {
    const { from, to } = entry;
    if (from && to) return <>{t('obligationList.dueBetween', { from: date(from), to: date(to) })}</>;
    if (from) return <>{t('obligationList.dueFrom', { from: date(from) })}</>;
    return <>{t('obligationList.dueTo', { to: date(to ?? '') })}</>;
  }
  const value = entry.value;
  switch (entry.key) {
    case 'kecamatan':
      return <KecamatanText code={value} />;
    case 'assignee':
      return <AssigneeText id={value} />;
    case 'case':
      return <CaseText id={value} />;
    default:
      return <>{simpleText(entry.key, value, t)}</>;
  }
}

/** The filters named by a translation of their value. */
function simpleText(key: string, value: string, t: TFunction): string {
  const named = (label: string, text: string) => t('worklists.filter', { label, value: text });
  switch (key) {
    case 'program':
      return named(t('fields.programCode'), t(`programs.${value}`, { defaultValue: value }));
    case 'stage':
      return named(t('list.colStage'), t(`stages.${value}`, { defaultValue: value }));
    case 'status':
      return named(t('obligationList.status'), t(`obligationStatuses.${value}`, { defaultValue: value }));
    case 'kind':
      return named(t('fields.kind'), t(`obligationKinds.${value}`, { defaultValue: value }));
    case 'q':
      return t('worklists.search', { q: value });
    case 'open':
      return value === 'true' ? t('worklists.openOnly') : t('worklists.closedOnly');
    case 'sort':
      return named(t('list.sort'), t(`list.sorts.${value}`, { defaultValue: value }));
    default:
      return named(key, value);
  }
}

function KecamatanText({ code }: { code: string }) {
  const { t } = useTranslation();
  const name = useKecamatanName(code);
  return <>{t('obligationList.kecamatanChip', { name: name ?? code })}</>;
}

function AssigneeText({ id }: { id: string }) {
  const { t } = useTranslation();
  const users = useQuery(obligationQueries.users());
  const name = users.data?.find((u) => u.id === id)?.name ?? id;
  return <>{t('obligationList.assigneeValue', { name })}</>;
}

function CaseText({ id }: { id: string }) {
  const { t } = useTranslation();
  const kampung = useQuery(caseQueries.detail(id));
  return <>{t('obligationList.caseChip', { name: kampung.data?.name ?? id })}</>;
}
