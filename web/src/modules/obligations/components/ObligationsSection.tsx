import type { Obligation } from '@kampung/domain/obligation';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format';
import { Loading } from '../../../ui/Loading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { obligationQueries } from '../api/obligations.queries';
import { ObligationStatusBadge } from './ObligationStatusBadge';

/** "Kewajiban": the case's obligations with their window and state. */
export function ObligationsSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const query = useQuery(obligationQueries.list({ case: caseId, pageSize: 50 }));
  const items = query.data?.items ?? [];
  return (
    <section className="card" aria-labelledby="obligations-heading">
      <h2 id="obligations-heading">{t('obligations.heading')}</h2>
      {query.isPending && <Loading />}
      <ProblemAlert error={query.error} />
      {query.data && items.length === 0 && <p className="muted">{t('obligations.empty')}</p>}
      {items.length > 0 && (
        <ul className="item-list">
          {items.map((o) => (
            <ObligationItem key={o.id} obligation={o} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ObligationItem({ obligation: o }: { obligation: Obligation }) {
  const { t, i18n } = useTranslation();
  const date = (value: string) => formatDate(value, i18n.language);
  return (
    <li className="item-list__item" data-testid="obligation" data-kind={o.kind} data-status={o.status}>
      <p className="item-list__title">
        <strong>{t(`obligationKinds.${o.kind}`)}</strong> <ObligationStatusBadge status={o.status} />
      </p>
      <p className="item-list__meta">{o.assignee ? o.assignee.name : t('obligations.unassigned')}</p>
      <p className="item-list__meta">
        {t('obligations.window', { opens: date(o.opensAt), due: date(o.dueAt), overdue: date(o.overdueAt) })}
      </p>
      {o.fulfilledAt && (
        <p className="item-list__meta">
          {t('obligations.fulfilledAt', { when: formatDateTime(o.fulfilledAt, i18n.language) })}
          {o.late && <> · <strong className="text-warning">{t('obligations.late')}</strong></>}
        </p>
      )}
    </li>
  );
}
