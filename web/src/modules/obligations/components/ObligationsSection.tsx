import type { Obligation } from '@kampung/domain/obligation';
import { isOpenStatus } from '@kampung/domain/obligation-rules';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format';
import { Loading } from '../../../ui/Loading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { VisitEvidenceMarker } from '../../photos/components/VisitEvidence';
import { obligationQueries } from '../api/obligations.queries';
import { ObligationScope } from './ObligationScope';
import { ObligationStatusBadge } from './ObligationStatusBadge';
import { WaiveButton } from './WaiveButton';

/** "Kewajiban": what the case still has to do (every open obligation, soonest due first), then
 * what is closed (latest first, folded away so the page stays short on a phone); writers may
 * waive an open one with a reason. */
export function ObligationsSection({ caseId, canWrite }: { caseId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const open = useQuery(obligationQueries.list({ case: caseId, open: 'true', pageSize: 200 }));
  const closed = useQuery(obligationQueries.list({ case: caseId, open: 'false', sort: '-due', pageSize: CLOSED_SHOWN }));
  const list = (items: readonly Obligation[]) => (
    <ul className="item-list">
      {items.map((o) => (
        <ObligationItem key={o.id} obligation={o} canWrite={canWrite} />
      ))}
    </ul>
  );
  return (
    <section className="card" aria-labelledby="obligations-heading">
      <h2 id="obligations-heading">{t('obligations.heading')}</h2>
      {(open.isPending || closed.isPending) && <Loading />}
      <ProblemAlert error={open.error ?? closed.error} />
      {open.data && closed.data && open.data.total + closed.data.total === 0 && <p className="muted">{t('obligations.empty')}</p>}
      {open.data && open.data.items.length > 0 && list(open.data.items)}
      {closed.data && closed.data.total > 0 && (
        <details className="folded">
          <summary>{t('obligations.closedHeading', { count: closed.data.total })}</summary>
          {list(closed.data.items)}
          {closed.data.total > closed.data.items.length && (
            <p className="muted">{t('obligations.showing', { shown: closed.data.items.length, total: closed.data.total })}</p>
          )}
        </details>
      )}
    </section>
  );
}

/** Closed obligations shown on the case page; the obligation list has them all. */
const CLOSED_SHOWN = 20;

const isOpen = (o: Obligation) => isOpenStatus(o.status);

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
          {o.late && <> · <strong className="text-warning">{t('obligations.late')}</strong></>}{' '}
          <VisitEvidenceMarker evidence={o.evidence} />
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
