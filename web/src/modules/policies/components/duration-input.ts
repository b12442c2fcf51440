import { parseIsoDuration, type DurationUnit } from '../../../lib/duration';

/** The units a policy duration is entered in, in the order the select lists them. */
export const DURATION_INPUT_UNITS = ['days', 'weeks', 'months', 'years', 'hours', 'minutes', 'seconds'] as const satisfies readonly DurationUnit[];
export type DurationInputUnit = (typeof DURATION_INPUT_UNITS)[number];

/** A duration as people enter it: a whole number and a unit ("2" and "minggu"). */
export interface DurationDraft {
  amount: string;
  unit: DurationInputUnit;
}

const LETTER: Record<DurationInputUnit, string> = { years: 'Y', months: 'M', weeks: 'W', days: 'D', hours: 'H', minutes: 'M', seconds: 'S' };
const TIME_UNITS: readonly DurationInputUnit[] = ['hours', 'minutes', 'seconds'];
const SECONDS: Partial<Record<DurationInputUnit, number>> = { weeks: 604_800, days: 86_400, hours: 3_600, minutes: 60, seconds: 1 };

/** "2" and weeks → `P2W`; null unless the amount is a positive whole number. */
export function durationToIso({ amount, unit }: DurationDraft): string | null {
  const text = amount.trim();
  if (!/^\d+$/.test(text) || Number(text) <= 0) return null;
  return `${TIME_UNITS.includes(unit) ? 'PT' : 'P'}${Number(text)}${LETTER[unit]}`;
}

/** `P2W` → "2" weeks; a duration of several parts in the largest unit that holds it whole
 * (`P1DT12H` → 36 hours); null when no one unit does (`P1M15D`) or it is no duration. */
export function isoToDraft(iso: string): DurationDraft | null {
  const parts = parseIsoDuration(iso);
  if (!parts) return null;
  const given = Object.entries(parts).filter(([, value]) => value) as [DurationInputUnit, number][];
  if (given.length === 1 && Number.isInteger(given[0]![1])) return { amount: String(given[0]![1]), unit: given[0]![0] };
  if (parts.years || parts.months) return null;
  const total = given.reduce((sum, [unit, value]) => sum + value * SECONDS[unit]!, 0);
  for (const unit of ['weeks', 'days', 'hours', 'minutes', 'seconds'] as const) {
    if (total > 0 && Number.isInteger(total / SECONDS[unit]!)) return { amount: String(total / SECONDS[unit]!), unit };
  }
  return null;
}

/** The form's value of a draft: the ISO duration the API takes, '' for no value, or (for an amount
 * that is not a positive whole number) the text as typed, which the form then marks as invalid. */
export function draftValue(draft: DurationDraft): string {
  if (draft.amount.trim() === '') return '';
  return durationToIso(draft) ?? `${draft.amount.trim()} ${draft.unit}`;
}
