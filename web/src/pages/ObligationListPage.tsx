import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { may } from '@kampung/domain/access';
import { formatDate } from '../lib/format';
import { useMe } from '../modules/auth/hooks/useAuth';
import { caseQueries } from '../modules/cases/api/cases.queries';
import { obligationQueries } from '../modules/obligations/api/obligations.queries';
import { ObligationFilters } from '../modules/obligations/components/ObligationFilters';
import { ObligationList } from '../modules/obligations/components/ObligationList';
import { useObligationFilters } from '../modules/obligations/hooks/useObligationFilters';
import { useKecamatanName } from '../modules/reference/hooks/useKecamatanName';
import { SaveWorklist } from '../modules/worklists/components/SaveWorklist';
import { ExportLinks } from '../ui/ExportLinks';
import { FilterChips, type FilterChip } from '../ui/FilterChips';
import { ListEnd } from '../ui/ListEnd';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';

/** "Daftar kewajiban": obligations across cases, filtered by program, status, kind, person,
 * kecamatan, case or due dates (all in the URL, so the dashboard links here and a worklist can keep
 * them); one long list that loads the next page as it is scrolled; each card links to its case. */
export function ObligationListPage() {
  const me = useMe();
  const { t, i18n } = useTranslation();
  const { filters, setFilters } = useObligationFilters();
  const query = useInfiniteQuery(obligationQueries.scrolled(filters));
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
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
    const name = kampung.data?.name ?? items.find((o) => o.caseId === filters.case)?.caseName ?? filters.case;
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
      <SaveWorklist target="obligations" />
      <ProblemAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && (
        <div className={query.isPlaceholderData ? 'long-list long-list--stale' : 'long-list'} aria-busy={query.isFetching}>
          <p className="muted" aria-live="polite" data-testid="obligation-total">
            {t('obligationList.total', { total })}
          </p>
          {total > 0 && may(me.role, 'export.read') && <ExportLinks path="/api/obligations/export" filters={{ ...filters }} />}
          {items.length === 0 ? (
            <p>{t('obligationList.empty')}</p>
          ) : (
            <ObligationList items={items} hasMore={Boolean(hasNextPage)} loadMore={loadMore} />
          )}
          <ListEnd shown={items.length} total={total} hasMore={Boolean(hasNextPage)} loading={isFetchingNextPage} onMore={loadMore} />
        </div>
      )}
    </>
  );
}
