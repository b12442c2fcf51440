import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, formatNumber, formatPeriod } from '../lib/format';
import type { EscalationItem, InboxItem, ReconciliationItem, RedReportItem } from '../modules/obligations/api/obligations.api';
import { obligationQueries } from '../modules/obligations/api/obligations.queries';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';

const caseUrl = (item: InboxItem) => `/cases/${encodeURIComponent(item.case.id)}`;

/** "Kotak masuk": escalations and red monitoring reports addressed to the signed-in user. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const query = useQuery(obligationQueries.inbox());
  return (
    <>
      <title>{`${t('inbox.heading')} · ${t('app.title')}`}</title>
      <h1>{t('inbox.heading')}</h1>
      {query.isPending && <Loading />}
      <ProblemAlert error={query.error} />
      {query.data && query.data.length === 0 && <p className="muted">{t('inbox.empty')}</p>}
      {query.data && query.data.length > 0 && (
        <ul className="work-list">
          {query.data.map((item) => (
            <li key={item.id} className="work-card" data-testid="inbox-item" data-kind={item.kind}>
              {item.kind === 'RED_REPORT' ? <RedReport item={item} /> : item.kind === 'RECONCILIATION' ? <Finding item={item} /> : <Escalation item={item} />}
              <p className="work-card__meta">
                <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, i18n.language)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function Escalation({ item }: { item: EscalationItem }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="work-card__title">
        <span className="badge badge--danger">{t('inbox.kinds.ESCALATION')}</span> <Link to={caseUrl(item)}>{item.case.name}</Link>
      </p>
      {item.obligation && <p className="work-card__meta">{t(`obligationKinds.${item.obligation.kind}`)}</p>}
    </>
  );
}

/** "Laporan merah: <case> periode <period>, progres <n>%", the case name linking to it. */
function RedReport({ item }: { item: RedReportItem }) {
  const { t, i18n } = useTranslation();
  const report = item.report;
  return (
    <p className="work-card__title">
      <span className="badge badge--danger">{t('inbox.kinds.RED_REPORT')}</span>: <Link to={caseUrl(item)}>{item.case.name}</Link>
      {report && (
        <>
          {' '}
          <span className="work-card__detail" data-testid="red-report-detail">
            {t('inbox.redReportDetail', {
              period: formatPeriod(report.period, i18n.language),
              progress: formatNumber(report.progressPercent, i18n.language),
            })}
          </span>
        </>
      )}
    </p>
  );
}

/** "Data tidak selaras: <case>": the reconciler could not mend it by itself; what it found, in words. */
function Finding({ item }: { item: ReconciliationItem }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="work-card__title">
        <span className="badge badge--danger">{t('inbox.kinds.RECONCILIATION')}</span>: <Link to={caseUrl(item)}>{item.case.name}</Link>
      </p>
      {item.finding && <p className="work-card__meta">{t(`inbox.findings.${item.finding.kind}`, { defaultValue: t('inbox.findings.OTHER') })}</p>}
    </>
  );
}
