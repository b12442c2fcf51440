import type { Dashboard } from '@kampung/domain/obligation';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../../lib/format';
import { allStalledLink, overdueLink, redReportsLink } from '../dashboard-links';
import { overdueTotals } from '../dashboard-figures';

/** The four numbers a manager looks at first, each a link to its list, and the activities'
 * beneficiaries (each person once, merged duplicates included). */
export function KeyFigures({ dashboard }: { dashboard: Dashboard }) {
  const { t, i18n } = useTranslation();
  const totals = overdueTotals(dashboard);
  const tiles = [
    { id: 'stalled', value: dashboard.stalled.total, to: allStalledLink(dashboard.program), tone: 'hold' },
    { id: 'overdue', value: totals.OVERDUE, to: overdueLink('OVERDUE', { program: dashboard.program }), tone: 'hold' },
    { id: 'escalated', value: totals.ESCALATED, to: overdueLink('ESCALATED', { program: dashboard.program }), tone: 'danger' },
    { id: 'redReports', value: dashboard.redReports, to: redReportsLink(dashboard.program), tone: 'danger' },
  ] as const;
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <>
      <ul className="dash-tiles" aria-label={t('dashboard.keyFigures')}>
        {tiles.map((tile) => (
          <li key={tile.id} className={`dash-tile${tile.value > 0 ? ` dash-tile--${tile.tone}` : ''}`} data-testid={`tile-${tile.id}`}>
            <Link className="dash-tile__link" to={tile.to}>
              <span className="dash-tile__value">{formatNumber(tile.value, i18n.language)}</span>
              <span className="dash-tile__label">{t(`dashboard.tiles.${tile.id}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
      <p className="muted" data-testid="beneficiaries">
        {t('dashboard.beneficiaries', {
          people: n(dashboard.beneficiaries.people),
          households: n(dashboard.beneficiaries.households),
          enrolments: n(dashboard.beneficiaries.enrolments),
        })}
      </p>
    </>
  );
}
