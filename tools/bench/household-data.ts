/**
 * Synthetic social-registry export for the dedup benchmark: households of Kota Semarang and Kota
 * Tangerang (the real kelurahan of db/seed/regions.csv, the file the database is seeded from and
 * tools/scale reads back), one row per member in the import format of
 * domain/src/household-import.ts, and planted duplicates whose truth is known. Deterministic
 * from a seed (mulberry32, as tools/scale).
 *
 * What is planted (each a person appearing twice; the copy's source is another list):
 * - typo: the same family card lists the person again with one letter wrong (substituted, missing,
 *   added or two swapped) or in the other spelling (Soeharto/Suharto); the copy's NIK is the KK
 *   number typed into the NIK column, or a second NIK issued at the household's kecamatan; now and
 *   then day and month swapped.
 * - swappedNik: the person again with two adjacent (different) NIK digits swapped, on the same or
 *   an older family card; the name now and then with or without a title.
 * - moved: a household registered again after a move within its kelurahan: a new KK, another
 *   RT/RW and address; 30% of members keep their NIK, the others carry a second NIK issued at the
 *   household's kecamatan (NIK ganda: often one sequence digit from the first, so SIMILAR_NIK);
 *   most names as before, some with a title added or dropped, in the other spelling, or
 *   shortened (M. for Muhammad, no second name), which the matcher is not expected to catch.
 * Copies on the original's card are never of its head, and a copy alone on an older card is that
 * card's head: every card has exactly one head and one kelurahan/RT/RW/decile, so groupHouseholds
 * reports nothing and an import of the file is not refused for household faults. NIKs do repeat
 * (moved members who kept theirs): that is the point.
 * Natural look-alikes are left in: twins on one card, and common names.
 */
import { readRegions } from '@kampung/db';
import { IMPORT_COLUMNS, nikDateSegment, type ImportColumn } from '@kampung/domain';
import { createRng, type Rng } from '../scale/scale-scenario';

export type PlantedKind = 'typo' | 'swappedNik' | 'moved';
export const PLANTED_KINDS: readonly PlantedKind[] = ['typo', 'swappedNik', 'moved'];

export interface HouseholdDataOptions {
  households: number;
  seed?: number;
  /** Persons to plant of each kind (moved: whole households until the count is reached). */
  duplicates?: { typo: number; swappedNik: number; moved: number };
  /** The export's "today"; birth and issue dates lie before it. Default 2026-01-15. */
  asOf?: Date;
  /** Every NIK on one row only (moved people always get a second NIK): the importer refuses a file
   * with one NIK on two rows, so the import benchmark asks for this. */
  uniqueNiks?: boolean;
  /** Kelurahan to place households in; default: every kelurahan of regions.csv. */
  kelurahan?: readonly { code: string }[];
}

export type RawRow = Record<ImportColumn, string>;
export interface TruePair {
  /** The original's key (P…) and the planted copy's (D…). */
  a: string;
  b: string;
  kind: PlantedKind;
}
export interface GeneratedHouseholds {
  rows: RawRow[];
  /** Per row, the generated person's key: P000001 for originals, D000001 for planted copies. */
  keys: string[];
  truth: TruePair[];
  asOf: Date;
  households: number;
}

// ---------------------------------------------------------------- names

