/** Indonesian civil time: WIB, UTC+7 all year (no daylight saving). */
const WIB_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar week (Monday to Sunday, WIB) that holds `now`: the instant its Monday begins and the
 * instant the next Monday begins (exclusive). "This week" in a worklist is this, not the next 7 days. */
export function wibWeek(now: Date): { start: Date; end: Date } {
  const wib = new Date(now.getTime() + WIB_OFFSET_MS);
  const daysSinceMonday = (wib.getUTCDay() + 6) % 7;
  const mondayWib = Date.UTC(wib.getUTCFullYear(), wib.getUTCMonth(), wib.getUTCDate() - daysSinceMonday);
  const start = mondayWib - WIB_OFFSET_MS;
  return { start: new Date(start), end: new Date(start + 7 * DAY_MS) };
}
