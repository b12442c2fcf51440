import type { CaseSummary } from '@kampung/domain/case-views';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/format';
import { useWindowList } from '../../../lib/useWindowList';
import { StageBadge } from './StageBadge';

const COLUMNS = ['colName', 'colTheme', 'colPlace', 'colRw', 'colStage', 'colSince'] as const;

interface CaseTableProps {
  items: readonly CaseSummary[];
  /** The server has more rows than `items`; `loadMore` fetches the next page. */
  hasMore: boolean;
  loadMore: () => void;
}

/** The cases as a table; on narrow screens each row reads as a card (labels from data-label). A
 * long list renders only the rows near the viewport and loads the next page near its end. */
export function CaseTable({ items, hasMore, loadMore }: CaseTableProps) {
  const { t, i18n } = useTranslation();
  const label = (column: (typeof COLUMNS)[number]) => t(`list.${column}`);
  const { listRef, rows, before, after, measure } = useWindowList({
    count: items.length,
    keyOf: (index) => items[index]!.id,
    estimateSize: 49,
    hasMore,
    loadMore,
  });
  return (
    <table className="case-table" data-testid="case-table" aria-rowcount={items.length + 1}>
      <thead>
        <tr>
          {COLUMNS.map((c) => (
            <th key={c} scope="col">
              {label(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody ref={listRef}>
        {before > 0 && <Spacer height={before} />}
        {rows.map((row) => {
          const c = items[row.index]!;
          return (
            <tr key={row.key} data-index={row.index} ref={measure} aria-rowindex={row.index + 2} data-testid="case-row">
              <td data-label={label('colName')}>
                <Link to={`/cases/${c.id}`}>{c.name}</Link>
              </td>
              <td data-label={label('colTheme')}>{c.theme}</td>
              <td data-label={label('colPlace')}>
                {c.kelurahanName} / {c.kecamatanName}
              </td>
              <td data-label={label('colRw')}>{c.rw}</td>
              <td data-label={label('colStage')}>
                <StageBadge stage={c.stage} />
              </td>
              <td data-label={label('colSince')}>
                <time dateTime={c.stageEnteredAt}>{formatDate(c.stageEnteredAt, i18n.language)}</time>
              </td>
            </tr>
          );
        })}
        {after > 0 && <Spacer height={after} />}
      </tbody>
    </table>
  );
}

/** Stands in for the rows above or below the window. */
function Spacer({ height }: { height: number }) {
  return (
    <tr className="case-table__spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={COLUMNS.length} />
    </tr>
  );
}
