import type { TFunction } from 'i18next';
import type { z } from '@kampung/domain/zod';
import type { FieldProblem } from '@kampung/domain/problem';
import i18n from '../i18n';

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

/** The server's own field messages (written in English, without an issue code), each with the text
 * key that words it; a message not here is shown as "invalid" in a language other than English. */
const SERVER_FIELD_MESSAGES: readonly (readonly [RegExp, string])[] = [
  [/^unknown user$/, 'validation.server.unknownUser'],
  [/^unknown agency$/, 'validation.server.unknownAgency'],
  [/^unknown person\b/, 'validation.server.unknownPerson'],
  [/^same person$/, 'validation.server.samePerson'],
  [/^in the future$/, 'validation.server.future'],
  [/^not enrolled\b/, 'validation.server.notEnrolled'],
  [/^not a session of this activity$/, 'validation.server.notSession'],
  [/^empty or missing$/, 'validation.server.missing'],
  [/^not one of the pair$/, 'validation.server.notOfPair'],
  [/^the case has not reached implementation$/, 'validation.server.noImplementation'],
  [/^before the implementation began$/, 'validation.server.beforeImplementation'],
  [/^required below the target of (\d+)%$/, 'validation.server.explainBelowTarget'],
  [/^at least 12 characters$/, 'password.problems.length'],
  [/^must not contain your email or name$/, 'password.problems.personal'],
  [/^too easy to guess$/, 'password.problems.common'],
  [/^wrong password$/, 'password.wrongCurrent'],
];

/** Whether the server's English words may be shown as they are. */
const readsEnglish = (language: string) => language === 'en';

/** One field problem from the API in the reader's language: from its issue code when it has one,
 * from the known server messages otherwise; the English message itself only to English readers. */
export function fieldProblemText(problem: FieldProblem, t: TFunction, language: string): string {
  if (readsEnglish(language)) return problem.message;
  if (problem.code === 'custom') {
    const field = problem.path.split('.').filter((p) => p && !/^\d+$/.test(p)).pop();
    return t(`validation.${field}`, { defaultValue: t('validation.invalid') });
  }
  if (problem.code) {
    const issue = { ...problem, path: problem.path.split('.') } as unknown as Issue;
    return issueMessage(issue, t);
  }
  for (const [pattern, key] of SERVER_FIELD_MESSAGES) {
    const match = pattern.exec(problem.message);
    if (match) return t(key, { value: match[1] });
  }
  return t('validation.invalid');
}

/** Field errors from the API's VALIDATION_FAILED body, in the reader's language. */
export function fieldErrorsFromProblem(errors: readonly FieldProblem[] | undefined): FieldErrors {
  const result: FieldErrors = {};
  for (const e of errors ?? []) result[e.path] ??= fieldProblemText(e, i18n.t.bind(i18n), i18n.language);
  return result;
}
