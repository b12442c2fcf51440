import type { TFunction } from 'i18next';

/** "0–30 hari", "≥ 180 hari": a range of days a case is past its stage's expected duration. */
export function stalledRangeLabel(fromDays: number, toDays: number | null | undefined, t: TFunction): string {
  return toDays === null || toDays === undefined ? t('stalled.from', { from: fromDays }) : t('stalled.range', { from: fromDays, to: toDays });
}
