import type { Obligation } from '@kampung/domain/obligation';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime } from '../../../lib/format';
import { VisitEvidenceMarker } from '../../photos/components/VisitEvidence';
import { ObligationCardHead } from './ObligationCardHead';

interface ObligationCardProps {
  obligation: Obligation;
  /** In a long list: the row's place, and the ref that measures its height. */
  index?: number;
  measure?: (element: HTMLLIElement | null) => void;
}

/** One obligation on the obligation list: its case (a link), kind, status, who holds it and when it is due. */
export function ObligationCard({ obligation: o, index, measure }: ObligationCardProps) {
  const { t, i18n } = useTranslation();
  return (
    <li
      ref={measure}
      data-index={index}
      className="work-card"
      data-testid="obligation-item"
      data-case-id={o.caseId}
      data-status={o.status}
      data-kind={o.kind}
    >
      <ObligationCardHead obligation={o} />
      <p className="work-card__meta">{o.assignee ? t('obligationList.assigneeValue', { name: o.assignee.name }) : t('obligations.unassigned')}</p>
      <p className="work-card__meta">
        <time dateTime={o.dueAt}>{t('worklist.dueOn', { date: formatDate(o.dueAt, i18n.language) })}</time>
        {o.fulfilledAt && (
          <>
            {' · '}
            {t('obligations.fulfilledAt', { when: formatDateTime(o.fulfilledAt, i18n.language) })}
            {o.late && <span className="text-warning"> ({t('obligations.late')})</span>}
            {' '}
            <VisitEvidenceMarker evidence={o.evidence} />
          </>
        )}
      </p>
    </li>
  );
}
