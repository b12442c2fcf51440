import type { Dashboard } from '@kampung/domain/obligation';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent } from '../../../lib/format';
import { adherenceRows } from '../dashboard-figures';
import { adherenceLink } from '../dashboard-links';
import { Bar, CountLink } from './Bar';
import { DashboardSection } from './DashboardSection';

/** Per person: of the visits due in the last 90 days, the share done on time; the figures open
 * that person's visit obligations of the same window. */
export function AdherenceTable({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const rows = adherenceRows(dashboard.adherence);
  return (
    <DashboardSection title={t('dashboard.adherence.heading')} hint={t('dashboard.adherence.hint')} testId="dashboard-adherence">
      {rows.length === 0 ? (
        <p className="muted">{t('dashboard.adherence.empty')}</p>
      ) : (
        <>
        <p className="muted" data-testid="adherence-summary">
          {t('dashboard.adherence.summary', {
            mentors: formatNumber(dashboard.adherenceSummary.mentors, i18n.language),
            onTime: formatNumber(dashboard.adherenceSummary.onTime, i18n.language),
            due: formatNumber(dashboard.adherenceSummary.due, i18n.language),
            percent: formatPercent(dashboard.adherenceSummary.share, i18n.language),
            shown: formatNumber(rows.length, i18n.language),
          })}
        </p>
        <table className="dash-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.adherence.colPerson')}</th>
              <th scope="col">{t('dashboard.adherence.colShare')}</th>
              <th scope="col" className="dash-table__num">
                {t('dashboard.adherence.colVisits')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const percent = formatPercent(row.share, i18n.language);
              const onTime = formatNumber(row.onTime, i18n.language);
              const due = formatNumber(row.due, i18n.language);
              return (
                <tr key={row.mentor.id} data-testid="adherence-row">
                  <th scope="row">{row.mentor.name}</th>
                  <td>
                    <span className="dash-share">
                      <span className="dash-share__value">{percent}</span>
                      <Bar value={row.share} max={1} tone={row.share < 0.5 ? 'danger' : row.share < 0.8 ? 'hold' : 'done'} />
                    </span>
                  </td>
                  <td className="dash-table__num">
                    <CountLink
                      count={row.due}
                      to={adherenceLink(row.mentor.id, dashboard.generatedAt, dashboard.program)}
                      label={t('dashboard.adherence.link', { onTime, due, name: row.mentor.name, percent })}
                    >
                      {t('dashboard.adherence.value', { onTime, due })}
                    </CountLink>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        </>
      )}
    </DashboardSection>
  );
}