const MALE = {
  jawa: ['Agus', 'Bambang', 'Budi', 'Joko', 'Slamet', 'Sugeng', 'Sutrisno', 'Suharto', 'Supriyadi', 'Sukardi', 'Sumarno', 'Suryanto', 'Heru', 'Eko', 'Dwi', 'Tri', 'Wahyu', 'Hadi', 'Hartono', 'Purwanto', 'Susilo', 'Widodo', 'Yanto', 'Yudi', 'Teguh', 'Rudi', 'Bayu', 'Arif', 'Ari', 'Adi', 'Anton', 'Aris', 'Bagus', 'Darmaji', 'Edi', 'Gatot', 'Haryono', 'Jumadi', 'Karno', 'Kusno', 'Marno', 'Mulyono', 'Paijo', 'Parjo', 'Priyo', 'Ribut', 'Sarno', 'Sodik', 'Suparman', 'Sutarno', 'Tukiman', 'Wagiman', 'Waluyo', 'Warsito', 'Sunardi', 'Ngadiman', 'Sukirno', 'Tumijan', 'Sarwoto', 'Juwadi'],
  sunda: ['Asep', 'Ujang', 'Cecep', 'Dadang', 'Dede', 'Yayan', 'Deden', 'Aceng', 'Encep', 'Iwan', 'Ade', 'Endang', 'Dodi', 'Tatang', 'Undang', 'Jajang', 'Engkos', 'Oman', 'Usep', 'Wawan', 'Yaya', 'Ayi', 'Dudung', 'Entis', 'Komar'],
  betawi: ['Rojali', 'Mamat', 'Udin', 'Sanusi', 'Mansur', 'Sapri', 'Jaelani', 'Mursid', 'Bahrudin', 'Sarmili', 'Rohim', 'Jamal', 'Salim', 'Zakaria', 'Marzuki', 'Nasir', 'Saman', 'Sueb', 'Mahmud', 'Sabeni', 'Kadir', 'Somad', 'Rohani', 'Jayadi'],
  arab: ['Muhammad', 'Ahmad', 'Abdul', 'Abdullah', 'Hasan', 'Husein', 'Ilham', 'Fauzi', 'Hidayat', 'Saiful', 'Syaiful', 'Syamsul', 'Rahman', 'Ridwan', 'Ali', 'Umar', 'Usman', 'Zulkifli', 'Lukman', 'Ismail', 'Ibrahim', 'Yahya', 'Yunus', 'Hamzah', 'Fikri', 'Hafiz', 'Rizal', 'Faisal', 'Yusuf', 'Zainal', 'Rahmat', 'Imam', 'Nur'],
  young: ['Aditya', 'Raka', 'Rafi', 'Bima', 'Dimas', 'Reza', 'Kevin', 'Farhan', 'Naufal', 'Alif', 'Arkan', 'Azka', 'Daffa', 'Galih', 'Haikal', 'Kenzo', 'Rangga', 'Satria', 'Yoga', 'Zaki', 'Rizky', 'Fajar', 'Gilang', 'Dani', 'Ilyas', 'Akbar', 'Rayhan', 'Fathan'],
};
const FEMALE = {
  jawa: ['Sri', 'Siti', 'Sumarni', 'Suharti', 'Sulastri', 'Sutini', 'Tumini', 'Wartini', 'Painem', 'Sukarti', 'Suwarni', 'Lestari', 'Rahayu', 'Wulandari', 'Dewi', 'Ratna', 'Endang', 'Yuni', 'Yuli', 'Ningsih', 'Purwati', 'Sunarti', 'Murni', 'Partini', 'Kasmini', 'Tukini', 'Sumiati', 'Wahyuni', 'Setyowati', 'Kartini', 'Indah', 'Fitri', 'Puji', 'Retno', 'Ayu', 'Anik', 'Eni', 'Ika', 'Sukinah', 'Jumiyem', 'Ngatinah', 'Tuginem'],
  sunda: ['Euis', 'Iis', 'Neng', 'Nining', 'Enung', 'Cucu', 'Imas', 'Ai', 'Nenden', 'Yeni', 'Yati', 'Cicih', 'Entin', 'Enok', 'Lilis', 'Tati', 'Nani', 'Titin', 'Ela', 'Eti', 'Wati', 'Ikah', 'Iyah', 'Oneng', 'Popon'],
  betawi: ['Romlah', 'Saodah', 'Muhasanah', 'Maesaroh', 'Jubaedah', 'Rohaya', 'Atikah', 'Fatimah', 'Hindun', 'Mursidah', 'Nurhayati', 'Rukiah', 'Zubaedah', 'Halimah', 'Hasanah', 'Khadijah', 'Aisyah', 'Maryam', 'Aminah', 'Rohmah', 'Salmah', 'Nurjanah', 'Ijah'],
  arab: ['Siti', 'Nur', 'Fatimah', 'Aisyah', 'Khadijah', 'Zainab', 'Maryam', 'Rukayah', 'Nurul', 'Aminah', 'Zulaikha', 'Hafsah', 'Latifah', 'Rahmawati', 'Nadia', 'Syarifah'],
  young: ['Putri', 'Nabila', 'Aulia', 'Zahra', 'Salsabila', 'Alya', 'Citra', 'Anisa', 'Nadia', 'Keisha', 'Naura', 'Syifa', 'Aqila', 'Kirana', 'Amelia', 'Intan', 'Dinda', 'Tiara', 'Bunga', 'Laras', 'Cahaya', 'Azzahra', 'Shafa', 'Nayla'],
};
/** Second names that run in families, or are added: Javanese, Sundanese, Muslim, a few Batak. */
const SECOND_MALE = ['Santoso', 'Wibowo', 'Hidayat', 'Saputra', 'Setiawan', 'Kurniawan', 'Prasetyo', 'Nugroho', 'Susanto', 'Hartono', 'Suryadi', 'Permana', 'Sukmana', 'Gunawan', 'Hermawan', 'Kusnadi', 'Suherman', 'Ramdani', 'Purnomo', 'Wijaya', 'Pratama', 'Firmansyah', 'Maulana', 'Ramadhan', 'Syahputra', 'Hakim', 'Rohman', 'Sulaiman', 'Wahyudi', 'Mulyadi', 'Sudrajat', 'Sopandi', 'Nurdin', 'Supriatna', 'Rusmana', 'Kosasih', 'Sunarya', 'Sobari', 'Effendi', 'Siregar', 'Nasution', 'Lubis', 'Hasibuan', 'Suganda', 'Cahyono', 'Subagyo', 'Riyadi', 'Budiman', 'Darmawan', 'Irawan'];
const SECOND_FEMALE = ['Rahmawati', 'Handayani', 'Lestari', 'Wulandari', 'Susanti', 'Puspitasari', 'Anggraini', 'Safitri', 'Fitriani', 'Kusumawati', 'Novitasari', 'Maharani', 'Permatasari', 'Oktaviani', 'Agustina', 'Yuliana', 'Rahmadani', 'Hidayati', 'Suryani', 'Ningrum', 'Astuti', 'Mulyani', 'Pertiwi', 'Utami', 'Sari', 'Rahayu', 'Kurniasih', 'Nurhasanah', 'Sulistyowati', 'Marlina'];
const STREETS = ['Karanganyar', 'Candi Sari', 'Pemuda', 'Gajah Mada', 'Pandanaran', 'Kaligarang', 'Tlogosari', 'Kedungmundu', 'Majapahit', 'Sriwijaya', 'Imam Bonjol', 'Diponegoro', 'Kartini', 'Merdeka', 'Teuku Umar', 'Veteran', 'Moh. Yamin', 'Perintis Kemerdekaan', 'Daan Mogot', 'Gatot Subroto', 'Benteng Betawi', 'Raden Fatah', 'Ki Asnawi', 'Cisadane', 'Sudirman', 'Hasyim Ashari', 'Mawar', 'Melati', 'Kenanga', 'Anggrek'];
const DEGREES = [', S.Pd', ', S.E.', ', S.Ag', ', A.Md', ', S.Kom'];

