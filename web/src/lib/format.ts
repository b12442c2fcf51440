import type { TFunction } from 'i18next';
import { localeOf } from '../i18n';
import { DURATION_UNITS, parseIsoDuration } from './duration';

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

/** `2026-11-24` → "24 Nov": a short axis label for a calendar date. */
export function formatDayMonth(value: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(new Date(`${value.slice(0, 10)}T00:00:00Z`));
}

/** An instant → "24 Nov 2026, 14.05" in the user's time zone. */
export function formatDateTime(value: string, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value));
}

/** An instant in Western Indonesian Time, whatever the device's zone: "24 Nov 2026, 14.05 WIB". */
export function formatDateTimeWib(value: string, language: string): string {
  const text = new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Jakarta' }).format(new Date(value));
  return `${text} WIB`;
}

export function formatNumber(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language)).format(value);
}

/** A share (0..1, may exceed 1) as a whole percentage: 0.834 → "83%". */
export function formatPercent(share: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function formatRupiah(value: number, language: string): string {
  return new Intl.NumberFormat(localeOf(language), { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 }).format(value);
}

const MONTH = /^(\d{4})-(\d{2})$/;

/** A report period label: `2026-11` → "November 2026"; any other label (a short test period,
 * `2026-11-01T08:00:05` in WIB) is shown as it is, with a space for the `T`. */
export function formatPeriod(label: string, language: string): string {
  const month = MONTH.exec(label);
  if (!month) return label.replace('T', ' ');
  const date = new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1));
  return new Intl.DateTimeFormat(localeOf(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** An ISO-8601 duration in words: `P14D` → "14 hari", `PT1H30M` → "1 jam 30 menit"; null when it is
 * not one (the caller shows the text as it is, or an error). */
export function formatDuration(value: string, t: TFunction, language: string): string | null {
  const parts = parseIsoDuration(value);
  if (!parts) return null;
  const words = DURATION_UNITS.flatMap((unit) => {
    const count = parts[unit];
    return count ? [t(`duration.${unit}`, { count, value: formatNumber(count, language) })] : [];
  });
  return words.length > 0 ? words.join(' ') : null;
}
