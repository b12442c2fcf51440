import type { householdsRepository } from '@kampung/db';
import { nikDateSegment } from '@kampung/domain';

type ImportHousehold = householdsRepository.ImportHousehold;

const MEN = ['Slamet', 'Agus Santoso', 'Budi Hartono', 'Joko Susilo', 'Rojali', 'Asep Saepudin', 'Muhammad Yusuf', 'Sugeng Riyadi', 'Mamat Rahmat', 'Dedi Kurniawan'];
const WOMEN = ['Sri Wahyuni', 'Siti Aminah', 'Dewi Lestari', 'Sumarni', 'Nur Hayati', 'Euis Kurniasih', 'Rukmini', 'Wartini', 'Yuliani', 'Ratna Sari'];
const SONS = ['Rizky', 'Fajar', 'Dimas', 'Bayu', 'Eko Prasetyo', 'Andi', 'Rudi', 'Yoga', 'Ilham', 'Hendra'];
const DAUGHTERS = ['Putri', 'Anisa', 'Dwi Rahayu', 'Nabila', 'Intan', 'Fitri', 'Ayu', 'Rina', 'Lestari', 'Wulan'];

/** A small registry list of a kampung (its kelurahan and RW), the same on every start: heads,
 * spouses and grown children, with NIK and KK formed as Dukcapil does (region, birth date with
 * +40 for women, a sequence). */
export function demoHouseholds(kelurahanCode: string, rw: string, count: number, seed: number): ImportHousehold[] {
  const region = kelurahanCode.replace(/\./g, '').slice(0, 6);
  let seq = seed * 100;
  const nik = (birthDate: string, sex: 'L' | 'P') => `${region}${nikDateSegment(birthDate, sex)}${String(++seq).padStart(4, '0')}`;
  const date = (year: number, i: number) => `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String(((i * 7) % 27) + 1).padStart(2, '0')}`;
  return Array.from({ length: count }, (_, i) => {
    const rt = String((i % 6) + 1).padStart(3, '0');
    const head = date(1968 + (i % 15), i);
    const spouse = date(1971 + (i % 15), i + 3);
    const son = date(1996 + (i % 8), i + 5);
    const daughter = date(1999 + (i % 7), i + 8);
    const person = (name: string, birthDate: string, sex: 'L' | 'P', relation: string) => ({ nik: nik(birthDate, sex), name, birthDate, sex, relation, quality: 'VALID', nikProblems: [] });
    return {
      kk: `${region}${date(2015 + (i % 8), i).slice(2).split('-').reverse().join('').slice(0, 6)}${String(seed * 100 + i + 1).padStart(4, '0')}`,
      kelurahanCode,
      kecamatanCode: kelurahanCode.split('.').slice(0, 3).join('.'),
      rw: rw.padStart(3, '0'),
      rt,
      address: `Gg. Kampung RT ${rt} RW ${rw.padStart(3, '0')}`,
      decile: (i % 3) + 1,
      dataDate: '2026-09-30',
      source: 'DTKS',
      dtksId: null,
      members: [
        person(MEN[i % MEN.length]!, head, 'L', 'KEPALA_KELUARGA'),
        person(WOMEN[i % WOMEN.length]!, spouse, 'P', 'ISTRI'),
        person(`${SONS[i % SONS.length]} ${MEN[i % MEN.length]!.split(' ')[0]}`, son, 'L', 'ANAK'),
        ...(i % 2 === 0 ? [person(`${DAUGHTERS[i % DAUGHTERS.length]} ${WOMEN[i % WOMEN.length]!.split(' ')[0]}`, daughter, 'P', 'ANAK')] : []),
      ],
    };
  });
}

/** The activities of the papers, run in the demo kampung while they are in implementation: in
 * Grenpul the labour agency's barber training (5 participants) and AC repair (2), and digital
 * marketing (quota 50, some 18 came, 3 certified); in Home Industry business support for sambal. */
export const DEMO_ACTIVITIES: Record<string, { agencyCode: string; title: string; kind: 'TRAINING' | 'BUSINESS_SUPPORT'; quota: number; budget: number; budgetSource: 'APBD' | 'CSR'; sponsor: string | null; sessions: { date: string; topic: string }[]; participants: number; attendance: number; certified: number }[]> = {
  'Kampung Grenpul': [
    { agencyCode: 'DISNAKER', title: 'Pelatihan pangkas rambut', kind: 'TRAINING', quota: 5, budget: 12_500_000, budgetSource: 'APBD', sponsor: null, sessions: [{ date: '2026-08-03', topic: 'Alat dan kebersihan' }, { date: '2026-08-10', topic: 'Potongan dasar' }, { date: '2026-08-17', topic: 'Praktik di barbershop' }], participants: 5, attendance: 5, certified: 4 },
    { agencyCode: 'DISNAKER', title: 'Pelatihan servis AC', kind: 'TRAINING', quota: 2, budget: 9_000_000, budgetSource: 'APBD', sponsor: null, sessions: [{ date: '2026-08-05', topic: 'Sistem pendingin' }, { date: '2026-08-12', topic: 'Isi ulang freon' }], participants: 2, attendance: 2, certified: 2 },
    { agencyCode: 'DISKOMINFO', title: 'Pemasaran digital UMKM', kind: 'TRAINING', quota: 50, budget: 25_000_000, budgetSource: 'CSR', sponsor: 'Bank Banten (CSR)', sessions: [{ date: '2026-09-02', topic: 'Foto produk' }, { date: '2026-09-09', topic: 'Berjualan di lokapasar' }], participants: 20, attendance: 17, certified: 3 },
  ],
  'Kampung Home Industry': [
    { agencyCode: 'DINKOP_UMKM', title: 'Pendampingan usaha sambal dan lumpia jamur', kind: 'BUSINESS_SUPPORT', quota: 10, budget: 18_000_000, budgetSource: 'APBD', sponsor: null, sessions: [{ date: '2026-10-06', topic: 'Izin PIRT dan label' }, { date: '2026-10-20', topic: 'Hitung harga pokok' }], participants: 6, attendance: 5, certified: 0 },
  ],
};
