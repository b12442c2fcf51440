import { distance } from 'fastest-levenshtein';

/**
 * Duplicate candidates for one-data: one person must exist once across the programs' lists.
 * Candidates are for a person to resolve, never merged automatically. Pairs are only compared
 * inside blocks (same NIK; same birth date and near-equal NIK; same KK; same kelurahan, birth date
 * and sex), so the work grows with the list, not with its square.
 */
export interface DedupPerson {
  id: string;
  nik: string;
  kk: string;
  name: string;
  /** YYYY-MM-DD */
  birthDate: string;
  sex: 'L' | 'P';
  kelurahanCode: string;
  rw: string;
  rt: string;
}

/** Strongest first: a pair is reported once, as the first kind it qualifies for. */
export const DUPLICATE_KINDS = ['SAME_NIK', 'SIMILAR_NIK', 'SAME_KK_SIMILAR', 'SIMILAR_NAME_ADDRESS'] as const;
export type DuplicateKind = (typeof DUPLICATE_KINDS)[number];

export interface DuplicateCandidate {
  /** aId < bId */
  aId: string;
  bId: string;
  kind: DuplicateKind;
  /** 0..1, for ordering a review list; not a calibrated probability. */
  score: number;
  reasons: string[];
}

/** Two names count as similar from here (1 - edits / longer length, after normalizeName). 0.8
 * lets one wrong letter through in a name of 5+ letters and two in one of 10+ (most full names are
 * 10-20 letters), while "Hasan Basri" and "Husen Basri" (0.82) only just pass and unrelated names
 * of one family ("Budi Santoso", "Dewi Santoso": 0.75) do not. Used where the other evidence
 * (near-equal NIK, or same birth date, sex and kelurahan) is already strong. */
export const NAME_SIMILAR = 0.8;
/** Inside one family card the birth date is not evidence enough: twins share the card and the
 * birth date and often have names a letter or two apart (Hasan/Husen; Putra/Putri, which the
 * same-sex rule below keeps apart). There the names must be one edit apart (an adjacent swap
 * counts as one), or the same words in another order, or one name's words (two or more) all
 * within the other's. */
export const SAME_KK_MAX_EDITS = 1;
/** Score of a name pair where one name's words (at least two) are all in the other, e.g.
 * "Sri Wahyuni" and "Sri Wahyuni Rahayu", or "M. Yusuf" and "Muhammad Yusuf" (a one-letter word
 * matches a word with that initial): lists differ in how much of a name they keep. */
export const NAME_SUBSET_SIMILARITY = 0.9;
/** Blocks larger than this (e.g. everybody whose birth date was entered as 1 January) are split
 * by the first letter of the first word and, separately, of the last word of the name, so that a
 * mass default cannot bring back the all-pairs cost. A pair whose names differ in both letters is
 * then missed. */
export const LARGE_BLOCK = 500;
/** More people than this with one NIK (a placeholder number) are reported as pairs with the first
 * of them only, not every pair: the fault shows without flooding the review list. */
export const MAX_SAME_NIK_GROUP = 50;
/** Score of each kind when the names are equal; scaled by name similarity. */
const KIND_WEIGHT: Record<DuplicateKind, number> = { SAME_NIK: 1, SIMILAR_NIK: 0.95, SAME_KK_SIMILAR: 0.9, SIMILAR_NAME_ADDRESS: 0.85 };

/** Titles before a name (after dots are removed): religious (haji, hajjah, kyai haji, ustadz),
 * academic (dr, drs, dra, ir, prof), Javanese nobility (raden, rr, rm) and forms of address. */
const LEADING_TITLES = new Set([
  'h', 'hj', 'haji', 'hajah', 'hajjah', 'kh', 'ust', 'ustad', 'ustadz', 'ustaz', 'ustadzah', 'ustazah',
  'dr', 'drs', 'dra', 'ir', 'prof', 'raden', 'rr', 'rm',
  'ny', 'nn', 'tn', 'sdr', 'sdri', 'bpk', 'bapak', 'ibu', 'alm', 'almh', 'almarhum', 'almarhumah',
]);
/** A degree after the name: a dotted abbreviation such as s.pd, s.pd.i, m.si, a.md, ph.d. */
const DEGREE = /^[a-z]{1,2}\.[a-z]{1,5}(\.[a-z]{1,3})?\.?$/;
const PATRONYMIC = new Set(['bin', 'binti']);

