import { z } from '@kampung/domain';
import { validationError } from '../errors';

/** Parses input with a domain schema or throws VALIDATION_FAILED (422) naming each field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix = ''): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error, prefix);
  return parsed.data;
}

const uuid = z.uuid();
/** Whether a path id can name a row at all (anything else is simply not found). */
export function isUuid(value: string): boolean {
  return uuid.safeParse(value).success;
}
