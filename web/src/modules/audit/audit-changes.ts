/** One line of an audit entry's before and after: a field, what it was, what it became (undefined:
 * absent on that side). */
export interface AuditChange {
  key: string;
  before?: string;
  after?: string;
}

const MAX_TEXT = 120;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A value as short text: strings as they are, lists of plain values joined, anything else as JSON;
 * long text is cut with an ellipsis. */
export function compactValue(value: unknown): string {
  let text: string;
  if (value === null || value === undefined) text = '—';
  else if (typeof value === 'string') text = value === '' ? '—' : value;
  else if (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object')) text = value.length === 0 ? '—' : value.join(', ');
  else text = JSON.stringify(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** The fields an entry records, compactly: for two objects (or one and nothing), each field that
 * differs; otherwise the whole before and after under an empty key. Unchanged fields, and empty
 * ones with nothing to compare to, are left out. */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const has = (v: unknown) => v !== null && v !== undefined;
  if ((isRecord(before) || !has(before)) && (isRecord(after) || !has(after)) && (has(before) || has(after))) {
    const b = isRecord(before) ? before : {};
    const a = isRecord(after) ? after : {};
    const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
    return keys
      // A field set to nothing on a side that lacks it is no change either.
      .filter((key) => JSON.stringify(b[key] ?? null) !== JSON.stringify(a[key] ?? null))
      .map((key) => ({
        key,
        ...(key in b ? { before: compactValue(b[key]) } : {}),
        ...(key in a ? { after: compactValue(a[key]) } : {}),
      }));
  }
  if (!has(before) && !has(after)) return [];
  return [{ key: '', ...(has(before) ? { before: compactValue(before) } : {}), ...(has(after) ? { after: compactValue(after) } : {}) }];
}
