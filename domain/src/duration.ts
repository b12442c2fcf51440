import { parseIsoDuration } from './iso-duration';
import { z } from './zod';

export { addDuration, parseIsoDuration, DURATION_UNITS, type DurationParts, type DurationUnit } from './iso-duration';

/** Policy durations are ISO-8601 (`P14D`, `P6M`, `PT10S`), so demos and tests can run on seconds. */
export const isoDurationSchema = z
  .string()
  .trim()
  .refine((value) => {
    const parts = parseIsoDuration(value);
    return parts !== null && Object.values(parts).some((v) => v > 0);
  }, 'ISO-8601 duration, positive, e.g. P14D, P6M, PT10S')
  .openapi({ example: 'P14D' });
