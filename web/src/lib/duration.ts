/** The parts of an ISO-8601 duration, in the order they are written. */
export const DURATION_UNITS = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'] as const;
export type DurationUnit = (typeof DURATION_UNITS)[number];
export type DurationParts = Partial<Record<DurationUnit, number>>;

const N = String.raw`(\d+(?:[.,]\d+)?)`;
const ISO_DURATION = new RegExp(`^P(?:${N}Y)?(?:${N}M)?(?:${N}W)?(?:${N}D)?(?:T(?:${N}H)?(?:${N}M)?(?:${N}S)?)?$`);

/** `P14D`, `P1Y2M`, `PT1H30M`, `PT10S` → its parts; null unless the whole text is one ISO-8601 duration
 * (a `T` must be followed by a time part; a lone `P` is nothing). */
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
