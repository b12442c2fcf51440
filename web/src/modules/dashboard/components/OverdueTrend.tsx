import type { Dashboard } from '@kampung/domain/obligation';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../../i18n';
import { formatDate, formatDayMonth, formatNumber } from '../../../lib/format';
import { isCurrentWeek } from '../dashboard-figures';
import { overdueLink } from '../dashboard-links';
import { CountLink } from './Bar';
import { CHART_COLOURS, DashboardChart } from './DashboardChart';
import { DashboardSection } from './DashboardSection';

const STATUSES = ['OVERDUE', 'ESCALATED'] as const;

/** Overdue and escalated obligations at the end of each of the last 12 weeks, as lines, with the
 * weeks in a table under them; this week's figures open the obligation list (earlier weeks are
 * history: no list holds them any more). */
export function OverdueTrend({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const trend = dashboard.overdueTrend;
  const weeks = trend.map((w) => formatDayMonth(w.weekStart, i18n.language));
  const overdue = t('obligationStatuses.OVERDUE');
  const escalated = t('obligationStatuses.ESCALATED');
  return (
    <DashboardSection title={t('dashboard.trend.heading')} hint={t('dashboard.trend.hint')} testId="dashboard-trend">
      {trend.length === 0 ? (
        <p className="muted">{t('dashboard.trend.empty')}</p>
      ) : (
        <>
          <DashboardChart
            kind="line"
            testId="trend-chart"
            height={240}
            label={t('dashboard.charts.trendLabel', { weeks: trend.length })}
            data={{
              labels: weeks,
              datasets: [
                {
                  label: overdue,
                  data: trend.map((w) => w.overdue),
                  borderColor: CHART_COLOURS.amber,
                  backgroundColor: CHART_COLOURS.amber,
                  pointStyle: 'circle',
                  tension: 0.2,
                },
                {
                  label: escalated,
                  data: trend.map((w) => w.escalated),
                  borderColor: CHART_COLOURS.red,
                  backgroundColor: CHART_COLOURS.red,
                  borderDash: [6, 4],
                  pointStyle: 'triangle',
                  pointRadius: 4,
                  tension: 0.2,
                },
              ],
            }}
            options={{
              locale: localeOf(i18n.language),
              interaction: { mode: 'index', intersect: false },
              plugins: { legend: { position: 'bottom', labels: { usePointStyle: true } } },
              scales: {
                x: { grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 8 } },
                y: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: CHART_COLOURS.grid } },
              },
            }}
          />
          <div className="dash-table-scroll">
            <table className="dash-table dash-table--compact" data-testid="trend-table">
              <caption className="visually-hidden">{t('dashboard.trend.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.trend.week')}</th>
                  <th scope="col" className="dash-table__num">
                    {overdue}
                  </th>
                  <th scope="col" className="dash-table__num">
                    {escalated}
                  </th>
                </tr>
              </thead>
              <tbody>
                {[...trend].reverse().map((week) => {
                  const index = trend.indexOf(week);
                  const current = isCurrentWeek(trend, index);
                  const when = current ? t('dashboard.trend.thisWeek') : formatDate(week.weekStart, i18n.language);
                  return (
                    <tr key={week.weekStart} data-key={week.weekStart}>
                      <th scope="row">{when}</th>
                      {STATUSES.map((status) => {
                        const count = status === 'OVERDUE' ? week.overdue : week.escalated;
                        const label = t('dashboard.overdue.link', {
                          n: formatNumber(count, i18n.language),
                          status: t(`obligationStatuses.${status}`).toLowerCase(),
                          what: when,
                        });
                        return (
                          <td key={status} className="dash-table__num" data-status={status}>
                            <CountLink count={count} to={current ? overdueLink(status, { program: dashboard.program }) : undefined} label={label} />
                          </td>
                        );
                      })}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </DashboardSection>
  );
}
