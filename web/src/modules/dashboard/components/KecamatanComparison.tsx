import type { Dashboard } from '@kampung/domain/obligation';
import type { Program } from '@kampung/domain/program';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { localeOf } from '../../../i18n';
import { formatNumber } from '../../../lib/format';
import { kecamatanComparison, type KecamatanRow } from '../dashboard-figures';
import { coverageLink, overdueLink } from '../dashboard-links';
import { CountLink } from './Bar';
import { CHART_COLOURS, DashboardChart } from './DashboardChart';
import { DashboardSection } from './DashboardSection';

const STATUSES = ['OVERDUE', 'ESCALATED'] as const;

/** The kecamatan side by side: overdue and escalated obligations (stacked, bottom axis) and the
 * share of kelurahan with a running kampung (top axis, %), one chart per program, with a table of
 * the figures under it; each figure opens the obligation or case list of that kecamatan. */
export function KecamatanComparison({ dashboard, programs }: { dashboard: Dashboard; programs: readonly Program[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const groups = kecamatanComparison(dashboard, programs);
  const work = t('dashboard.kecamatan.work');
  const coverage = t('dashboard.kecamatan.coverageAxis');
  return (
    <DashboardSection title={t('dashboard.kecamatan.heading')} hint={t('dashboard.kecamatan.hint')} wide testId="dashboard-kecamatan">
      {groups.length === 0 && <p className="muted">{t('dashboard.coverage.empty')}</p>}
      {groups.map(({ programCode, rows }) => {
        const program = programCode ? t(`programs.${programCode}`, { defaultValue: programCode }) : '';
        const programOf = programCode || dashboard.program;
        return (
          <div key={programCode} className="dash-group">
            {groups.length > 1 && program && <h3>{program}</h3>}
            <DashboardChart
              kind="bar"
              testId="kecamatan-chart"
              height={rows.length * 34 + 100}
              label={t('dashboard.charts.kecamatanLabel', { program: program || t('dashboard.kecamatan.heading') })}
              data={{
                labels: rows.map((r) => r.name),
                datasets: [
                  { label: t('obligationStatuses.OVERDUE'), data: rows.map((r) => r.OVERDUE), backgroundColor: CHART_COLOURS.amber, stack: 'work', xAxisID: 'x' },
                  { label: t('obligationStatuses.ESCALATED'), data: rows.map((r) => r.ESCALATED), backgroundColor: CHART_COLOURS.red, stack: 'work', xAxisID: 'x' },
                  {
                    label: t('dashboard.kecamatan.coverageSeries'),
                    data: rows.map((r) => Math.round(r.share * 100)),
                    backgroundColor: CHART_COLOURS.green,
                    stack: 'coverage',
                    xAxisID: 'x1',
                  },
                ],
              }}
              options={{
                indexAxis: 'y',
                locale: localeOf(i18n.language),
                plugins: { legend: { position: 'bottom' } },
                scales: {
                  x: { stacked: true, beginAtZero: true, position: 'bottom', ticks: { precision: 0 }, title: { display: true, text: work }, grid: { color: CHART_COLOURS.grid } },
                  x1: { beginAtZero: true, min: 0, max: 100, position: 'top', title: { display: true, text: coverage }, grid: { drawOnChartArea: false } },
                  y: { stacked: true, grid: { display: false } },
                },
                onClick: (_event, elements) => {
                  const hit = elements[0];
                  const row = hit ? rows[hit.index] : undefined;
                  if (!hit || !row) return;
                  const to = hit.datasetIndex === 2 ? coverageLink(row.code, programs) : overdueLink(STATUSES[hit.datasetIndex]!, { kecamatan: row.code, program: programOf });
                  void navigate(to);
                },
              }}
            />
            <div className="dash-table-scroll">
              <table className="dash-table dash-table--compact">
                <caption className="visually-hidden">{program ? t('dashboard.coverage.listLabel', { program }) : t('dashboard.kecamatan.heading')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('fields.kecamatan')}</th>
                    {STATUSES.map((status) => (
                      <th key={status} scope="col" className="dash-table__num">
                        {t(`obligationStatuses.${status}`)}
                      </th>
                    ))}
                    <th scope="col" className="dash-table__num">
                      {t('dashboard.kecamatan.coverageColumn')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((row) => (
                    <Row key={row.code} row={row} program={programOf} programs={programs} />
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </DashboardSection>
  );
}

function Row({ row, program, programs }: { row: KecamatanRow; program: string | null; programs: readonly Program[] }) {
  const { t, i18n } = useTranslation();
  const covered = formatNumber(row.covered, i18n.language);
  const total = formatNumber(row.kelurahan, i18n.language);
  return (
    <tr data-testid="kecamatan-row" data-key={row.code}>
      <th scope="row">{row.name}</th>
      {STATUSES.map((status) => (
        <td key={status} className="dash-table__num" data-status={status}>
          <CountLink
            count={row[status]}
            to={overdueLink(status, { kecamatan: row.code, program })}
            label={t('dashboard.overdue.link', { n: formatNumber(row[status], i18n.language), status: t(`obligationStatuses.${status}`).toLowerCase(), what: row.name })}
          />
        </td>
      ))}
      <td className="dash-table__num" data-status="coverage">
        <CountLink count={row.covered} to={coverageLink(row.code, programs)} label={t('dashboard.coverage.link', { covered, total, name: row.name })}>
          {t('dashboard.coverage.value', { covered, total })}
        </CountLink>
      </td>
    </tr>
  );
}
