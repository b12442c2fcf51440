import { z } from './zod';
import { kkProblems, NIK_PROBLEMS, nikProblems, type KkProblem } from './nik';

/**
 * Rows of a social-registry export (DTKS/DTSEN/P3KE): one row per household member, the
 * household's attributes repeated on every row. Headers are the registry's Indonesian names,
 * matched case-insensitively after trimming. Structural faults refuse a row; an otherwise
 * well-formed NIK that does not fit the person (region, birth date, sequence) is kept and its
 * problems travel with the row (the person is then SUSPECT).
 */
export const IMPORT_COLUMNS = [
  { column: 'no_kk', required: true, description: 'Family card number (No KK), 16 digits' },
  { column: 'nik', required: true, description: "Member's national ID number (NIK), 16 digits" },
  { column: 'nama', required: true, description: "Member's full name" },
  { column: 'tanggal_lahir', required: true, description: 'Birth date: YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY' },
  { column: 'jenis_kelamin', required: true, description: 'Sex: L / LAKI-LAKI (male) or P / PEREMPUAN (female)' },
  { column: 'hubungan_keluarga', required: true, description: 'Relation to the head of the family card, e.g. KEPALA KELUARGA, ISTRI, ANAK' },
  { column: 'alamat', required: true, description: 'Street address of the household' },
  { column: 'rt', required: true, description: 'RT (neighbourhood unit), 1-3 digits' },
  { column: 'rw', required: true, description: 'RW (citizens association), 1-3 digits' },
  { column: 'kode_kelurahan', required: true, description: 'Kemendagri kelurahan code, e.g. 33.74.08.1005' },
  { column: 'desil', required: false, description: 'Welfare decile 1-10 (DTSEN); empty when not ranked' },
  { column: 'id_dtks', required: false, description: "Household's DTKS ID; empty when none" },
  { column: 'tanggal_data', required: true, description: 'Date the registry data describes: YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY' },
  { column: 'sumber', required: true, description: 'Source list: DTKS, DTSEN, P3KE or LAINNYA' },
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number]['column'];

/** Relation to the head as on the family card (Dukcapil's list, in its own words). */
export const RELATIONS = ['KEPALA_KELUARGA', 'SUAMI', 'ISTRI', 'ANAK', 'MENANTU', 'CUCU', 'ORANG_TUA', 'MERTUA', 'FAMILI_LAIN', 'LAINNYA'] as const;
export type Relation = (typeof RELATIONS)[number];
/** Other spellings seen in registry exports. PEMBANTU (household help) is on the card but not a
 * relation this product distinguishes, so it is LAINNYA. */
const RELATION_ALIASES: Readonly<Record<string, Relation>> = {
  ISTERI: 'ISTRI',
  ORANGTUA: 'ORANG_TUA',
  FAMILI: 'FAMILI_LAIN',
  PEMBANTU: 'LAINNYA',
};

export const IMPORT_SOURCES = ['DTKS', 'DTSEN', 'P3KE', 'LAINNYA'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** One member as the import understood it. */
export const importRowSchema = z
  .object({
    kk: z.string().regex(/^\d{16}$/),
    nik: z.string().regex(/^\d{16}$/),
    name: z.string().min(1).max(200),
    birthDate: isoDate,
    sex: z.enum(['L', 'P']),
    relation: z.enum(RELATIONS),
    address: z.string().min(1).max(500),
    rt: z.string().regex(/^\d{3}$/),
    rw: z.string().regex(/^\d{3}$/),
    kelurahanCode: z.string().regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/),
    decile: z.number().int().min(1).max(10).nullable(),
    dtksId: z.string().nullable(),
    dataDate: isoDate,
    source: z.enum(IMPORT_SOURCES),
    nikProblems: z.array(z.enum(NIK_PROBLEMS)).describe('Plausibility problems of the NIK; any makes the person SUSPECT'),
  })
  .openapi('HouseholdImportRow');
export type ImportRow = z.infer<typeof importRowSchema>;

export interface ImportProblem {
  column: string;
  message: string;
}
export type ImportRowResult = { ok: true; row: ImportRow } | { ok: false; problems: ImportProblem[] };

const WIB_OFFSET_MS = 7 * 3_600_000;
const MAX_NAME = 200;
const MAX_ADDRESS = 500;

/** YYYY-MM-DD from YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY; null when it is none of them or not a
 * calendar date. */
export function parseRegistryDate(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) ?? /^(\d{2})([-/])(\d{2})\2(\d{4})$/.exec(value);
  if (!m) return null;
  const [year, month, day] = m.length === 4 ? [m[1]!, m[2]!, m[3]!] : [m[4]!, m[3]!, m[1]!];
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day)
    ? `${year}-${month}-${day}`
    : null;
}