/** The pre-1972 spelling: dj for j, then j for y (so nj for ny, sj for sy), tj for c, oe for u. */
function oldSpelling(name: string): string {
  return name
    .replace(/j/g, 'dj').replace(/J/g, 'Dj')
    .replace(/y/g, 'j').replace(/Y/g, 'J')
    .replace(/c/g, 'tj').replace(/C/g, 'Tj')
    .replace(/u/g, 'oe').replace(/U/g, 'Oe');
}
/** Back to today's spelling (what another clerk would type): the same steps undone in reverse. */
function modernSpelling(name: string): string {
  return name
    .replace(/oe/g, 'u').replace(/Oe/g, 'U')
    .replace(/tj/g, 'c').replace(/Tj/g, 'C')
    .replace(/j/g, 'y').replace(/J/g, 'Y')
    .replace(/dy/g, 'j').replace(/Dy/g, 'J');
}

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const chance = (rng: Rng, p: number) => rng() < p;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

interface Person {
  key: string;
  nik: string;
  /** The name without title or degree; `title`/`degree` are written around it. */
  name: string;
  title: string;
  degree: string;
  oldSpelled: boolean;
  birthDate: string;
  sex: 'L' | 'P';
  relation: string;
}
interface Household {
  kk: string;
  kelurahanCode: string;
  rw: number;
  rt: number;
  address: string;
  decile: string;
  dtksId: string;
  dataDate: string;
  source: string;
  members: Person[];
}

