import { transitionDataKind, WELFARE_DIMENSIONS, type Stage, type TransitionDataKind } from '@kampung/domain';

const day = (offset: number) => new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** Plausible stage data for a demo move, shaped by the same schema kinds the API validates. */
export function demoStageData(from: Stage, to: Stage, step: number): Record<string, unknown> {
  const kind: TransitionDataKind = transitionDataKind(from, to);
  switch (kind) {
    case 'SURVEY_SCHEDULE':
      return { plannedDate: day(step * 20), team: 'Tim survei Dinas Sosial dan kelurahan' };
    case 'SURVEY_FINDINGS':
      return { surveyDate: day(step * 20), householdsSurveyed: 120, poorHouseholdsFound: 38, findings: 'Potensi usaha rumahan kuat; sanitasi perlu perbaikan.', recommendation: 'PROCEED' };
    case 'DESIGNATION_DECREE':
      return { decreeNumber: `050/${100 + step}/2026`, decreeDate: day(step * 20), budget: { apbd: 200_000_000, csr: [{ sponsor: 'Bank Jateng', amount: 50_000_000 }] } };
    case 'ENGAGEMENT':
      return { teamFormedDate: day(step * 20), socialisationDate: day(step * 20 + 7), notes: 'Sosialisasi pertama di balai RW.' };
    case 'ASSESSMENT_RESULT':
      return { feltProblems: 'Modal usaha dan pemasaran.', potentials: 'Kerajinan dan kuliner.' };
    case 'PROGRAM_ALTERNATIVES':
      return { alternatives: 'Pelatihan pemasaran digital; sertifikasi produk.', agenciesInvolved: 'Dinas Koperasi dan UMKM; Diskominfo' };
    case 'ACTION_PLAN':
      return { agreedDate: day(step * 20), activities: 'Pelatihan pangkas rambut; pelatihan servis AC; bimbingan belajar.' };
    case 'EVALUATION':
      return {
        evaluationDate: day(step * 20),
        scores: Object.fromEntries(WELFARE_DIMENSIONS.map((d, i) => [d, 3 + (i % 2)])),
        rating: 'BAIK',
        notes: 'Layak menjadi percontohan.',
      };
    case 'NOTES':
      return { notes: 'Tahap dimulai.' };
    case 'NONE':
      return {};
  }
}

/** Every stage of a case that goes all the way, in order (after PROPOSAL). */
export const FULL_PATH: Stage[] = [
  'SURVEY', 'VERIFICATION', 'DESIGNATION', 'ENGAGEMENT', 'ASSESSMENT', 'PLANNING',
  'ACTION_PLAN', 'IMPLEMENTATION', 'EVALUATION', 'GRADUATED', 'CLOSED',
];

/** Valid data for a move: the demo's, for its first step. */
export function validData(from: Stage, to: Stage): Record<string, unknown> {
  return demoStageData(from, to, 1);
}

export function demoReason(to: Stage): string | undefined {
  if (to === 'REJECTED') return 'Hasil survei: lokasi rawan banjir dan warga belum sepakat.';
  if (to === 'WITHDRAWN') return 'Kelurahan menarik usulan untuk digabung dengan RW tetangga.';
  if (to === 'ON_HOLD') return 'Pencairan anggaran APBD tertunda.';
  return undefined;
}
