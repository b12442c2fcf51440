import { may } from '@kampung/domain/access';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatNumber } from '../lib/format';
import { useMe } from '../modules/auth/hooks/useAuth';
import { householdQueries } from '../modules/households/api/households.queries';
import { HouseholdFilters } from '../modules/households/components/HouseholdFilters';
import { HouseholdList } from '../modules/households/components/HouseholdList';
import { importPagePath } from '../modules/households/household-links';
import { useHouseholdFilters } from '../modules/households/hooks/useHouseholdFilters';
import { ListEnd } from '../ui/ListEnd';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';

/** "Rumah tangga" at `/households`: the one-data list of households (NIK and KK masked), searched
 * by name, NIK or KK and narrowed by place; one long list that loads the next page as it is
 * scrolled. Staff import registry lists from here. */
export function HouseholdsPage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <>
      <title>{`${t('households.heading')} · ${t('app.title')}`}</title>
      <div className="page-head">
        <h1>{t('households.heading')}</h1>
        {may(me.role, 'household.import') && (
          <Link className="button button--primary" to={importPagePath()}>
            {t('households.import')}
          </Link>
        )}
      </div>
      {may(me.role, 'household.read') ? (
        <HouseholdSearch />
      ) : (
        <p className="alert alert--error" role="alert">
          {t('households.forbidden')}
        </p>
      )}
    </>
  );
}

function HouseholdSearch() {
  const { t, i18n } = useTranslation();
  const { filters } = useHouseholdFilters();
  const query = useInfiniteQuery(householdQueries.list(filters));
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const total = query.data?.pages[0]?.total ?? 0;
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  return (
    <>
      <p className="muted">{t('households.intro')}</p>
      {/* A new URL (a link, the back button) starts the form again from its filters. */}
      <HouseholdFilters key={`${filters.q ?? ''}|${filters.rw ?? ''}`} />
      <ProblemAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && (
        <div className={query.isPlaceholderData ? 'long-list long-list--stale' : 'long-list'} aria-busy={query.isFetching}>
          <p className="muted" aria-live="polite" data-testid="household-total">
            {t('households.total', { total: formatNumber(total, i18n.language) })}
          </p>
          {items.length === 0 ? <p>{t('households.empty')}</p> : <HouseholdList items={items} hasMore={Boolean(hasNextPage)} loadMore={loadMore} />}
          <ListEnd shown={items.length} total={total} hasMore={Boolean(hasNextPage)} loading={isFetchingNextPage} onMore={loadMore} />
        </div>
      )}
    </>
  );
}
