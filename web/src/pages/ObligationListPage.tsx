import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../lib/format';
import { caseQueries } from '../modules/cases/api/cases.queries';
import { OBLIGATION_PAGE_SIZE } from '../modules/obligations/api/obligations.api';
import { obligationQueries } from '../modules/obligations/api/obligations.queries';
import { ObligationCard } from '../modules/obligations/components/ObligationCard';
import { ObligationFilters } from '../modules/obligations/components/ObligationFilters';
import { useObligationFilters } from '../modules/obligations/hooks/useObligationFilters';
import { useKecamatanName } from '../modules/reference/hooks/useKecamatanName';
import { ExportLinks } from '../ui/ExportLinks';
import { FilterChips, type FilterChip } from '../ui/FilterChips';
import { Loading } from '../ui/Loading';
import { Pagination } from '../ui/Pagination';
import { ProblemAlert } from '../ui/ProblemAlert';

/** "Daftar kewajiban": obligations across cases, filtered by status, kind, person, kecamatan, case
 * or due dates (all in the URL, so the dashboard links here); each card links to its case. */
export function ObligationListPage() {
  const { t, i18n } = useTranslation();
  const { filters, setFilters, setPage } = useObligationFilters();
  const query = useQuery({
    ...obligationQueries.list({ ...filters, pageSize: OBLIGATION_PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  const data = query.data;
  const kecamatanName = useKecamatanName(filters.kecamatan);
  const kampung = useQuery({ ...caseQueries.detail(filters.case ?? ''), enabled: Boolean(filters.case) });

  const date = (value: string) => formatDate(value, i18n.language);
  const chips: FilterChip[] = [];
  if (filters.kecamatan) {
    chips.push({
      id: 'kecamatan',
      label: t('obligationList.kecamatanChip', { name: kecamatanName ?? filters.kecamatan }),
      onRemove: () => setFilters({ kecamatan: '' }),
    });
  }
  if (filters.case) {
    const name = kampung.data?.name ?? data?.items.find((o) => o.caseId === filters.case)?.caseName ?? filters.case;
    chips.push({ id: 'case', label: t('obligationList.caseChip', { name }), onRemove: () => setFilters({ case: '' }) });
  }
  if (filters.dueFrom || filters.dueTo) {
    const label =
      filters.dueFrom && filters.dueTo
        ? t('obligationList.dueBetween', { from: date(filters.dueFrom), to: date(filters.dueTo) })
        : filters.dueFrom
          ? t('obligationList.dueFrom', { from: date(filters.dueFrom) })
          : t('obligationList.dueTo', { to: date(filters.dueTo!) });
    chips.push({ id: 'due', label, onRemove: () => setFilters({ dueFrom: '', dueTo: '' }) });
  }

  return (
    <>
      <title>{`${t('obligationList.heading')} · ${t('app.title')}`}</title>
      <h1>{t('obligationList.heading')}</h1>
      <p className="muted">{t('obligationList.intro')}</p>
      <ObligationFilters />
      <FilterChips chips={chips} />
      <ProblemAlert error={query.error} />
      {query.isPending && <Loading />}
      {data && (
        <>
          <p className="muted" aria-live="polite" data-testid="obligation-total">
            {t('obligationList.total', { total: data.total })}
          </p>
          {data.items.length === 0 ? (
            <p>{t('obligationList.empty')}</p>
          ) : (
            <ul className="work-list">
              {data.items.map((o) => (
                <ObligationCard key={o.id} obligation={o} />
              ))}
            </ul>
          )}
          <Pagination page={filters.page} pageSize={OBLIGATION_PAGE_SIZE} total={data.total} onPage={setPage} />
          {data.total > 0 && <ExportLinks path="/api/obligations/export" filters={{ ...filters }} />}
        </>
      )}
    </>
  );
}
