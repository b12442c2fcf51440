import type { MonitoringReport } from '@kampung/domain/obligation';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, formatNumber, formatPeriod, formatRupiah } from '../../../lib/format';

interface ReportCardProps {
  report: MonitoringReport;
  /** On lists across cases: the case name, linking to it. */
  showCase?: boolean;
}

/** One monitoring report: its period, progress against the target (red below it, with the
 * explanation), budget realised, problems, and who sent it when. */
export function ReportCard({ report: r, showCase = false }: ReportCardProps) {
  const { t, i18n } = useTranslation();
  const number = (value: number) => formatNumber(value, i18n.language);
  return (
    <li
      className={`report-card${r.red ? ' report-card--red' : ''}`}
      data-testid="monitoring-report"
      data-period={r.period}
      data-red={r.red ? 'true' : 'false'}
    >
      {showCase && (
        <p className="work-card__title">
          <Link to={`/cases/${encodeURIComponent(r.caseId)}`}>{r.caseName}</Link>
        </p>
      )}
      <p className="item-list__title">
        <strong>
          {t('monitoring.period')} <time dateTime={r.period}>{formatPeriod(r.period, i18n.language)}</time>
        </strong>{' '}
        {r.red ? (
          <span className="badge badge--danger" data-testid="report-red">
            {t('monitoring.red')}
          </span>
        ) : (
          <span className="badge badge--done">{t('monitoring.onTarget')}</span>
        )}
      </p>
      <p className="report-card__figures">
        {t('monitoring.progressOfTarget', { progress: number(r.progressPercent), target: number(r.targetPercent) })} ·{' '}
        {t('monitoring.budgetRealisedValue', { amount: formatRupiah(r.budgetRealised, i18n.language) })}
      </p>
      {r.explanation && (
        <p className="report-card__text" data-testid="report-explanation">
          <strong>{t('fields.explanation')}:</strong> {r.explanation}
        </p>
      )}
      {r.problems && (
        <p className="report-card__text">
          <strong>{t('fields.problems')}:</strong> {r.problems}
        </p>
      )}
      <p className="item-list__meta">
        <time dateTime={r.submittedAt}>{formatDateTime(r.submittedAt, i18n.language)}</time>
        {r.submittedBy && <> · {t('case.by', { name: r.submittedBy.name })}</>}
      </p>
    </li>
  );
}