/** A word written in the old spelling for sure: only then is its j a y. */
const OLD_SPELLING_MARK = /oe|dj|tj/;

/** Old (pre-1972) spellings to today's, per word; applied to both names of a pair, so a mapping
 * only has to send both spellings to the same place. */
function modernSpelling(word: string): string {
  const old = OLD_SPELLING_MARK.test(word);
  return word
    .replace(/tj/g, 'c') // Tjipto → Cipto
    .replace(old ? /(?<!d)j/g : /$^/, 'y') // in an old word, j is y: Djojo → Joyo, Joeni → Yuni
    .replace(/dj/g, 'j') // Djoko → Joko
    .replace(/nj/g, 'ny') // Njoman → Nyoman
    .replace(/sj/g, 'sy') // Sjarif → Syarif
    .replace(/oe/g, 'u') // Soekarno → Sukarno
    .replace(/ch/g, 'kh') // Chairul → Khairul
    .replace(/dh/g, 'd') // Dhani → Dani
    .replace(/th/g, 't') // Fathur → Fatur
    .replace(/y$/, 'i') // Rizky → Rizki, Hendry → Hendri
    .replace(/([aeiou])h$/, '$1') // Aminah → Amina (final h after a vowel is often dropped)
    .replace(/(.)\1+/g, '$1'); // Muhammad → Muhamad, Abdullah → Abdulah
}

/**
 * A name reduced to what two clerks would agree on: lower case, no accents or punctuation, one
 * space between words, and
 * - degrees dropped: everything after the first comma ("Budi, S.Pd.") and dotted degrees at the end;
 * - titles dropped from the front (H., Hj., Dr., Drs., Ir., Prof., KH, Raden, Ny., …) as long as a
 *   word remains;
 * - a patronymic dropped: "bin"/"binti" (not as first word) and everything after it, because other
 *   lists write the person without the father's name;
 * - old spellings mapped per word: dj→j, tj→c, nj→ny, sj→sy, oe→u, ch→kh, dh→d, th→t, a final y→i,
 *   a final h after a vowel dropped, doubled letters single. The old j for y is mapped only in a
 *   word that is old for sure (it has oe, dj or tj: Joeni → Yuni, Djojo → Joyo); elsewhere
 *   (Jusuf/Yusuf, Jati/Yati) it is NOT, because today's j is far more common and mapping it would
 *   merge Joko and Yoko; such a pair is left to the edit distance (one letter).
 */
export function normalizeName(name: string): string {
  const plain = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  let words = (plain.split(',')[0] ?? '').split(/\s+/).filter(Boolean);
  while (words.length > 1 && DEGREE.test(words.at(-1)!)) words.pop();
  words = words.flatMap((w) => w.split(/[.\-_/]+/)).map((w) => w.replace(/[^a-z]/g, '')).filter(Boolean);
  while (words.length > 1 && LEADING_TITLES.has(words[0]!)) words.shift();
  const bin = words.findIndex((w, i) => i > 0 && PATRONYMIC.has(w));
  if (bin > 0) words = words.slice(0, bin);
  return words.map(modernSpelling).join(' ');
}

interface NormalizedName {
  full: string;
  /** Words in alphabetical order, for names written surname first. */
  sorted: string;
  words: string[];
  /** Lower-case letters and spaces only, spellings as written: a letter swap that the spelling
   * map hides (Yahya/Yahay → yahya/yahai) still shows here as one edit. */
  plain: string;
}

function normalized(name: string): NormalizedName {
  const full = normalizeName(name);
  const words = full ? full.split(' ') : [];
  const plain = name.toLowerCase().replace(/[^a-z ]/g, '').replace(/\s+/g, ' ').trim();
  return { full, sorted: [...words].sort().join(' '), words, plain };
}

/** Every word of `short` matches its own word of `long`: the same, or its initial (M. for
 * Muhammad). */
