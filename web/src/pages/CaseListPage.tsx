import { may, ROLE_REACH } from '@kampung/domain/access';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../modules/auth/hooks/useAuth';
import { caseQueries } from '../modules/cases/api/cases.queries';
import { CaseFilters } from '../modules/cases/components/CaseFilters';
import { CaseTable } from '../modules/cases/components/CaseTable';
import { stalledRangeLabel } from '../modules/cases/components/stalled-range';
import { useCaseFilters } from '../modules/cases/hooks/useCaseFilters';
import { SaveWorklist } from '../modules/worklists/components/SaveWorklist';
import { ExportLinks } from '../ui/ExportLinks';
import { FilterChips, type FilterChip } from '../ui/FilterChips';
import { ListEnd } from '../ui/ListEnd';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';

/** "Daftar kasus kampung": every case matching the filters in the URL, one long list that loads
 * the next page as it is scrolled; downloadable, and savable as a named worklist. */
export function CaseListPage() {
  const { t } = useTranslation();
  const me = useMe();
  const { filters, setFilters } = useCaseFilters();
  const cases = useInfiniteQuery(caseQueries.list(filters));
  const items = cases.data?.pages.flatMap((page) => page.items) ?? [];
  const total = cases.data?.pages[0]?.total ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = cases;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
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
        {may(me.role, 'case.propose') && (
          <Link className="button button--primary" to="/cases/new">
            {t('list.newProposal')}
          </Link>
        )}
      </div>
      {ROLE_REACH[me.role] !== 'REGION' && (
        <p className="muted" data-testid="case-reach">
          {t(`list.reach.${ROLE_REACH[me.role]}`)}
        </p>
      )}
      <CaseFilters key={filters.q ?? ''} />
      <FilterChips chips={chips} />
      <SaveWorklist target="cases" />
      <ProblemAlert error={cases.error} />
      {cases.isPending && <Loading />}
      {cases.data && (
        <div className={cases.isPlaceholderData ? 'long-list long-list--stale' : 'long-list'} aria-busy={cases.isFetching}>
          <p className="muted" aria-live="polite" data-testid="case-total">
            {t('list.total', { total })}
          </p>
          {total > 0 && may(me.role, 'export.read') && <ExportLinks path="/api/cases/export" filters={{ ...filters }} />}
          {items.length === 0 ? <p>{t('list.empty')}</p> : <CaseTable items={items} hasMore={Boolean(hasNextPage)} loadMore={loadMore} sort={filters.sort} onSort={(sort) => setFilters({ sort })} />}
          <ListEnd shown={items.length} total={total} hasMore={Boolean(hasNextPage)} loading={isFetchingNextPage} onMore={loadMore} />
        </div>
      )}
    </>
  );
}
