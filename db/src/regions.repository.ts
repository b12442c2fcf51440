import type { Db } from './connection';

export async function listPrograms(db: Db) {
  return db
    .selectFrom('programs')
    .innerJoin('cities', 'cities.code', 'programs.city_code')
    .select(['programs.code', 'programs.name', 'programs.city_code', 'cities.name as city_name'])
    .orderBy('programs.code')
    .execute();
}

export async function findProgram(db: Db, code: string) {
  return db.selectFrom('programs').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function findCity(db: Db, code: string) {
  return db.selectFrom('cities').selectAll().where('code', '=', code).executeTakeFirst();
}

export async function listCityRegions(db: Db, cityCode: string) {
  return db
    .selectFrom('kelurahan')
    .innerJoin('kecamatan', 'kecamatan.code', 'kelurahan.kecamatan_code')
    .select([
      'kecamatan.code as kecamatan_code',
      'kecamatan.name as kecamatan_name',
      'kelurahan.code as kelurahan_code',
      'kelurahan.name as kelurahan_name',
    ])
    .where('kecamatan.city_code', '=', cityCode)
    .orderBy('kecamatan.name')
    .orderBy('kelurahan.name')
    .execute();
}

export async function findKelurahan(db: Db, code: string) {
  return db
    .selectFrom('kelurahan')
    .innerJoin('kecamatan', 'kecamatan.code', 'kelurahan.kecamatan_code')
    .select(['kelurahan.code', 'kelurahan.name', 'kelurahan.kecamatan_code', 'kecamatan.city_code'])
    .where('kelurahan.code', '=', code)
    .executeTakeFirst();
}

export async function listKelurahanCodes(db: Db): Promise<string[]> {
  return (await db.selectFrom('kelurahan').select('code').execute()).map((r) => r.code);
}
