import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../modules/auth/hooks/useAuth';
import { PAGE_SIZE } from '../modules/cases/api/cases.api';
import { caseQueries } from '../modules/cases/api/cases.queries';
import { CaseFilters } from '../modules/cases/components/CaseFilters';
import { CaseTable } from '../modules/cases/components/CaseTable';
import { stalledRangeLabel } from '../modules/cases/components/stalled-range';
import { useCaseFilters } from '../modules/cases/hooks/useCaseFilters';
import { ExportLinks } from '../ui/ExportLinks';
import { FilterChips, type FilterChip } from '../ui/FilterChips';
import { Loading } from '../ui/Loading';
import { Pagination } from '../ui/Pagination';
import { ProblemAlert } from '../ui/ProblemAlert';

export function CaseListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { filters, setFilters, setPage } = useCaseFilters();
  const cases = useQuery(caseQueries.list(filters));
  // Stalled cases come from the dashboard's aging buckets; the chip takes the range off again.
  const chips: FilterChip[] = [];
  if (filters.stalledMinDays !== undefined || filters.stalledMaxDays !== undefined) {
    chips.push({
      id: 'stalled',
      label: t('list.stalledChip', { range: stalledRangeLabel(filters.stalledMinDays ?? 0, filters.stalledMaxDays, t) }),
      onRemove: () => setFilters({ stalledMinDays: '', stalledMaxDays: '' }),
    });
  }
  return (
    <>
      <title>{`${t('list.heading')} · ${t('app.title')}`}</title>
      <div className="page-head">
        <h1>{t('list.heading')}</h1>
        {me.canWrite && (
          <Link className="button button--primary" to="/cases/new">
            {t('list.newProposal')}
          </Link>
        )}
      </div>
      <CaseFilters key={filters.q ?? ''} />
      <FilterChips chips={chips} />
      <ProblemAlert error={cases.error} />
      {cases.isPending && <Loading />}
      {cases.data && (
        <>
          <p className="muted" aria-live="polite">
            {t('list.total', { total: cases.data.total })}
          </p>
          {cases.data.items.length === 0 ? <p>{t('list.empty')}</p> : <CaseTable items={cases.data.items} />}
          {cases.data.total > 0 && <ExportLinks path="/api/cases/export" filters={{ ...filters }} />}
          <Pagination page={filters.page} pageSize={PAGE_SIZE} total={cases.data.total} onPage={setPage} />
        </>
      )}
    </>
  );
}
