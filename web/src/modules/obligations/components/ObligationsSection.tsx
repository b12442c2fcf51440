import { OPEN_OBLIGATION_STATUSES, type Obligation } from '@kampung/domain/obligation';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format';
import { Loading } from '../../../ui/Loading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { obligationQueries } from '../api/obligations.queries';
import { ObligationScope } from './ObligationScope';
import { ObligationStatusBadge } from './ObligationStatusBadge';
import { WaiveButton } from './WaiveButton';

/** "Kewajiban": the case's obligations of every kind with their period or stage, window and state;
 * writers may waive an open one with a reason. */
export function ObligationsSection({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const query = useQuery(obligationQueries.list({ case: caseId, pageSize: 50 }));
  const items = openFirst(query.data?.items ?? []);
  return (
    <section className="card" aria-labelledby="obligations-heading">
      <h2 id="obligations-heading">{t('obligations.heading')}</h2>
      {query.isPending && <Loading />}
      <ProblemAlert error={query.error} />
      {query.data && items.length === 0 && <p className="muted">{t('obligations.empty')}</p>}
      {items.length > 0 && (
        <ul className="item-list">
          {items.map((o) => (
            <ObligationItem key={o.id} obligation={o} canWrite={canWrite} />
          ))}
        </ul>
      )}
      {query.data && query.data.total > items.length && (
        <p className="muted">{t('obligations.showing', { shown: items.length, total: query.data.total })}</p>
      )}
    </section>
  );
}

const isOpen = (o: Obligation) => OPEN_OBLIGATION_STATUSES.includes(o.status);

/** What needs doing first (soonest due), then what is closed (most recent first). */
function openFirst(items: readonly Obligation[]): Obligation[] {
  const open = items.filter(isOpen).sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  const closed = items.filter((o) => !isOpen(o)).sort((a, b) => b.dueAt.localeCompare(a.dueAt));
  return [...open, ...closed];
}

function ObligationItem({ obligation: o, canWrite }: { obligation: Obligation; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const date = (value: string) => formatDate(value, i18n.language);
  return (
    <li className="item-list__item" data-testid="obligation" data-id={o.id} data-kind={o.kind} data-status={o.status}>
      <p className="item-list__title">
        <strong>{t(`obligationKinds.${o.kind}`)}</strong> <ObligationStatusBadge status={o.status} />
      </p>
      <ObligationScopeLine obligation={o} />
      <p className="item-list__meta">{o.assignee ? o.assignee.name : t('obligations.unassigned')}</p>
      <p className="item-list__meta">
        {t('obligations.window', { opens: date(o.opensAt), due: date(o.dueAt), overdue: date(o.overdueAt), escalates: date(o.escalatesAt) })}
      </p>
      {o.fulfilledAt && (
        <p className="item-list__meta">
          {t('obligations.fulfilledAt', { when: formatDateTime(o.fulfilledAt, i18n.language) })}
          {o.late && <> · <strong className="text-warning">{t('obligations.late')}</strong></>}
        </p>
      )}
      {o.waivedReason && (
        <p className="item-list__meta" data-testid="waived-reason">
          <strong>{t('obligations.waivedReason')}:</strong> {o.waivedReason}
        </p>
      )}
      {canWrite && isOpen(o) && <WaiveButton obligation={o} />}
    </li>
  );
}

function ObligationScopeLine({ obligation }: { obligation: Obligation }) {
  if (!obligation.periodLabel && !obligation.stage) return null;
  return (
    <p className="item-list__meta">
      <ObligationScope obligation={obligation} />
    </p>
  );
}
