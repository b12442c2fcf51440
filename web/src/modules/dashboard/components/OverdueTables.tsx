import type { Dashboard } from '@kampung/domain/obligation';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { byStatus, type StatusRow } from '../dashboard-figures';
import { overdueLink } from '../dashboard-links';
import { CountLink } from './Bar';
import { DashboardSection } from './DashboardSection';

type Status = 'OVERDUE' | 'ESCALATED';
const STATUSES: readonly Status[] = ['OVERDUE', 'ESCALATED'];

/** Overdue and escalated obligations by kind, by person and by kecamatan; each number opens the
 * obligation list with those filters. */
export function OverdueTables({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const program = dashboard.program;
  const { byKind, byAssignee, byKecamatan } = dashboard.overdue;
  const kinds = byStatus(byKind, (r) => r.kind, (r) => r.kind);
  const people = byStatus(byAssignee, (r) => r.assignee?.id ?? '', (r) => r.assignee);
  const places = byStatus(byKecamatan, (r) => r.kecamatan.code, (r) => r.kecamatan);
  return (
    <DashboardSection title={t('dashboard.overdue.heading')} hint={t('dashboard.overdue.hint')} wide testId="dashboard-overdue">
      {kinds.length === 0 ? (
        <p className="muted">{t('dashboard.overdue.empty')}</p>
      ) : (
        <>
          <div className="dash-tables">
            <StatusTable
              caption={t('dashboard.overdue.byKind')}
              column={t('fields.kind')}
              rows={kinds}
              testId="overdue-by-kind"
              name={(kind) => t(`obligationKinds.${kind}`)}
              link={(status, kind) => overdueLink(status, { kind, program })}
            />
            <StatusTable
              caption={t('dashboard.overdue.byAssignee')}
              column={t('obligationList.assignee')}
              rows={people}
              testId="overdue-by-assignee"
              name={(person) => person?.name ?? t('obligations.unassigned')}
              // Nobody holds an unassigned obligation: the list has no filter for "nobody".
              link={(status, person) => (person ? overdueLink(status, { assignee: person.id, program }) : undefined)}
              note={
                dashboard.overdue.assignees > people.length
                  ? t('dashboard.overdue.peopleShown', { shown: formatNumber(people.length, i18n.language), total: formatNumber(dashboard.overdue.assignees, i18n.language) })
                  : undefined
              }
            />
            <StatusTable
              caption={t('dashboard.overdue.byKecamatan')}
              column={t('fields.kecamatan')}
              rows={places}
              testId="overdue-by-kecamatan"
              name={(kecamatan) => kecamatan.name}
              link={(status, kecamatan) => overdueLink(status, { kecamatan: kecamatan.code, program })}
            />
          </div>
        </>
      )}
    </DashboardSection>
  );
}

interface StatusTableProps<T> {
  caption: string;
  column: string;
  rows: StatusRow<T>[];
  testId: string;
  name: (item: T) => string;
  link: (status: Status, item: T) => string | undefined;
  /** Under the caption: what the table leaves out. */
  note?: string;
}

function StatusTable<T>({ caption, column, rows, testId, name, link, note }: StatusTableProps<T>) {
  const { t, i18n } = useTranslation();
  return (
    <table className="dash-table" data-testid={testId}>
      <caption>
        {caption}
        {note && <span className="dash-table__note">{note}</span>}
      </caption>
      <thead>
        <tr>
          <th scope="col">{column}</th>
          {STATUSES.map((status) => (
            <th key={status} scope="col" className="dash-table__num">
              {t(`obligationStatuses.${status}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const what = name(row.item);
          return (
            <tr key={row.key} data-key={row.key}>
              <th scope="row">{what}</th>
              {STATUSES.map((status) => (
                <td key={status} className="dash-table__num" data-status={status}>
                  <CountLink
                    count={row[status]}
                    to={link(status, row.item)}
                    label={t('dashboard.overdue.link', {
                      n: formatNumber(row[status], i18n.language),
                      status: t(`obligationStatuses.${status}`).toLowerCase(),
                      what,
                    })}
                  />
                </td>
              ))}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
