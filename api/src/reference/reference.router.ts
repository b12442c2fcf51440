import { Router } from 'express';
import { regionsRepository } from '@kampung/db';
import { cityCodeSchema, z, type CityRegions, type Program } from '@kampung/domain';
import type { AppDeps } from '../app';
import { allow } from '../auth/auth.middleware';
import { AppError } from '../errors';
import { parseInput } from '../http/validate';

const regionsQuery = z.object({ city: cityCodeSchema }).strict();

export function referenceRouter({ db }: AppDeps): Router {
  const router = Router();
  router.get('/api/programs', allow('reference.read'), async (_req, res) => {
    const rows = await regionsRepository.listPrograms(db);
    const programs: Program[] = rows.map((r) => ({
      code: r.code as Program['code'],
      name: r.name,
      cityCode: r.city_code,
      cityName: r.city_name,
    }));
    res.json(programs);
  });

  router.get('/api/regions', allow('reference.read'), async (req, res) => {
    const { city } = parseInput(regionsQuery, req.query);
    const cityRow = await regionsRepository.findCity(db, city);
    if (!cityRow) throw new AppError('NOT_FOUND', `No city with code ${city}`);
    const rows = await regionsRepository.listCityRegions(db, city);
    const kecamatan = new Map<string, CityRegions['kecamatan'][number]>();
    for (const r of rows) {
      const k = kecamatan.get(r.kecamatan_code) ?? { code: r.kecamatan_code, name: r.kecamatan_name, kelurahan: [] };
      k.kelurahan.push({ code: r.kelurahan_code, name: r.kelurahan_name });
      kecamatan.set(r.kecamatan_code, k);
    }
    const body: CityRegions = { cityCode: cityRow.code, cityName: cityRow.name, kecamatan: [...kecamatan.values()] };
    res.json(body);
  });
  return router;
}