function contained(short: readonly string[], long: readonly string[]): boolean {
  const free = [...long];
  return short.every((w) => {
    const at = free.findIndex((l) => l === w || (w.length === 1 && l.startsWith(w)));
    if (at < 0) return false;
    free.splice(at, 1);
    return true;
  });
}

/** Levenshtein distance, with one swap of adjacent letters counted as one edit. */
function edits(a: string, b: string): number {
  const d = distance(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  let i = 0;
  while (a[i] === b[i]) i++;
  return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2) ? 1 : d;
}

interface NameMatch {
  /** 0..1 */
  similarity: number;
  /** One edit apart (as normalised or as written), reordered words one edit apart, or one name's
   * words (two or more) within the other's. */
  close: boolean;
  /** One name's words, however few, all within the other's ("Syaiful" in "Syaiful Maulana"). */
  contained: boolean;
}

function compareNames(a: NormalizedName, b: NormalizedName): NameMatch {
  if (!a.full || !b.full) return { similarity: 0, close: false, contained: false };
  const ratio = (x: string, y: string, e: number) => 1 - e / Math.max(x.length, y.length);
  const direct = edits(a.full, b.full);
  let similarity = ratio(a.full, b.full, direct);
  let close = direct <= SAME_KK_MAX_EDITS || edits(a.plain, b.plain) <= SAME_KK_MAX_EDITS;
  if (a.sorted !== a.full || b.sorted !== b.full) {
    const reordered = edits(a.sorted, b.sorted);
    similarity = Math.max(similarity, ratio(a.sorted, b.sorted, reordered));
    close ||= reordered <= SAME_KK_MAX_EDITS;
  }
  const [short, long] = a.words.length <= b.words.length ? [a.words, b.words] : [b.words, a.words];
  const within = contained(short, long) || (short.length === long.length && contained(long, short));
  if (within && short.length >= 2) {
    similarity = Math.max(similarity, NAME_SUBSET_SIMILARITY);
    close = true;
  }
  return { similarity, close, contained: within };
}

/** How two 16-digit NIKs differ when one was typed wrongly: one digit, or two adjacent digits
 * swapped; null for anything else (including equal). */
export function nikTypo(a: string, b: string): 'ONE_DIGIT' | 'ADJACENT_SWAP' | null {
  return nikDifference(a, b)?.kind ?? null;
}

/** nikTypo, with the positions of the first and last differing digits. */
function nikDifference(a: string, b: string): { kind: 'ONE_DIGIT' | 'ADJACENT_SWAP'; first: number; last: number } | null {
  if (a.length !== 16 || b.length !== 16) return null;
  let first = -1;
  let count = 0;
  for (let i = 0; i < 16; i++) {
    if (a.charCodeAt(i) !== b.charCodeAt(i)) {
      if (++count > 2) return null;
      if (first < 0) first = i;
    }
  }
  if (count === 1) return { kind: 'ONE_DIGIT', first, last: first };
  if (count === 2 && a[first] === b[first + 1] && a[first + 1] === b[first]) return { kind: 'ADJACENT_SWAP', first, last: first + 1 };
  return null;
}

/** NIK segments by position: region 0-5, date 6-11, sequence 12-15. */
const NIK_DATE_START = 6;
const NIK_SEQUENCE_START = 12;

/** The NIK's region digits are those of the person's own kecamatan (33.74.08.1005 → 337408). */
function nikFromOwnKecamatan(p: DedupPerson): boolean {
  const k = p.kelurahanCode;
  return p.nik.startsWith(k.slice(0, 2) + k.slice(3, 5) + k.slice(6, 8));
}

const PLAUSIBLE_NUMBER = /^[1-9]\d{15}$/;
/** Numbers worth joining people on: 16 digits, no leading 0 (no province code starts with 0) and
 * a sequence other than 0000. Blanks and placeholders would join unrelated people. */
function usableNumber(value: string): boolean {
  return PLAUSIBLE_NUMBER.test(value) && !value.endsWith('0000');
}

/** Birth dates a clerk could have confused: one day apart, or day and month swapped. */
function closeBirthDates(a: string, b: string): string | null {
  if (a === b) return 'same birth date';
  const da = Date.parse(`${a}T00:00:00Z`);
  const db = Date.parse(`${b}T00:00:00Z`);
  if (Number.isNaN(da) || Number.isNaN(db)) return null;
  if (Math.abs(da - db) === 86_400_000) return 'birth dates one day apart';
  if (a.slice(0, 4) === b.slice(0, 4) && a.slice(5, 7) === b.slice(8, 10) && a.slice(8, 10) === b.slice(5, 7)) return 'birth day and month swapped';
  return null;
}

