import type { TFunction } from 'i18next';
import type { z } from '@kampung/domain/zod';

/** Field path → message; paths are dotted like the API's (`data.budget.csr.0.amount`). */
export type FieldErrors = Record<string, string>;

type Issue = z.core.$ZodIssue;

function lastName(path: PropertyKey[]): string {
  return String([...path].reverse().find((p) => typeof p === 'string') ?? '');
}

/** A translated message for one zod issue (the same schemas the API validates with). */
export function issueMessage(issue: Issue, t: TFunction): string {
  const field = lastName(issue.path);
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'int' ? t('validation.integer') : t('validation.required');
    case 'invalid_value':
      return t('validation.choose');
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? t('validation.required') : t('validation.minLength', { minimum });
      if (issue.origin === 'array') return t('validation.minItems', { minimum });
      return t('validation.min', { minimum });
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return t('validation.maxLength', { maximum });
      if (issue.origin === 'array') return t('validation.maxItems', { maximum });
      return t('validation.max', { maximum });
    }
    case 'invalid_format':
      if (issue.format === 'date') return t('validation.date');
      return t(`validation.${field}`, { defaultValue: t('validation.format') });
    case 'custom':
      return t(`validation.${field}`, { defaultValue: issue.message });
    default:
      return t('validation.invalid');
  }
}

/** Turns zod issues into field errors, prefixing paths (e.g. `data`) to match the API's paths. */
export function fieldErrorsFromIssues(issues: readonly Issue[], t: TFunction, prefix = ''): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    errors[path] ??= issueMessage(issue, t);
  }
  return errors;
}

/** Field errors from the API's VALIDATION_FAILED body. */
export function fieldErrorsFromProblem(errors: readonly { path: string; message: string }[] | undefined): FieldErrors {
  const result: FieldErrors = {};
  for (const e of errors ?? []) result[e.path] ??= e.message;
  return result;
}
