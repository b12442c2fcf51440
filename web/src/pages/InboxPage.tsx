import type { InboxItem } from '@kampung/domain/inbox';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatDateTime, formatNumber, formatPeriod } from '../lib/format';
import { inboxQueries } from '../modules/inbox/api/inbox.queries';
import { useMarkDone, useMarkRead } from '../modules/inbox/hooks/useInboxMarks';
import '../modules/inbox/inbox.css';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';

const caseUrl = (item: InboxItem) => `/cases/${encodeURIComponent(item.case.id)}`;

/** The two lists the inbox shows: still to deal with, and done. */
const FILTERS = ['open', 'done'] as const;
type Filter = (typeof FILTERS)[number];

/** "Kotak masuk": escalations, red monitoring reports and unmended reconciler findings addressed to
 * the signed-in user. Unread ones stand out; opening one (its case) marks it read; "Selesai" moves it
 * to the done list, and back. The list shown is in the URL (?state=done). */
export function InboxPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state: Filter = params.get('state') === 'done' ? 'done' : 'open';
  const query = useQuery(inboxQueries.list(state));
  return (
    <>
      <title>{`${t('inbox.heading')} · ${t('app.title')}`}</title>
      <h1>{t('inbox.heading')}</h1>
      <div className="inbox-filter" role="group" aria-label={t('inbox.filter')}>
        {FILTERS.map((filter) => (
          <button
            key={filter}
            type="button"
            className="button button--secondary"
            aria-pressed={filter === state}
            onClick={() => setParams(filter === 'open' ? {} : { state: filter }, { replace: true })}
          >
            {t(`inbox.states.${filter}`)}
          </button>
        ))}
      </div>
      {query.isPending && <Loading />}
      <ProblemAlert error={query.error} />
      {query.data && query.data.length === 0 && <p className="muted">{t(state === 'done' ? 'inbox.emptyDone' : 'inbox.empty')}</p>}
      {query.data && query.data.length > 0 && (
        <ul className="work-list">
          {query.data.map((item) => (
            <Item key={item.id} item={item} />
          ))}
        </ul>
      )}
    </>
  );
}

function Item({ item }: { item: InboxItem }) {
  const { t, i18n } = useTranslation();
  const markRead = useMarkRead();
  const markDone = useMarkDone();
  const unread = item.readAt === null;
  const doneLabel = item.doneAt === null ? 'inbox.markDone' : 'inbox.undoDone';
  // "Selesai: Kampung Grenpul": each item's buttons say which item they act on.
  const about = (action: string) => `${action}: ${item.case.name}`;
  const open = () => {
    if (unread) markRead.mutate(item.id);
  };
  const link = (
    <Link to={caseUrl(item)} onClick={open} onAuxClick={open}>
      {item.case.name}
    </Link>
  );
  return (
    <li
      className={`work-card inbox-item inbox-item--${unread ? 'unread' : 'read'}`}
      data-testid="inbox-item"
      data-kind={item.kind}
      data-read={unread ? 'false' : 'true'}
      data-done={item.doneAt ? 'true' : 'false'}
    >
      <p className="work-card__title">
        {unread && <span className="visually-hidden">{t('inbox.unread')}: </span>}
        <span className="badge badge--danger">{t(`inbox.kinds.${item.kind}`)}</span>
        {item.kind === 'ESCALATION' ? ' ' : ': '}
        {link}
        {item.kind === 'RED_REPORT' && item.report && (
          <>
            {' '}
            <span className="work-card__detail" data-testid="red-report-detail">
              {t('inbox.redReportDetail', {
                period: formatPeriod(item.report.period, i18n.language),
                progress: formatNumber(item.report.progressPercent, i18n.language),
              })}
            </span>
          </>
        )}
      </p>
      {item.kind === 'ESCALATION' && item.obligation && <p className="work-card__meta">{t(`obligationKinds.${item.obligation.kind}`)}</p>}
      {item.kind === 'RECONCILIATION' && item.finding && (
        <p className="work-card__meta">{t(`inbox.findings.${item.finding.kind}`, { defaultValue: t('inbox.findings.OTHER') })}</p>
      )}
      <p className="work-card__meta">
        <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, i18n.language)}</time>
        {item.doneAt && (
          <>
            {' · '}
            {t('inbox.doneAt', { date: formatDateTime(item.doneAt, i18n.language) })}
          </>
        )}
      </p>
      <div className="inbox-item__actions">
        {unread && (
          <button
            type="button"
            className="button button--quiet"
            aria-label={about(t('inbox.markRead'))}
            disabled={markRead.isPending}
            onClick={() => markRead.mutate(item.id)}
          >
            {t('inbox.markRead')}
          </button>
        )}
        <button
          type="button"
          className="button button--secondary"
          aria-label={about(t(doneLabel))}
          disabled={markDone.isPending}
          onClick={() => markDone.mutate({ id: item.id, done: item.doneAt === null })}
        >
          {t(doneLabel)}
        </button>
      </div>
      <ProblemAlert error={markRead.error ?? markDone.error} />
    </li>
  );
}
