import type { ObligationStatus } from '@kampung/domain/obligation';
import { useTranslation } from 'react-i18next';

function tone(status: ObligationStatus): string {
  if (status === 'ESCALATED') return 'danger';
  if (status === 'OVERDUE') return 'hold';
  if (status === 'FULFILLED') return 'done';
  if (status === 'DUE') return 'active';
  return 'ended';
}

export function ObligationStatusBadge({ status }: { status: ObligationStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${tone(status)}`} data-status={status} data-testid="obligation-status">
      {t(`obligationStatuses.${status}`)}
    </span>
  );
}
