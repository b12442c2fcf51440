// The one reader of ISO-8601 durations lives in the domain (no zod there, so it stays out of the first page).
export { DURATION_UNITS, parseIsoDuration, type DurationParts, type DurationUnit } from '@kampung/domain/iso-duration';
