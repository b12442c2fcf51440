import type { CaseSummary } from '@kampung/domain/case-views';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/format';
import { StageBadge } from './StageBadge';

/** The cases as a table; on narrow screens each row reads as a card (labels from data-label). */
export function CaseTable({ items }: { items: readonly CaseSummary[] }) {
  const { t, i18n } = useTranslation();
  const columns = ['colName', 'colTheme', 'colPlace', 'colRw', 'colStage', 'colSince'] as const;
  const label = (column: (typeof columns)[number]) => t(`list.${column}`);
  return (
    <table className="case-table">
      <thead>
        <tr>
          {columns.map((c) => (
            <th key={c} scope="col">
              {label(c)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {items.map((c) => (
          <tr key={c.id}>
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
        ))}
      </tbody>
    </table>
  );
}