/** KEPALA_KELUARGA from 'KEPALA KELUARGA', 'Kepala Keluarga', 'kepala-keluarga', …; null if unknown. */
export function parseRelation(value: string): Relation | null {
  const key = value.trim().toUpperCase().replace(/[\s\-./]+/g, '_');
  if ((RELATIONS as readonly string[]).includes(key)) return key as Relation;
  return RELATION_ALIASES[key] ?? null;
}

function parseSex(value: string): 'L' | 'P' | null {
  const key = value.trim().toUpperCase().replace(/\s+/g, '-');
  if (key === 'L' || key === 'LAKI-LAKI') return 'L';
  if (key === 'P' || key === 'PEREMPUAN') return 'P';
  return null;
}

/** Spreadsheets keep long numbers as text behind a leading apostrophe; people type spaces. */
function digitsOf(value: string): string {
  return value.replace(/^'/, '').replace(/\s+/g, '');
}

/** One export row to a member, or every problem that refuses it. */
export function parseImportRow(raw: Record<string, string>, { today }: { today: Date }): ImportRowResult {
  const cells = new Map<string, string>();
  for (const [key, value] of Object.entries(raw)) cells.set(key.trim().toLowerCase(), (value ?? '').trim());
  const problems: ImportProblem[] = [];
  const fail = (column: ImportColumn, message: string) => {
    problems.push({ column, message });
    return null;
  };
  const cell = (column: ImportColumn): string | null => {
    const value = cells.get(column) ?? '';
    const spec = IMPORT_COLUMNS.find((c) => c.column === column)!;
    if (value === '') return spec.required ? fail(column, 'required') : null;
    return value;
  };
  const todayIso = new Date(today.getTime() + WIB_OFFSET_MS).toISOString().slice(0, 10);
  const pastDate = (column: ImportColumn) => {
    const value = cell(column);
    if (value === null) return null;
    const iso = parseRegistryDate(value);
    if (!iso) return fail(column, 'must be a date (YYYY-MM-DD, DD-MM-YYYY or DD/MM/YYYY)');
    if (iso > todayIso) return fail(column, 'must not be in the future');
    if (iso < '1900-01-01') return fail(column, 'must be after 1900');
    return iso;
  };
  const sixteen = (column: ImportColumn) => {
    const value = cell(column);
    if (value === null) return null;
    const digits = digitsOf(value);
    return /^\d{16}$/.test(digits) ? digits : fail(column, 'must be 16 digits');
  };
  const rtRw = (column: ImportColumn) => {
    const value = cell(column);
    if (value === null) return null;
    if (!/^\d{1,3}$/.test(value) || Number(value) === 0) return fail(column, 'must be 1-3 digits, not 0');
    return value.padStart(3, '0');
  };
  const text = (column: ImportColumn, max: number) => {
    const value = cell(column)?.replace(/\s+/g, ' ') ?? null;
    return value !== null && value.length > max ? fail(column, `at most ${max} characters`) : value;
  };

  const kk = sixteen('no_kk');
  const nik = sixteen('nik');
  const name = text('nama', MAX_NAME);
  const birthDate = pastDate('tanggal_lahir');
  const sexCell = cell('jenis_kelamin');
  const sex = sexCell === null ? null : (parseSex(sexCell) ?? fail('jenis_kelamin', 'must be L, P, LAKI-LAKI or PEREMPUAN'));
  const relationCell = cell('hubungan_keluarga');
  const relation = relationCell === null ? null : (parseRelation(relationCell) ?? fail('hubungan_keluarga', 'unknown relation'));
  const address = text('alamat', MAX_ADDRESS);
  const rt = rtRw('rt');
  const rw = rtRw('rw');
  const kelurahanCell = cell('kode_kelurahan');
  let kelurahanCode: string | null = null;
  if (kelurahanCell !== null) {
    // Some exports drop the dots: 3374081005.
    const dotted = /^\d{10}$/.test(kelurahanCell)
      ? `${kelurahanCell.slice(0, 2)}.${kelurahanCell.slice(2, 4)}.${kelurahanCell.slice(4, 6)}.${kelurahanCell.slice(6)}`
      : kelurahanCell;
    kelurahanCode = /^\d{2}\.\d{2}\.\d{2}\.\d{4}$/.test(dotted) ? dotted : fail('kode_kelurahan', 'must be like 33.74.08.1005');
  }
  const decileCell = cell('desil');
  let decile: number | null = null;
  if (decileCell !== null) {
    decile = /^\d{1,2}$/.test(decileCell) && Number(decileCell) >= 1 && Number(decileCell) <= 10 ? Number(decileCell) : fail('desil', 'must be a whole number 1-10');
  }
  const dtksId = cell('id_dtks');
  const dataDate = pastDate('tanggal_data');
  const sourceCell = cell('sumber');
  const source = sourceCell === null
    ? null
    : ((IMPORT_SOURCES as readonly string[]).includes(sourceCell.toUpperCase()) ? (sourceCell.toUpperCase() as ImportSource) : fail('sumber', 'must be DTKS, DTSEN, P3KE or LAINNYA'));

  if (problems.length > 0) return { ok: false, problems };
  // Every required value is present when nothing was refused.
  const row: Omit<ImportRow, 'nikProblems'> = {
    kk: kk!, nik: nik!, name: name!, birthDate: birthDate!, sex: sex!, relation: relation!, address: address!,
    rt: rt!, rw: rw!, kelurahanCode: kelurahanCode!, decile, dtksId, dataDate: dataDate!, source: source!,
  };
  return { ok: true, row: { ...row, nikProblems: nikProblems(row.nik, row) } };
}

export interface ImportHousehold<R extends ImportRow = ImportRow> {
  kk: string;
  /** As on the household's first row; rows that disagree on kelurahan, RT, RW or decile are
   * reported as problems, other differences are not (the first row wins). */
  kelurahanCode: string;
  rw: string;
  rt: string;
  address: string;
  decile: number | null;
  dtksId: string | null;
  dataDate: string;
  source: ImportSource;
  members: R[];
  /** Plausibility of the family card number; null when `today` was not given (the issue date
   * cannot be judged without it). Like a NIK's, these do not refuse the household. */
  kkProblems: KkProblem[] | null;
}
export type HouseholdProblemCode = 'CONFLICTING_ATTRIBUTES' | 'NO_HEAD' | 'SEVERAL_HEADS';
export interface HouseholdProblem {
  kk: string;
  code: HouseholdProblemCode;
  /** The export column at fault. */
  column: ImportColumn;
  message: string;
  /** The file line of the row at fault (the first disagreeing row, the second head, or the
   * household's first row), when the rows carry a `line`. */
  line?: number;
}

const HOUSEHOLD_ATTRIBUTES = [
  ['kelurahanCode', 'kode_kelurahan'],
  ['rt', 'rt'],
  ['rw', 'rw'],
  ['decile', 'desil'],
] as const;

const lineOf = (row: ImportRow): { line?: number } => {
  const line = (row as { line?: unknown }).line;
  return typeof line === 'number' ? { line } : {};
};

/** Members grouped by family card, in the order households first appear (rows keep any extra
 * fields, such as a file line). Rows that disagree on the household's kelurahan, RT, RW or decile,
 * and households without exactly one head, are reported, never thrown. */
export function groupHouseholds<R extends ImportRow>(rows: readonly R[], options: { today?: Date } = {}): { households: ImportHousehold<R>[]; problems: HouseholdProblem[] } {
  const byKk = new Map<string, R[]>();
  for (const row of rows) {
    const members = byKk.get(row.kk);
    if (members) members.push(row);
    else byKk.set(row.kk, [row]);
  }
  const households: ImportHousehold<R>[] = [];
  const problems: HouseholdProblem[] = [];
  for (const [kk, members] of byKk) {
    const first = members[0]!;
    for (const [field, column] of HOUSEHOLD_ATTRIBUTES) {
      const other = members.find((m) => m[field] !== first[field]);
      if (other) {
        const values = [...new Set(members.map((m) => m[field]))];
        problems.push({ kk, code: 'CONFLICTING_ATTRIBUTES', column, message: `differs between rows of one KK: ${values.map((v) => v ?? 'empty').join(', ')}`, ...lineOf(other) });
      }
    }
    const heads = members.filter((m) => m.relation === 'KEPALA_KELUARGA');
    if (heads.length === 0) problems.push({ kk, code: 'NO_HEAD', column: 'hubungan_keluarga', message: 'the KK has no KEPALA_KELUARGA', ...lineOf(first) });
    if (heads.length > 1) problems.push({ kk, code: 'SEVERAL_HEADS', column: 'hubungan_keluarga', message: `the KK has ${heads.length} KEPALA_KELUARGA`, ...lineOf(heads[1]!) });
    households.push({
      kk,
      kelurahanCode: first.kelurahanCode,
      rw: first.rw,
      rt: first.rt,
      address: first.address,
      decile: first.decile,
      dtksId: first.dtksId,
      dataDate: first.dataDate,
      source: first.source,
      members,
      kkProblems: options.today ? kkProblems(kk, { today: options.today }) : null,
    });
  }
  return { households, problems };
}
