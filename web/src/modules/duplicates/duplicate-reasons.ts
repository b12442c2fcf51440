import type { TFunction } from 'i18next';

/** The reasons the duplicate search gives (in English, from @kampung/domain/dedup), by key. */
const FIXED: Record<string, string> = {
  'same NIK': 'sameNik',
  'same name': 'sameName',
  'different names': 'differentNames',
  'NIKs one digit apart': 'nikOneDigit',
  'NIKs differ by two swapped digits': 'nikSwapped',
  'same birth date': 'sameBirthDate',
  'birth dates one day apart': 'birthDayApart',
  'birth day and month swapped': 'birthDaySwapped',
  'same KK': 'sameKk',
  'different KK': 'differentKk',
  'same birth date and sex': 'sameBirthDateSex',
  'same kelurahan, same RT/RW': 'sameRtRw',
  'same kelurahan, other RT/RW': 'otherRtRw',
};
const SIMILAR_NAMES = /^similar names \((\d(?:\.\d+)?)\)$/;

/** A reason in the user's language ("similar names (0.92)" → "nama mirip (92%)"); one it does not
 * know is shown as the server wrote it. */
export function reasonText(reason: string, t: TFunction, formatPercent: (share: number) => string): string {
  const key = FIXED[reason];
  if (key) return t(`duplicates.reasons.${key}`);
  const similar = SIMILAR_NAMES.exec(reason);
  if (similar) return t('duplicates.reasons.similarNames', { similarity: formatPercent(Number(similar[1])) });
  return reason;
}
