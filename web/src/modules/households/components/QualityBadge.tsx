import type { PersonView } from '@kampung/domain/household';
import { useTranslation } from 'react-i18next';

const BADGES: Record<PersonView['quality'], string> = {
  VALID: 'badge badge--done',
  SUSPECT: 'badge badge--hold',
  DUPLICATE: 'badge badge--danger',
  MOVED: 'badge badge--ended',
};

/** A person's standing in the one-data list, in words: Valid, Perlu dicek, Duplikat, Pindah. */
export function QualityBadge({ quality }: { quality: PersonView['quality'] }) {
  const { t } = useTranslation();
  return (
    <span className={BADGES[quality]} data-testid="quality" data-quality={quality}>
      {t(`personQuality.${quality}`)}
    </span>
  );
}
