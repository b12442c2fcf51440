import { z } from './zod';

/** Kemendagri codes in dotted form: city 33.74, kecamatan 33.74.08, kelurahan 33.74.08.1005. */
export const cityCodeSchema = z.string().regex(/^\d{2}\.\d{2}$/, 'kode kota: 00.00');
export const kecamatanCodeSchema = z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/, 'kode kecamatan: 00.00.00');
export const kelurahanCodeSchema = z
  .string()
  .regex(/^\d{2}\.\d{2}\.\d{2}\.\d{4}$/, 'kode kelurahan: 00.00.00.0000');

export function kecamatanOf(kelurahanCode: string): string {
  return kelurahanCode.slice(0, 8);
}

export const kelurahanSchema = z
  .object({ code: kelurahanCodeSchema, name: z.string() })
  .openapi('Kelurahan');
export const kecamatanSchema = z
  .object({ code: kecamatanCodeSchema, name: z.string(), kelurahan: z.array(kelurahanSchema) })
  .openapi('Kecamatan');
export const cityRegionsSchema = z
  .object({ cityCode: cityCodeSchema, cityName: z.string(), kecamatan: z.array(kecamatanSchema) })
  .openapi('CityRegions');
export type Kelurahan = z.infer<typeof kelurahanSchema>;
export type Kecamatan = z.infer<typeof kecamatanSchema>;
export type CityRegions = z.infer<typeof cityRegionsSchema>;