const DAY = 86_400_000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function givenName(rng: Rng, sex: 'L' | 'P', birthYear: number): string {
  const lists = sex === 'L' ? MALE : FEMALE;
  const flavour = birthYear >= 2000 && chance(rng, 0.5) ? 'young' : pick(rng, ['jawa', 'jawa', 'jawa', 'sunda', 'betawi', 'arab', 'arab'] as const);
  return pick(rng, lists[flavour]);
}

function fullName(rng: Rng, sex: 'L' | 'P', birthYear: number, familyName: string | null): string {
  const first = givenName(rng, sex, birthYear);
  // Older Javanese often carry one name only.
  if (birthYear < 1965 && chance(rng, 0.45)) return first;
  const words = [first];
  if (chance(rng, 0.2)) words.push(givenName(rng, sex, birthYear));
  if (familyName && chance(rng, 0.4)) words.push(familyName);
  else if (chance(rng, 0.7)) words.push(pick(rng, sex === 'L' ? SECOND_MALE : [...SECOND_FEMALE, ...SECOND_MALE.slice(0, 10)]));
  if (words.length === 1) words.push(pick(rng, sex === 'L' ? SECOND_MALE : SECOND_FEMALE));
  return [...new Set(words)].join(' ');
}

/** One wrong letter in a word of the name (substituted, missing, added or swapped with the next). */
function typo(rng: Rng, name: string): string {
  const words = name.split(' ');
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => w.length >= 4);
  const index = candidates.length ? pick(rng, candidates)[1] : words.reduce((best, w, i) => (w.length > words[best]!.length ? i : best), 0);
  const word = words[index]!;
  const at = word.length >= 3 ? int(rng, 1, word.length - 2) : 1;
  const vowels = 'aeiou';
  let changed: string;
  switch (word.length >= 3 ? int(rng, 0, 3) : 2) {
    case 0: {
      const c = word[at]!;
      const pool = vowels.includes(c) ? vowels.replace(c, '') : 'bdghklmnprstw'.replace(c, '');
      changed = word.slice(0, at) + pick(rng, [...pool]) + word.slice(at + 1);
      break;
    }
    case 1:
      changed = word.slice(0, at) + word.slice(at + 1);
      break;
    case 2:
      changed = word.slice(0, at) + pick(rng, [...'aeiounrh']) + word.slice(at);
      break;
    default:
      changed = word[at] === word[at + 1] ? word.slice(0, at) + 'a' + word.slice(at + 1) : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
  }
  words[index] = changed;
  return words.join(' ');
}

function writtenName(p: Pick<Person, 'name' | 'title' | 'degree'>): string {
  return `${p.title ? `${p.title} ` : ''}${p.name}${p.degree}`;
}

const RELATION_SPELLING: Record<string, [string, string]> = {
  KEPALA_KELUARGA: ['KEPALA KELUARGA', 'Kepala Keluarga'],
  ISTRI: ['ISTRI', 'Istri'],
  SUAMI: ['SUAMI', 'Suami'],
  ANAK: ['ANAK', 'Anak'],
  CUCU: ['CUCU', 'Cucu'],
  MENANTU: ['MENANTU', 'Menantu'],
  ORANG_TUA: ['ORANG TUA', 'Orang Tua'],
  MERTUA: ['MERTUA', 'Mertua'],
  FAMILI_LAIN: ['FAMILI LAIN', 'Famili Lain'],
};

