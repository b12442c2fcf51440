import { z } from './zod';
import { cityCodeSchema } from './region';

export const PROGRAM_CODES = ['KAMPUNG_TEMATIK', 'KAMPUNG_SEJAHTERA_MANDIRI'] as const;
export const programCodeSchema = z.enum(PROGRAM_CODES);
export type ProgramCode = z.infer<typeof programCodeSchema>;

export const programSchema = z
  .object({
    code: programCodeSchema,
    name: z.string(),
    cityCode: cityCodeSchema,
    cityName: z.string(),
  })
  .openapi('Program');
export type Program = z.infer<typeof programSchema>;
