/** ISO-8601 durations (`P14D`, `P1Y2M`, `PT1H30M`, `PT10S`), read strictly and added by the calendar.
 * No schema library here, so the web can use it without loading zod. Pure and deterministic, so
 * workflow code may use it too. */
export const DURATION_UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export type DurationParts = Partial<Record<DurationUnit, number>>;

const N = String.raw`(\d+(?:[.,]\d+)?)`;
const ISO_DURATION = new RegExp(`^P(?:${N}Y)?(?:${N}M)?(?:${N}W)?(?:${N}D)?(?:T(?:${N}H)?(?:${N}M)?(?:${N}S)?)?$`);

/** `P14D` → `{ days: 14 }`; null unless the whole text is one ISO-8601 duration (a `T` must be
 * followed by a time part; a lone `P` is nothing; a decimal comma is a decimal point). */
export function parseIsoDuration(value: string): DurationParts | null {
  const text = value.trim();
  const match = ISO_DURATION.exec(text);
  if (!match || text.endsWith('T')) return null;
  const parts: DurationParts = {};
  DURATION_UNITS.forEach((unit, index) => {
    const raw = match[index + 1];
    if (raw !== undefined) parts[unit] = Number(raw.replace(',', '.'));
  });
  return Object.keys(parts).length > 0 ? parts : null;
}

/** Adds a duration to an instant in calendar terms (months and years by the UTC calendar). */
export function addDuration(from: Date, iso: string): Date {
  const d = parseIsoDuration(iso);
  if (!d) throw new Error(`not an ISO-8601 duration: ${iso}`);
  const at = new Date(from.getTime());
  if (d.years || d.months) at.setUTCMonth(at.getUTCMonth() + (d.years ?? 0) * 12 + (d.months ?? 0));
  const ms =
    (((d.weeks ?? 0) * 7 + (d.days ?? 0)) * 86_400 + (d.hours ?? 0) * 3_600 + (d.minutes ?? 0) * 60 + (d.seconds ?? 0)) * 1000;
  return new Date(at.getTime() + ms);
}
