import type { AssignmentRole, CaseProposalInput, SavedWorklistInput, Stage } from '@kampung/domain';

export interface DemoCase {
  proposal: CaseProposalInput;
  /** The path the case has walked, each move made through the workflow. */
  path: Stage[];
}

const semarang = (
  name: string, theme: string, kelurahanCode: string, rw: string, path: Stage[], extra: Partial<CaseProposalInput['profile']> = {},
): DemoCase => ({
  proposal: {
    name, theme, programCode: 'KAMPUNG_TEMATIK', kelurahanCode, rw,
    profile: { households: 180, poorHouseholds: 46, potentials: [theme], problems: ['Akses modal usaha terbatas'], ...extra },
    proposer: { name: 'Lurah (demo)', organisation: 'Kelurahan' },
  },
  path,
});
const tangerang = (
  name: string, theme: string, kelurahanCode: string, rw: string, path: Stage[], extra: Partial<CaseProposalInput['profile']> = {},
): DemoCase => ({
  proposal: {
    name, theme, programCode: 'KAMPUNG_SEJAHTERA_MANDIRI', kelurahanCode, rw,
    profile: { households: 220, poorHouseholds: 61, potentials: [theme], problems: ['Banjir musiman'], ...extra },
    proposer: { name: 'Ketua RW (demo)', organisation: `Pengurus RW ${rw}` },
  },
  path,
});

const TO_GRADUATED: Stage[] = ['SURVEY', 'VERIFICATION', 'DESIGNATION', 'ENGAGEMENT', 'ASSESSMENT', 'PLANNING', 'ACTION_PLAN', 'IMPLEMENTATION', 'EVALUATION', 'GRADUATED'];
const upTo = (stage: Stage): Stage[] => TO_GRADUATED.slice(0, TO_GRADUATED.indexOf(stage) + 1);

/** The two kampung from the papers and a dozen more in real kelurahan, spread over the stages. */
export const DEMO_CASES: DemoCase[] = [
  semarang('Kampung Home Industry', 'Industri rumahan: tas rajut, sambal, lumpia jamur, bakso tahu', '33.74.08.1005', '3', upTo('IMPLEMENTATION'), {
    households: 240, poorHouseholds: 58,
    potentials: ['Tas rajut', 'Sambal', 'Lumpia jamur', 'Bakso tahu'],
    problems: ['Pemasaran terbatas', 'Pendampingan tidak rutin'],
  }),
  tangerang('Kampung Grenpul', 'Kampung hijau dan pelatihan kerja', '36.71.07.1013', '9', upTo('EVALUATION'), {
    households: 310, poorHouseholds: 72,
    potentials: ['Pangkas rambut', 'Servis AC', 'Hortikultura'],
    problems: ['Banjir', 'Pengangguran usia muda'],
  }),
  semarang('Kampung Batik Bugangan', 'Batik tulis', '33.74.03.1006', '2', upTo('GRADUATED')),
  semarang('Kampung Bahari Bandarharjo', 'Olahan hasil laut', '33.74.02.1001', '5', upTo('DESIGNATION')),
  semarang('Kampung Jamu Jatingaleh', 'Jamu tradisional', '33.74.08.1002', '4', []),
  semarang('Kampung Anggrek Tandang', 'Budidaya anggrek', '33.74.10.1008', '7', upTo('SURVEY')),
  semarang('Kampung Lele Sendangguwo', 'Budidaya lele', '33.74.10.1010', '1', upTo('VERIFICATION')),
  semarang('Kampung Kreatif Kemijen', 'Daur ulang sampah', '33.74.03.1001', '6', [...upTo('VERIFICATION'), 'REJECTED']),
  semarang('Kampung Tani Wonosari', 'Pertanian kota', '33.74.15.1009', '8', upTo('PLANNING')),
  tangerang('Kampung Literasi Cipete', 'Bimbingan belajar anak', '36.71.11.1007', '3', upTo('ASSESSMENT')),
  tangerang('Kampung UMKM Sukasari', 'Kuliner rumahan', '36.71.01.1007', '2', upTo('ACTION_PLAN')),
  tangerang('Kampung Digital Poris Plawad', 'Pemasaran digital', '36.71.05.1008', '4', [...upTo('ENGAGEMENT'), 'ON_HOLD']),
  tangerang('Kampung Hidroponik Cibodas', 'Sayur hidroponik', '36.71.09.1001', '5', upTo('SURVEY')),
  tangerang('Kampung Bersih Kunciran', 'Bank sampah', '36.71.11.1004', '6', ['WITHDRAWN']),
];

/** Who serves which demo kampung, and since how many days: with the default fortnightly cadence a
 * mentor assigned 26 days ago has an escalated visit, 19 days ago an overdue one, 12 days ago one due. */
export const DEMO_TEAMS: Record<string, { who: 'officer' | 'mentor' | 'architect' | 'committee'; role: AssignmentRole; daysAgo: number }[]> = {
  'Kampung Home Industry': [
    { who: 'mentor', role: 'MENTOR', daysAgo: 26 },
    { who: 'officer', role: 'DINSOS_OFFICER', daysAgo: 26 },
    // The demo architect and committee chair see this kampung (and only this one).
    { who: 'architect', role: 'IAI_ARCHITECT', daysAgo: 3 },
    { who: 'committee', role: 'COMMITTEE_CONTACT', daysAgo: 3 },
  ],
  'Kampung Grenpul': [
    { who: 'mentor', role: 'MENTOR', daysAgo: 12 },
    { who: 'officer', role: 'DINSOS_OFFICER', daysAgo: 40 },
  ],
  'Kampung Batik Bugangan': [{ who: 'officer', role: 'DINSOS_OFFICER', daysAgo: 5 }],
  'Kampung Tani Wonosari': [{ who: 'mentor', role: 'MENTOR', daysAgo: 19 }],
  'Kampung UMKM Sukasari': [{ who: 'mentor', role: 'MENTOR', daysAgo: 3 }],
  'Kampung Digital Poris Plawad': [{ who: 'mentor', role: 'MENTOR', daysAgo: 9 }],
};

/** Monitoring reports already in: Kampung Home Industry's is red (Gerbang Hebat style). Each covers
 * the month under way when the demo is seeded: the case's implementation begins then, and a report
 * cannot cover a month before it. */
export const DEMO_REPORTS: Record<string, { progressPercent: number; budgetRealised: number; problems: string; explanation?: string }[]> = {
  'Kampung Home Industry': [
    {
      progressPercent: 45,
      budgetRealised: 18_500_000,
      problems: 'Bahan baku rajut terlambat datang; pelatihan pemasaran daring diundur',
      explanation: 'Pemasok benang tutup dua minggu; pelatihan dijadwalkan ulang minggu kedua bulan ini',
    },
  ],
};

/** Named worklists the demo admin shares with colleagues. */
export const DEMO_WORKLISTS: SavedWorklistInput[] = [
  { target: 'obligations', name: 'Kunjungan tereskalasi – Semarang', visibility: 'SHARED', filters: { program: 'KAMPUNG_TEMATIK', kind: 'VISIT', status: 'ESCALATED', sort: 'due' } },
  { target: 'cases', name: 'Kampung macet > 30 hari', visibility: 'SHARED', filters: { stalledMinDays: 30 } },
];
