import { localeOf } from '../i18n';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

export function isDateOnly(value: unknown): value is string {
  return typeof value === 'string' && DATE_ONLY.test(value);
}

/** `2026-11-24` (a calendar date, no time zone) → "24 Nov 2026". */
export function formatDate(value: string, language: string): string {
  const date = isDateOnly(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  const timeZone = isDateOnly(value) ? 'UTC' : undefined;
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeZone }).format(date);
}

/** An instant → "24 Nov 2026, 14.05" in the user's time zone. */
export function formatDateTime(value: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}
