import type { CaseListItem, CaseSort } from '@kampung/domain/case-views';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, formatNumber } from '../../../lib/format';
import { useWindowList } from '../../../lib/useWindowList';
import { StageBadge } from './StageBadge';
import '../case-table.css';

const COLUMNS = ['colName', 'colTheme', 'colPlace', 'colRw', 'colStage', 'colSince', 'colStalled', 'colOverdue', 'colMentors'] as const;
type Column = (typeof COLUMNS)[number];

/** The columns the list can be sorted by (most first), and the order each stands for. */
const SORTED_BY: Partial<Record<Column, CaseSort>> = { colStalled: 'stalled', colOverdue: 'overdue' };

interface CaseTableProps {
  items: readonly CaseListItem[];
  /** The server has more rows than `items`; `loadMore` fetches the next page. */
  hasMore: boolean;
  loadMore: () => void;
  /** The list's order, and how to change it from a column's header. */
  sort?: CaseSort;
  onSort?: (sort: CaseSort) => void;
}

/** The cases as a table; on narrow screens each row reads as a card (labels from data-label). A
 * long list renders only the rows near the viewport and loads the next page near its end. */
export function CaseTable({ items, hasMore, loadMore, sort, onSort }: CaseTableProps) {
  const { t, i18n } = useTranslation();
  const label = (column: Column) => t(`list.${column}`);
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
          {COLUMNS.map((c) => {
            const order = SORTED_BY[c];
            return (
              <th key={c} scope="col" aria-sort={order && order === sort ? 'descending' : undefined}>
                {order && onSort ? (
                  <button type="button" className="case-table__sort" onClick={() => onSort(order)} title={t(`list.sorts.${order}`)}>
                    {label(c)}
                  </button>
                ) : (
                  label(c)
                )}
              </th>
            );
          })}
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
              <td data-label={label('colStalled')} className="case-table__number" data-testid="case-stalled">
                {c.stalledDays === null ? <None text={t('list.notStalled')} /> : <span className="badge badge--hold">{formatNumber(c.stalledDays, i18n.language)}</span>}
              </td>
              <td data-label={label('colOverdue')} className="case-table__number" data-testid="case-overdue">
                {c.overdueObligations > 0 ? <span className="badge badge--danger">{formatNumber(c.overdueObligations, i18n.language)}</span> : <span className="muted">0</span>}
              </td>
              <td data-label={label('colMentors')} className="case-table__mentors" data-testid="case-mentors">
                {c.mentors.length > 0 ? c.mentors.map((m) => m.name).join(', ') : <None text={t('list.noMentor')} />}
              </td>
            </tr>
          );
        })}
        {after > 0 && <Spacer height={after} />}
      </tbody>
    </table>
  );
}

/** An empty cell: a dash to the eye, words to a screen reader. */
function None({ text }: { text: string }) {
  return (
    <span className="muted">
      <span aria-hidden="true">—</span>
      <span className="visually-hidden">{text}</span>
    </span>
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
