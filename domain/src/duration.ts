import { parse, type Duration } from 'tinyduration';
import { z } from './zod';

/** The whole string must be an ISO-8601 duration: the parser alone also takes `xP1D` or `P1DT`. */
const ISO_DURATION = /^P(?=\d|T\d)(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(?=\d)(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$/;

/** Policy durations are ISO-8601 (`P14D`, `P6M`, `PT10S`), so demos and tests can run on seconds. */
export const isoDurationSchema = z
  .string()
  .trim()
  .refine((value) => {
    if (!ISO_DURATION.test(value)) return false;
    try {
      const d = parse(value);
      return !d.negative && Object.values(d).some((v) => typeof v === 'number' && v > 0);
    } catch {
      return false;
    }
  }, 'ISO-8601 duration, positive, e.g. P14D, P6M, PT10S')
  .openapi({ example: 'P14D' });

/** Adds a duration to an instant in calendar terms (months and years by the UTC calendar). Pure and
 * deterministic, so workflow code can use it. */
export function addDuration(from: Date, iso: string): Date {
  const d: Duration = parse(iso);
  const at = new Date(from.getTime());
  if (d.years || d.months) at.setUTCMonth(at.getUTCMonth() + (d.years ?? 0) * 12 + (d.months ?? 0));
  const ms =
    (((d.weeks ?? 0) * 7 + (d.days ?? 0)) * 86_400 + (d.hours ?? 0) * 3_600 + (d.minutes ?? 0) * 60 + (d.seconds ?? 0)) * 1000;
  return new Date(at.getTime() + ms);
}
