import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useLayoutEffect, useState } from 'react';

/** How close to the last loaded row the next page is asked for. */
const LOAD_AHEAD = 10;

interface WindowListOptions {
  /** Rows loaded so far. */
  count: number;
  /** A stable key per row (its id), so a measured height stays with its row. */
  keyOf: (index: number) => string;
  /** A first guess at a row's height in px, before it is measured. */
  estimateSize: number;
  /** More rows can be loaded (the server has another page). */
  hasMore: boolean;
  /** Loads the next page; called when the window nears the last loaded row. */
  loadMore: () => void;
}

/** A row's height with its bottom margin (rows of a card list are spaced by margins). */
function outerHeight(element: Element): number {
  const margin = Number.parseFloat(getComputedStyle(element).marginBottom) || 0;
  return element.getBoundingClientRect().height + margin;
}

/**
 * A long list scrolled with the page, rendering only the rows in (and near) the viewport: the
 * list keeps its place in the page's flow, with the rows above and below the window stood in for by
 * padding (`before`, `after`). Each rendered row needs `data-index` and `ref={measure}`; the next
 * page loads when the window comes within a few rows of the end.
 */
export function useWindowList({ count, keyOf, estimateSize, hasMore, loadMore }: WindowListOptions) {
  const [list, setList] = useState<HTMLElement | null>(null);
  const [scrollMargin, setScrollMargin] = useState(0);

  // Where the list starts in the page; what is above it (filters, chips, an alert) may change.
  useLayoutEffect(() => {
    if (!list) return;
    const measure = () => setScrollMargin(Math.round(list.getBoundingClientRect().top + window.scrollY));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [list]);

  const virtualizer = useWindowVirtualizer({
    count,
    estimateSize: () => estimateSize,
    getItemKey: keyOf,
    overscan: 5,
    scrollMargin,
    measureElement: outerHeight,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0];
  const last = rows.at(-1);

  const lastIndex = last?.index ?? -1;
  useEffect(() => {
    if (hasMore && count > 0 && lastIndex >= count - 1 - LOAD_AHEAD) loadMore();
  }, [hasMore, count, lastIndex, loadMore]);

  const before = first ? first.start - scrollMargin : 0;
  const after = last ? Math.max(0, virtualizer.getTotalSize() - (last.end - scrollMargin)) : 0;
  return { listRef: setList, rows, before, after, measure: virtualizer.measureElement };
}
