import type { Obligation } from '@kampung/domain/obligation';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { LogVisitButton } from './LogVisitButton';
import { ObligationCardHead } from './ObligationCardHead';

/** One obligation in the worklist: the case, what is due and when, and a one-tap visit log (on a
 * case on hold, why there is none: its visits wait for the resume, and the server would refuse one). */
interface WorkItemCardProps {
  obligation: Obligation;
  canWrite: boolean;
  /** The case is on hold. */
  onHold?: boolean;
  onLogged?: (obligation: Obligation) => void;
}

export function WorkItemCard({ obligation: o, canWrite, onHold = false, onLogged }: WorkItemCardProps) {
  const { t, i18n } = useTranslation();
  return (
    <li className="work-card" data-testid="work-item" data-case-id={o.caseId}>
      <ObligationCardHead obligation={o} />
      <p className="work-card__meta">{t('worklist.dueOn', { date: formatDate(o.dueAt, i18n.language) })}</p>
      {canWrite &&
        o.kind === 'VISIT' &&
        (onHold ? (
          <p className="alert alert--info" data-testid="visit-on-hold">
            {t('worklist.onHold')}
          </p>
        ) : (
          <LogVisitButton caseId={o.caseId} onLogged={() => onLogged?.(o)} />
        ))}
    </li>
  );
}
