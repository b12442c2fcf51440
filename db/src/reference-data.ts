import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { DEFAULT_POLICIES } from '@kampung/domain';
import type { Db } from './connection';

const regionsCsv = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../seed/regions.csv');

interface RegionCsvRow {
  city_code: string;
  city_name: string;
  district_code: string;
  district_name: string;
  village_code: string;
  village_name: string;
}

export const PROGRAMS = [
  { code: 'KAMPUNG_TEMATIK', name: 'Kampung Tematik', city_code: '33.74' },
  { code: 'KAMPUNG_SEJAHTERA_MANDIRI', name: 'Kampung Sejahtera Mandiri', city_code: '36.71' },
] as const;

/** The agencies (OPD) and partners that run activities in the programs' kampung. */
export const AGENCIES = [
  { code: 'DINSOS', name: 'Dinas Sosial', kind: 'OPD' },
  { code: 'DISNAKER', name: 'Dinas Tenaga Kerja', kind: 'OPD' },
  { code: 'DINKOP_UMKM', name: 'Dinas Koperasi dan UMKM', kind: 'OPD' },
  { code: 'DISKOMINFO', name: 'Dinas Komunikasi dan Informatika', kind: 'OPD' },
  { code: 'DISPERKIM', name: 'Dinas Perumahan dan Kawasan Permukiman', kind: 'OPD' },
  { code: 'DINKES', name: 'Dinas Kesehatan', kind: 'OPD' },
  { code: 'DISDIK', name: 'Dinas Pendidikan', kind: 'OPD' },
  { code: 'DKP', name: 'Dinas Ketahanan Pangan', kind: 'OPD' },
  { code: 'CSR_BANK', name: 'Mitra CSR perbankan', kind: 'PARTNER' },
  { code: 'UNIVERSITAS', name: 'Mitra perguruan tinggi', kind: 'PARTNER' },
] as const;

export function readRegions(): RegionCsvRow[] {
  return parse(readFileSync(regionsCsv, 'utf8'), { columns: true, skip_empty_lines: true, trim: true });
}

/** Loads the real kecamatan and kelurahan (Kemendagri codes) and the two programs. Idempotent. */
export async function seedReferenceData(db: Db): Promise<void> {
  const rows = readRegions();
  const unique = <T>(items: T[], key: (t: T) => string) => [...new Map(items.map((i) => [key(i), i])).values()];
  await db.transaction().execute(async (trx) => {
    const cities = unique(rows, (r) => r.city_code).map((r) => ({ code: r.city_code, name: r.city_name }));
    const kecamatan = unique(rows, (r) => r.district_code).map((r) => ({
      code: r.district_code,
      city_code: r.city_code,
      name: r.district_name,
    }));
    const kelurahan = rows.map((r) => ({ code: r.village_code, kecamatan_code: r.district_code, name: r.village_name }));
    await trx
      .insertInto('cities')
      .values(cities)
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
      .execute();
    await trx
      .insertInto('kecamatan')
      .values(kecamatan)
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
      .execute();
    await trx
      .insertInto('kelurahan')
      .values(kelurahan)
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
      .execute();
    await trx
      .insertInto('programs')
      .values(PROGRAMS.map((p) => ({ ...p })))
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name') })))
      .execute();
    await trx
      .insertInto('agencies')
      .values(AGENCIES.map((a) => ({ ...a })))
      .onConflict((oc) => oc.column('code').doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), kind: eb.ref('excluded.kind') })))
      .execute();
    // A program's first policy version; later versions are the admins' and are never touched here.
    await trx
      .insertInto('program_policies')
      .values(
        Object.entries(DEFAULT_POLICIES).map(([code, policy]) => ({
          program_code: code,
          version: 1,
          policy: JSON.stringify(policy),
          change_note: 'Kebijakan awal program',
          created_by: null,
        })),
      )
      .onConflict((oc) => oc.columns(['program_code', 'version']).doNothing())
      .execute();
  });
}
