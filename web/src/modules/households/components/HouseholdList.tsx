import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useWindowList } from '../../../lib/useWindowList';
import type { HouseholdSummary } from '../api/households.api';
import { householdPath } from '../household-links';
import { DecileBadge } from './DecileBadge';

interface HouseholdListProps {
  items: readonly HouseholdSummary[];
  /** The server has more rows than `items`; `loadMore` fetches the next page. */
  hasMore: boolean;
  loadMore: () => void;
}

/** The households as cards: the head (a link to the household), KK (masked), members, place and
 * decile. Only the cards near the viewport are rendered; the next page loads near the end. */
export function HouseholdList({ items, hasMore, loadMore }: HouseholdListProps) {
  const { t } = useTranslation();
  const { listRef, rows, before, after, measure } = useWindowList({
    count: items.length,
    keyOf: (index) => items[index]!.id,
    estimateSize: 120,
    hasMore,
    loadMore,
  });
  return (
    <ul className="work-list work-list--long" ref={listRef} style={{ paddingTop: before, paddingBottom: after }} data-testid="household-list">
      {rows.map((row) => {
        const h = items[row.index]!;
        return (
          <li key={row.key} ref={measure} data-index={row.index} className="work-card household-card" data-testid="household" data-id={h.id}>
            <p className="work-card__title">
              <Link to={householdPath(h.id)}>{h.head ?? t('households.noHead')}</Link>
            </p>
            <p className="work-card__meta">
              {t('households.kk')} <span className="nik" data-testid="household-kk">{h.kk}</span> · {t('households.members', { count: h.members })}
            </p>
            <p className="work-card__meta">{t('households.place', { kelurahan: h.kelurahanName, rw: h.rw, rt: h.rt })}</p>
            <p className="work-card__meta">
              <DecileBadge decile={h.decile} />
            </p>
          </li>
        );
      })}
    </ul>
  );
}
