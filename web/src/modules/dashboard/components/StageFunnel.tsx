import type { Dashboard } from '@kampung/domain/obligation';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { localeOf } from '../../../i18n';
import { formatNumber } from '../../../lib/format';
import { stageFunnels } from '../dashboard-figures';
import { stageLink } from '../dashboard-links';
import { CountLink } from './Bar';
import { CHART_COLOURS, DashboardChart } from './DashboardChart';
import { DashboardSection } from './DashboardSection';

/** Cases per stage, as a funnel per program (a bar chart in the stages' order), with the counts
 * in a table under it; each count (and each bar) opens the case list of that program and stage. */
export function StageFunnel({ dashboard, programOrder }: { dashboard: Dashboard; programOrder: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const funnels = stageFunnels(dashboard.stages, programOrder);
  return (
    <DashboardSection title={t('dashboard.stages.heading')} hint={t('dashboard.stages.hint')} testId="dashboard-stages">
      {funnels.length === 0 && <p className="muted">{t('dashboard.stages.empty')}</p>}
      {funnels.map((funnel) => {
        const program = t(`programs.${funnel.programCode}`, { defaultValue: funnel.programCode });
        const stages = funnel.rows.map((row) => t(`stages.${row.stage}`, { defaultValue: row.stage }));
        return (
          <div key={funnel.programCode} className="dash-group">
            {(funnels.length > 1 || !dashboard.program) && <h3>{program}</h3>}
            <DashboardChart
              kind="bar"
              testId="stage-chart"
              height={funnel.rows.length * 26 + 40}
              label={t('dashboard.charts.funnelLabel', { program })}
              data={{
                labels: stages,
                datasets: [{ label: t('dashboard.charts.cases'), data: funnel.rows.map((r) => r.count), backgroundColor: CHART_COLOURS.blue, barPercentage: 0.8 }],
              }}
              options={{
                indexAxis: 'y',
                locale: localeOf(i18n.language),
                plugins: { legend: { display: false } },
                scales: { x: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: CHART_COLOURS.grid } }, y: { grid: { display: false } } },
                onClick: (_event, elements) => {
                  const row = elements[0] ? funnel.rows[elements[0].index] : undefined;
                  if (row && row.count > 0) void navigate(stageLink(funnel.programCode, row.stage));
                },
              }}
            />
            <div className="dash-table-scroll">
              <table className="dash-table dash-table--compact">
                <caption className="visually-hidden">{t('dashboard.stages.listLabel', { program })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('list.colStage')}</th>
                    <th scope="col" className="dash-table__num">
                      {t('dashboard.charts.cases')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {funnel.rows.map((row, i) => {
                    const count = formatNumber(row.count, i18n.language);
                    return (
                      <tr key={row.stage} data-testid="stage-row" data-key={row.stage}>
                        <th scope="row">{stages[i]}</th>
                        <td className="dash-table__num">
                          <CountLink count={row.count} to={stageLink(funnel.programCode, row.stage)} label={t('dashboard.stages.link', { n: count, stage: stages[i] })} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
        );
      })}
    </DashboardSection>
  );
}