/** Households, their members and planted duplicates, as export rows. */
export function generateHouseholds(options: HouseholdDataOptions): GeneratedHouseholds {
  const rng = createRng(options.seed ?? 1);
  const asOf = options.asOf ?? new Date('2026-01-15T00:00:00Z');
  const asOfMs = Date.UTC(asOf.getUTCFullYear(), asOf.getUTCMonth(), asOf.getUTCDate());
  const asOfYear = asOf.getUTCFullYear();
  const kelurahan = (options.kelurahan ?? readRegions().map((r) => ({ code: r.village_code }))).map((k) => k.code);
  const kecamatan = [...new Set(kelurahan.map((k) => k.slice(0, 8)))];
  const regionDigits = (code: string) => code.replace(/\./g, '').slice(0, 6);

  // One counter per 12-digit prefix for NIKs and KKs alike, so no KK number is anyone's NIK.
  const sequences = new Map<string, number>();
  const issued = new Set<string>();
  const issue = (prefix12: string) => {
    const seq = (sequences.get(prefix12) ?? 0) + 1;
    sequences.set(prefix12, seq);
    const number = `${prefix12}${pad(seq, 4)}`;
    issued.add(number);
    return number;
  };
  const nikFor = (region6: string, birthDate: string, sex: 'L' | 'P') => issue(region6 + nikDateSegment(birthDate, sex)!);
  const kkFor = (region6: string, issuedMs: number) => {
    const d = isoOf(issuedMs);
    return issue(`${region6}${d.slice(8, 10)}${d.slice(5, 7)}${d.slice(2, 4)}`);
  };
  const birthDateAged = (age: number) => isoOf(asOfMs - (age * 365.25 + rng() * 365) * DAY);

  let personCount = 0;
  const newPerson = (sex: 'L' | 'P', birthDate: string, relation: string, homeRegion: string, familyName: string | null, elder: boolean): Person => {
    const year = Number(birthDate.slice(0, 4));
    const region = chance(rng, 0.85) ? homeRegion : regionDigits(pick(rng, kecamatan));
    let name = fullName(rng, sex, year, familyName);
    const oldSpelled = year < 1972 && chance(rng, 0.3);
    if (oldSpelled) name = oldSpelling(name);
    const title = elder && asOfYear - year >= 45 && chance(rng, 0.08) ? (sex === 'L' ? 'H.' : 'Hj.') : elder && chance(rng, 0.01) ? (sex === 'L' ? 'Drs.' : 'Dra.') : '';
    const degree = elder && chance(rng, 0.02) ? pick(rng, DEGREES) : '';
    return { key: `P${pad(++personCount, 7)}`, nik: nikFor(region, birthDate, sex), name, title, degree, oldSpelled, birthDate, sex, relation };
  };

  const households: Household[] = [];
  for (let h = 0; h < options.households; h++) {
    const kelurahanCode = pick(rng, kelurahan);
    const region = regionDigits(kelurahanCode);
    const headAge = int(rng, 24, 78);
    const headSex: 'L' | 'P' = chance(rng, 0.85) ? 'L' : 'P';
    const headBirth = birthDateAged(headAge);
    const head = newPerson(headSex, headBirth, 'KEPALA_KELUARGA', region, null, true);
    const familyName = head.name.includes(' ') ? head.name.split(' ').at(-1)! : null;
    const members = [head];
    if (headSex === 'L' && chance(rng, 0.9)) {
      members.push(newPerson('P', birthDateAged(Math.max(18, headAge + int(rng, -10, 3))), 'ISTRI', region, null, true));
    }
    const motherAge = headSex === 'P' ? headAge : Math.max(18, headAge - 3);
    const children = motherAge > 60 ? int(rng, 0, 1) : chance(rng, 0.1) ? 0 : int(rng, 1, 5);
    for (let c = 0; c < children; c++) {
      const age = int(rng, 0, Math.max(0, Math.min(30, motherAge - 18)));
      const sex: 'L' | 'P' = chance(rng, 0.5) ? 'L' : 'P';
      const child = newPerson(sex, birthDateAged(age), 'ANAK', region, familyName, false);
      members.push(child);
      if (c === 0 && chance(rng, 0.02)) {
        // Twins: one birth date, own names, consecutive NIKs when of one sex.
        const twinSex: 'L' | 'P' = chance(rng, 0.5) ? 'L' : 'P';
        members.push(newPerson(twinSex, child.birthDate, 'ANAK', region, familyName, false));
      }
    }
    if (headAge < 50 && chance(rng, 0.06)) {
      members.push(newPerson(chance(rng, 0.3) ? 'L' : 'P', birthDateAged(headAge + int(rng, 20, 30)), chance(rng, 0.5) ? 'ORANG_TUA' : 'MERTUA', region, null, true));
    }
    if (headAge > 55 && chance(rng, 0.05)) members.push(newPerson(chance(rng, 0.5) ? 'L' : 'P', birthDateAged(int(rng, 0, 10)), 'CUCU', region, familyName, false));
    const issuedMs = asOfMs - int(rng, 30, 17 * 365) * DAY;
    households.push({
      kk: kkFor(region, issuedMs),
      kelurahanCode,
      rw: int(rng, 1, 15),
      rt: int(rng, 1, 12),
      address: `${chance(rng, 0.7) ? 'Jl.' : 'Gg.'} ${pick(rng, STREETS)} No. ${int(rng, 1, 150)}`,
      decile: chance(rng, 0.03) ? '' : String(chance(rng, 0.9) ? int(rng, 1, 4) : int(rng, 5, 10)),
      dtksId: chance(rng, 0.8) ? `${region}${pad(int(rng, 0, 99_999_999), 8)}` : '',
      dataDate: isoOf(asOfMs - int(rng, 1, 365) * DAY),
      source: pick(rng, ['DTKS', 'DTKS', 'DTKS', 'DTSEN', 'DTSEN', 'P3KE']),
      members,
    });
  }

  // ------------------------------------------------------------ planted duplicates
  const planted = options.duplicates ?? { typo: 0, swappedNik: 0, moved: 0 };
  const truth: TruePair[] = [];
  const copies: Household[] = [];
  const usedHouseholds = new Set<number>();
  let dupCount = 0;
  const copyKey = () => `D${pad(++dupCount, 7)}`;
  const anotherList = (h: Household) => (h.source === 'P3KE' ? 'DTKS' : 'P3KE');
  const freeHousehold = (fits: (h: Household) => boolean = () => true) => {
    for (let tries = 0; tries < 1000; tries++) {
      const i = int(rng, 0, households.length - 1);
      if (!usedHouseholds.has(i) && fits(households[i]!)) {
        usedHouseholds.add(i);
        return households[i]!;
      }
    }
    throw new Error('not enough households for the planted duplicates');
  };
  const titleVariant = (p: Person) => (p.title ? '' : p.sex === 'L' ? 'H.' : 'Hj.');

  // moved: the whole household again, new KK in the same kelurahan, another RT/RW, second NIKs.
  for (let left = planted.moved; left > 0;) {
    const h = freeHousehold();
    const region = regionDigits(h.kelurahanCode);
    const members = h.members.slice(0, left).map((p): Person => {
      const variant = rng();
      let { name, title } = p;
      if (variant < 0.1) title = titleVariant(p);
      else if (variant < 0.2) name = p.oldSpelled ? modernSpelling(name) : name;
      else if (variant < 0.3) name = name.startsWith('Muhammad ') ? `M. ${name.slice(9)}` : name.includes(' ') ? name.split(' ').slice(0, -1).join(' ') : name;
      // Most people keep their NIK when they move; some got a second one where they live now.
      const keeps = chance(rng, 0.3);
      const nik = keeps && !options.uniqueNiks ? p.nik : nikFor(region, p.birthDate, p.sex);
      const copy = { ...p, key: copyKey(), nik, name, title };
      truth.push({ a: p.key, b: copy.key, kind: 'moved' });
      return copy;
    });
    left -= members.length;
    let rw = h.rw;
    let rt = h.rt;
    while (rw === h.rw && rt === h.rt) [rw, rt] = [int(rng, 1, 15), int(rng, 1, 12)];
    copies.push({ ...h, kk: kkFor(region, asOfMs - int(rng, 1, 700) * DAY), rw, rt, address: `Gg. ${pick(rng, STREETS)} No. ${int(rng, 1, 150)}`, source: anotherList(h), dataDate: isoOf(asOfMs - int(rng, 1, 120) * DAY), members });
  }

  // Copies on the original's card are of members other than the head, so that every card still
  // has exactly one head (the importer's household rules stay satisfied; the faults are people's).
  const withMembers = (h: Household) => h.members.length >= 2;
  const notHead = (h: Household) => pick(rng, h.members.filter((m) => m.relation !== 'KEPALA_KELUARGA'));

  // typo: one person per household, again on the same card.
  for (let i = 0; i < planted.typo; i++) {
    const h = freeHousehold(withMembers);
    const p = notHead(h);
    const name = p.oldSpelled && chance(rng, 0.5) ? modernSpelling(p.name) : typo(rng, p.name);
    const [y, m, d] = p.birthDate.split('-');
    const swapDate = Number(d) <= 12 && d !== m && chance(rng, 0.15);
    const birthDate = swapDate ? `${y}-${d}-${m}` : p.birthDate;
    const nik = chance(rng, 0.5) ? h.kk : nikFor(regionDigits(h.kelurahanCode), p.birthDate, p.sex);
    const copy = { ...p, key: copyKey(), name, birthDate, nik };
    truth.push({ a: p.key, b: copy.key, kind: 'typo' });
    copies.push({ ...h, source: anotherList(h), members: [copy] });
  }

  // swappedNik: two adjacent different digits swapped, on the same card or an older one.
  for (let i = 0; i < planted.swappedNik; i++) {
    const h = freeHousehold(withMembers);
    const p = notHead(h);
    // Not onto a number someone else holds: that would be another fault (SAME_NIK with a stranger).
    const swaps = [...Array(15).keys()]
      .filter((j) => p.nik[j] !== p.nik[j + 1])
      .map((j) => p.nik.slice(0, j) + p.nik[j + 1] + p.nik[j] + p.nik.slice(j + 2))
      .filter((n) => !issued.has(n));
    const nik = pick(rng, swaps);
    // On an older card the person is alone, so its head.
    const older = chance(rng, 0.5);
    const kk = older ? kkFor(regionDigits(h.kelurahanCode), asOfMs - int(rng, 3000, 6000) * DAY) : h.kk;
    const copy = { ...p, key: copyKey(), nik, title: chance(rng, 0.2) ? titleVariant(p) : p.title, relation: older ? 'KEPALA_KELUARGA' : p.relation };
    truth.push({ a: p.key, b: copy.key, kind: 'swappedNik' });
    copies.push({ ...h, kk, source: anotherList(h), members: [copy] });
  }

  // ------------------------------------------------------------ rows
  const rows: RawRow[] = [];
  const keys: string[] = [];
  for (const h of [...households, ...copies]) {
    for (const p of h.members) {
      const [y, m, d] = p.birthDate.split('-');
      const dateStyle = rng();
      const spelling = RELATION_SPELLING[p.relation]!;
      rows.push({
        no_kk: h.kk,
        nik: p.nik,
        nama: writtenName(p),
        tanggal_lahir: dateStyle < 0.7 ? p.birthDate : dateStyle < 0.9 ? `${d}-${m}-${y}` : `${d}/${m}/${y}`,
        jenis_kelamin: chance(rng, 0.7) ? p.sex : p.sex === 'L' ? 'LAKI-LAKI' : 'PEREMPUAN',
        hubungan_keluarga: chance(rng, 0.7) ? spelling[0] : spelling[1],
        alamat: h.address,
        rt: chance(rng, 0.5) ? pad(h.rt, 3) : String(h.rt),
        rw: chance(rng, 0.5) ? pad(h.rw, 3) : String(h.rw),
        kode_kelurahan: h.kelurahanCode,
        desil: h.decile,
        id_dtks: h.dtksId,
        tanggal_data: h.dataDate,
        sumber: h.source,
      });
      keys.push(p.key);
    }
  }
  return { rows, keys, truth, asOf, households: households.length };
}

/** RFC 4180 CSV with the export's headers (a local escaper: csv-stringify is not a dependency of
 * this workspace). Cells that a spreadsheet would run as a formula are left alone: these files are
 * for the importer, not for Excel. */
export function toCsv(rows: readonly Partial<Record<string, string>>[]): string {
  const header = IMPORT_COLUMNS.map((c) => c.column);
  const cell = (value: string) => (/[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `${[header.join(','), ...rows.map((r) => header.map((c) => cell(r[c] ?? '')).join(','))].join('\r\n')}\r\n`;
}
