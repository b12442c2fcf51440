/** The subset of JSON Schema (from `z.toJSONSchema(…, { io: 'input' })`) the generic form renders. */
export interface JsonSchema {
  type?: 'object' | 'array' | 'string' | 'integer' | 'number' | 'boolean';
  format?: string;
  enum?: readonly (string | number)[];
  properties?: Record<string, JsonSchema>;
  required?: readonly string[];
  items?: JsonSchema;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  description?: string;
}

/** What the inputs hold: text for every leaf (numbers too), lists for repeaters, objects for groups. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

export const isObjectSchema = (s: JsonSchema) => s.type === 'object';
export const isRepeater = (s: JsonSchema) => s.type === 'array' && s.items?.type === 'object';
export const isNumeric = (s: JsonSchema) => s.type === 'integer' || s.type === 'number';

export function initialValue(schema: JsonSchema): FormValue {
  if (isObjectSchema(schema)) {
    return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, s]) => [key, initialValue(s)]));
  }
  if (isRepeater(schema)) return [];
  return '';
}

/** The request body for a form value: numbers as numbers, blank fields left out, one line per list item. */
export function toPayload(schema: JsonSchema, value: FormValue): unknown {
  if (isObjectSchema(schema)) {
    const object = typeof value === 'object' && !Array.isArray(value) ? value : {};
    const result: Record<string, unknown> = {};
    for (const [key, s] of Object.entries(schema.properties ?? {})) {
      const item = toPayload(s, object[key] ?? initialValue(s));
      if (item !== undefined) result[key] = item;
    }
    return result;
  }
  if (isRepeater(schema)) {
    return (Array.isArray(value) ? value : []).map((row) => toPayload(schema.items ?? {}, row));
  }
  const text = typeof value === 'string' ? value : '';
  if (schema.type === 'array') {
    return text.split('\n').map((line) => line.trim()).filter(Boolean);
  }
  if (text.trim() === '') return undefined;
  if (isNumeric(schema)) {
    const number = Number(text);
    return Number.isFinite(number) ? number : text;
  }
  return text;
}

/** Every path the form shows an error beside (groups, repeaters, rows and leaves). */
export function schemaPaths(schema: JsonSchema, value: FormValue, path: string): string[] {
  if (isObjectSchema(schema)) {
    const object = typeof value === 'object' && !Array.isArray(value) ? value : {};
    const children = Object.entries(schema.properties ?? {}).flatMap(([key, s]) =>
      schemaPaths(s, object[key] ?? '', path ? `${path}.${key}` : key),
    );
    return [path, ...children];
  }
  if (isRepeater(schema) && Array.isArray(value)) {
    return [path, ...value.flatMap((row, i) => schemaPaths(schema.items ?? {}, row, `${path}.${i}`))];
  }
  return [path];
}