function groupBy(count: number, key: (i: number) => string | null): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let i = 0; i < count; i++) {
    const k = key(i);
    if (k === null) continue;
    const group = groups.get(k);
    if (group) group.push(i);
    else groups.set(k, [i]);
  }
  return groups;
}

/**
 * Pairs of people who may be one person, each pair once with its strongest kind, best score first:
 * - SAME_NIK: the same NIK;
 * - SIMILAR_NIK: NIKs one digit or one adjacent swap apart, same birth date and sex, similar names
 *   or one name shortened from the other (a typed NIK error, or a second NIK); on one family card
 *   the names must be one edit apart (see SAME_KK_MAX_EDITS); not when only the region digits
 *   differ and each NIK belongs to its holder's own kecamatan;
 * - SAME_KK_SIMILAR: one family card, same sex, names one edit apart (see SAME_KK_MAX_EDITS), birth
 *   dates equal, one day apart or day and month swapped;
 * - SIMILAR_NAME_ADDRESS: similar names, same birth date and sex, same kelurahan, different family
 *   cards (a household that moved RT/RW or got a new KK).
 */
export function findDuplicateCandidates(people: readonly DedupPerson[]): DuplicateCandidate[] {
  const n = people.length;
  const names = people.map((p) => normalized(p.name));
  const found = new Map<string, DuplicateCandidate>();
  const rank = (kind: DuplicateKind) => DUPLICATE_KINDS.indexOf(kind);

  const pairKey = (i: number, j: number) => {
    const [a, b] = people[i]!.id < people[j]!.id ? [people[i]!.id, people[j]!.id] : [people[j]!.id, people[i]!.id];
    return { key: `${a}\n${b}`, aId: a, bId: b };
  };
  const stronger = (key: string, kind: DuplicateKind) => {
    const existing = found.get(key);
    return existing !== undefined && rank(existing.kind) < rank(kind);
  };
  const add = (i: number, j: number, kind: DuplicateKind, similarity: number, reasons: string[]) => {
    const { key, aId, bId } = pairKey(i, j);
    const score = Math.round(KIND_WEIGHT[kind] * similarity * 1000) / 1000;
    const existing = found.get(key);
    if (existing && (rank(existing.kind) < rank(kind) || (existing.kind === kind && existing.score >= score))) return;
    found.set(key, { aId, bId, kind, score, reasons });
  };
  const nameReason = (m: NameMatch) => (m.similarity === 1 ? 'same name' : `similar names (${m.similarity.toFixed(2)})`);

  /** Every pair of a block, or for a large block every pair within its name-letter sub-blocks. */
  const eachPair = (block: number[], visit: (i: number, j: number) => void) => {
    if (block.length <= LARGE_BLOCK) {
      for (let x = 0; x < block.length; x++) for (let y = x + 1; y < block.length; y++) visit(block[x]!, block[y]!);
      return;
    }
    for (const letter of [(i: number) => names[i]!.words[0]?.[0], (i: number) => names[i]!.words.at(-1)?.[0]]) {
      const sub = groupBy(block.length, (x) => letter(block[x]!) ?? null);
      for (const part of sub.values()) {
        const members = part.map((x) => block[x]!);
        for (let x = 0; x < members.length; x++) for (let y = x + 1; y < members.length; y++) visit(members[x]!, members[y]!);
      }
    }
  };

  // SAME_NIK
  for (const group of groupBy(n, (i) => (usableNumber(people[i]!.nik) ? people[i]!.nik : null)).values()) {
    if (group.length < 2) continue;
    const visit = (i: number, j: number) => {
      const m = compareNames(names[i]!, names[j]!);
      add(i, j, 'SAME_NIK', 1, ['same NIK', m.similarity >= NAME_SIMILAR ? nameReason(m) : 'different names']);
    };
    if (group.length > MAX_SAME_NIK_GROUP) for (const j of group.slice(1)) visit(group[0]!, j);
    else eachPair(group, visit);
  }

  // SIMILAR_NIK: a one-digit or adjacent-swap difference leaves the first 8 digits, the last 8,
  // or all but digits 8-9 (positions 7 and 8) equal, so three keys (with the birth date) find it.
  const nikKeys = [
    (nik: string) => nik.slice(0, 8),
    (nik: string) => nik.slice(8),
    (nik: string) => nik.slice(0, 7) + nik.slice(9),
  ];
  for (const [k, nikKey] of nikKeys.entries()) {
    const blocks = groupBy(n, (i) => (usableNumber(people[i]!.nik) ? `${k}|${people[i]!.birthDate}|${nikKey(people[i]!.nik)}` : null));
    for (const block of blocks.values()) {
      if (block.length < 2) continue;
      eachPair(block, (i, j) => {
        const [a, b] = [people[i]!, people[j]!];
        const difference = a.sex === b.sex ? nikDifference(a.nik, b.nik) : null;
        if (!difference || stronger(pairKey(i, j).key, 'SIMILAR_NIK')) return;
        // A difference only in the region digits, where each NIK is that of its holder's own
        // kecamatan, is two people of two neighbouring kecamatan, not a typo.
        if (difference.last < NIK_DATE_START && nikFromOwnKecamatan(a) && nikFromOwnKecamatan(b)) return;
        const m = compareNames(names[i]!, names[j]!);
        // Twins on one card have consecutive NIKs and one birth date, and so do people born on one
        // day in one kecamatan: where only the sequence differs, or on one card, only a one-edit
        // name (or one name within the other) will do. Elsewhere a typo changed what the NIK says,
        // so similar names will do, and so will a shortened one ("Syaiful" for "Syaiful Maulana").
        const neighbours = a.kk === b.kk || difference.first >= NIK_SEQUENCE_START;
        if (neighbours ? !m.close && !m.contained : m.similarity < NAME_SIMILAR && !m.contained) return;
        add(i, j, 'SIMILAR_NIK', m.similarity, [difference.kind === 'ONE_DIGIT' ? 'NIKs one digit apart' : 'NIKs differ by two swapped digits', 'same birth date', nameReason(m)]);
      });
    }
  }

  // SAME_KK_SIMILAR
  for (const block of groupBy(n, (i) => (usableNumber(people[i]!.kk) ? people[i]!.kk : null)).values()) {
    if (block.length < 2) continue;
    eachPair(block, (i, j) => {
      const dates = people[i]!.sex === people[j]!.sex ? closeBirthDates(people[i]!.birthDate, people[j]!.birthDate) : null;
      if (!dates || stronger(pairKey(i, j).key, 'SAME_KK_SIMILAR')) return;
      const m = compareNames(names[i]!, names[j]!);
      if (!m.close) return;
      const weight = dates === 'same birth date' ? 1 : 0.95;
      add(i, j, 'SAME_KK_SIMILAR', m.similarity * weight, ['same KK', nameReason(m), dates]);
    });
  }

  // SIMILAR_NAME_ADDRESS
  const places = groupBy(n, (i) => `${people[i]!.kelurahanCode}|${people[i]!.birthDate}|${people[i]!.sex}`);
  for (const block of places.values()) {
    if (block.length < 2) continue;
    eachPair(block, (i, j) => {
      const [a, b] = [people[i]!, people[j]!];
      if (a.kk === b.kk || stronger(pairKey(i, j).key, 'SIMILAR_NAME_ADDRESS')) return; // one card: judged above, more strictly
      const m = compareNames(names[i]!, names[j]!);
      if (m.similarity < NAME_SIMILAR) return;
      const where = a.rw === b.rw && a.rt === b.rt ? 'same RT/RW' : 'other RT/RW';
      add(i, j, 'SIMILAR_NAME_ADDRESS', m.similarity, [nameReason(m), 'same birth date and sex', `same kelurahan, ${where}`, 'different KK']);
    });
  }

  return [...found.values()].sort((x, y) => y.score - x.score || (x.aId < y.aId ? -1 : x.aId > y.aId ? 1 : x.bId < y.bId ? -1 : x.bId > y.bId ? 1 : 0));
}
