import type { HouseholdImportView } from '@kampung/domain/household';
import { useTranslation } from 'react-i18next';

const BADGES: Record<HouseholdImportView['status'], string> = {
  VALIDATING: 'badge badge--active',
  WRITING: 'badge badge--active',
  DONE: 'badge badge--done',
  REFUSED: 'badge badge--danger',
  FAILED: 'badge badge--danger',
  CANCELLED: 'badge badge--ended',
};

/** An import's state in words: Memeriksa, Menyimpan, Selesai, Ditolak, Gagal, Dibatalkan. */
export function ImportStatusBadge({ status }: { status: HouseholdImportView['status'] }) {
  const { t } = useTranslation();
  return (
    <span className={BADGES[status]} data-testid="import-state">
      {t(`importStatuses.${status}`)}
    </span>
  );
}
