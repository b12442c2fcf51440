import { z } from './zod';

/**
 * NIK (personal ID) and No KK (family card number): 16 digits, PP KK CC DDMMYY SSSS.
 *   PP province, KK city/regency, CC kecamatan (Kemendagri codes where the number was issued);
 *   DDMMYY the birth date for a NIK (women: day + 40, so 41-71), the card's issue date for a KK;
 *   SSSS a sequence from 0001.
 * These checks say whether a number is *plausible* for a person, not whether Dukcapil issued it.
 */

/** Kemendagri province codes of Indonesia's 38 provinces (Permendagri 100.1.1-6117/2022 and the
 * 2022 Papua splits). A NIK keeps the code of the province that issued it. Ten Sumatra codes, six
 * Java, three Bali-Nusa Tenggara, five Kalimantan, six Sulawesi, two Maluku, six Papua = 38; there
 * is no 97. */
export const PROVINCE_CODES: Readonly<Record<string, string>> = {
  '11': 'Aceh',
  '12': 'Sumatera Utara',
  '13': 'Sumatera Barat',
  '14': 'Riau',
  '15': 'Jambi',
  '16': 'Sumatera Selatan',
  '17': 'Bengkulu',
  '18': 'Lampung',
  '19': 'Kepulauan Bangka Belitung',
  '21': 'Kepulauan Riau',
  '31': 'DKI Jakarta',
  '32': 'Jawa Barat',
  '33': 'Jawa Tengah',
  '34': 'DI Yogyakarta',
  '35': 'Jawa Timur',
  '36': 'Banten',
  '51': 'Bali',
  '52': 'Nusa Tenggara Barat',
  '53': 'Nusa Tenggara Timur',
  '61': 'Kalimantan Barat',
  '62': 'Kalimantan Tengah',
  '63': 'Kalimantan Selatan',
  '64': 'Kalimantan Timur',
  '65': 'Kalimantan Utara',
  '71': 'Sulawesi Utara',
  '72': 'Sulawesi Tengah',
  '73': 'Sulawesi Selatan',
  '74': 'Sulawesi Tenggara',
  '75': 'Gorontalo',
  '76': 'Sulawesi Barat',
  '81': 'Maluku',
  '82': 'Maluku Utara',
  '91': 'Papua',
  '92': 'Papua Barat',
  '93': 'Papua Selatan',
  '94': 'Papua Tengah',
  '95': 'Papua Pegunungan',
  '96': 'Papua Barat Daya',
};

export const NIK_PROBLEMS = ['NOT_16_DIGITS', 'REGION_IMPLAUSIBLE', 'BIRTH_DATE_MISMATCH', 'SEQUENCE_ZERO'] as const;
export type NikProblem = (typeof NIK_PROBLEMS)[number];
export const KK_PROBLEMS = ['NOT_16_DIGITS', 'REGION_IMPLAUSIBLE', 'ISSUE_DATE_IMPLAUSIBLE', 'SEQUENCE_ZERO'] as const;
export type KkProblem = (typeof KK_PROBLEMS)[number];

/** Exactly 16 digits: what the API accepts; plausibility is nikProblems' and kkProblems' job. */
export const nikSchema = z.string().regex(/^\d{16}$/, 'NIK: 16 digits').describe('NIK, 16 digits');
export const kkSchema = z.string().regex(/^\d{16}$/, 'No KK: 16 digits').describe('No KK (family card number), 16 digits');

const SIXTEEN_DIGITS = /^\d{16}$/;
/** Indonesian civil date (WIB, UTC+7 all year) for "today" comparisons. */
const WIB_OFFSET_MS = 7 * 3_600_000;

/** Province is a real code; city/regency and kecamatan are 01-99. */
function regionPlausible(number: string): boolean {
  return number.slice(0, 2) in PROVINCE_CODES && number.slice(2, 4) !== '00' && number.slice(4, 6) !== '00';
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The DDMMYY a NIK must carry for this birth date and sex (women: day + 40); null when the birth
 * date is not a YYYY-MM-DD calendar date. */
export function nikDateSegment(birthDate: string, sex: 'L' | 'P'): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!m || !isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]))) return null;
  const day = Number(m[3]) + (sex === 'P' ? 40 : 0);
  return `${String(day).padStart(2, '0')}${m[2]}${m[1]!.slice(2)}`;
}

/** What makes a NIK implausible for this person (empty: plausible). A number that is not 16
 * digits gets only NOT_16_DIGITS: its segments mean nothing. */
export function nikProblems(nik: string, person: { birthDate: string; sex: 'L' | 'P' }): NikProblem[] {
  if (!SIXTEEN_DIGITS.test(nik)) return ['NOT_16_DIGITS'];
  const problems: NikProblem[] = [];
  if (!regionPlausible(nik)) problems.push('REGION_IMPLAUSIBLE');
  if (nik.slice(6, 12) !== nikDateSegment(person.birthDate, person.sex)) problems.push('BIRTH_DATE_MISMATCH');
  if (nik.slice(12) === '0000') problems.push('SEQUENCE_ZERO');
  return problems;
}

/** What makes a family card number implausible. The issue date DDMMYY is read with the century
 * that puts it at or before today's year (a KK from '99 is 1999, from '24 is 2024); it must be a
 * calendar date and not after today (WIB). */
export function kkProblems(kk: string, { today }: { today: Date }): KkProblem[] {
  if (!SIXTEEN_DIGITS.test(kk)) return ['NOT_16_DIGITS'];
  const problems: KkProblem[] = [];
  if (!regionPlausible(kk)) problems.push('REGION_IMPLAUSIBLE');
  const todayIso = new Date(today.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
  const [day, month, yy] = [kk.slice(6, 8), kk.slice(8, 10), kk.slice(10, 12)].map(Number) as [number, number, number];
  const thisYear = Number(todayIso.slice(0, 4));
  const year = yy <= thisYear % 100 ? thisYear - (thisYear % 100) + yy : thisYear - (thisYear % 100) - 100 + yy;
  const iso = `${year}-${kk.slice(8, 10)}-${kk.slice(6, 8)}`;
  if (!isCalendarDate(year, month, day) || iso > todayIso) problems.push('ISSUE_DATE_IMPLAUSIBLE');
  if (kk.slice(12) === '0000') problems.push('SEQUENCE_ZERO');
  return problems;
}

/** For lists and logs: '3374********0001'. Anything else shows only its last 4 characters (and
 * nothing at all when it is 4 characters or shorter: that would be the whole value). */
export function maskNik(value: string): string {
  if (value.length === 16) return `${value.slice(0, 4)}${'*'.repeat(8)}${value.slice(12)}`;
  if (value.length <= 4) return '*'.repeat(value.length);
  return `${'*'.repeat(value.length - 4)}${value.slice(-4)}`;
}

/** A person's standing in the one-data list. VALID and SUSPECT come from the NIK checks; DUPLICATE
 * and MOVED are set by people resolving duplicate candidates and moves. */
export const DATA_QUALITY_STATES = ['VALID', 'SUSPECT', 'DUPLICATE', 'MOVED'] as const;
export type DataQualityState = (typeof DATA_QUALITY_STATES)[number];
export const dataQualityStateSchema = z.enum(DATA_QUALITY_STATES);

/** The state the NIK checks alone give: VALID without problems, otherwise SUSPECT. */
export function personQuality(problems: readonly NikProblem[]): Extract<DataQualityState, 'VALID' | 'SUSPECT'> {
  return problems.length === 0 ? 'VALID' : 'SUSPECT';
}
