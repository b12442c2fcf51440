import type { Obligation } from '@kampung/domain/obligation';
import { useWindowList } from '../../../lib/useWindowList';
import { ObligationCard } from './ObligationCard';

interface ObligationListProps {
  items: readonly Obligation[];
  /** The server has more rows than `items`; `loadMore` fetches the next page. */
  hasMore: boolean;
  loadMore: () => void;
}

/** The obligation cards of a long list: only those near the viewport are rendered (the rest stand
 * in as padding), and the next page loads near the end. */
export function ObligationList({ items, hasMore, loadMore }: ObligationListProps) {
  const { listRef, rows, before, after, measure } = useWindowList({
    count: items.length,
    keyOf: (index) => items[index]!.id,
    estimateSize: 130,
    hasMore,
    loadMore,
  });
  return (
    <ul className="work-list work-list--long" ref={listRef} style={{ paddingTop: before, paddingBottom: after }} data-testid="obligation-list">
      {rows.map((row) => (
        <ObligationCard key={row.key} obligation={items[row.index]!} index={row.index} measure={measure} />
      ))}
    </ul>
  );
}
