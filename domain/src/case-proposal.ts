import { z } from './zod';
import { kelurahanCodeSchema } from './region';
import { programCodeSchema } from './program';

const text = (max: number) => z.string().trim().min(1).max(max);

export const rwSchema = z
  .string()
  .trim()
  .regex(/^\d{1,3}$/, 'RW: 1-3 digits')
  .transform((rw) => rw.padStart(3, '0'));

export const kampungProfileSchema = z
  .object({
    households: z.number().int().min(1).max(100_000),
    poorHouseholds: z.number().int().min(0).max(100_000),
    potentials: z.array(text(200)).max(20).default([]),
    problems: z.array(text(200)).max(20).default([]),
  })
  .refine((p) => p.poorHouseholds <= p.households, {
    message: 'poorHouseholds cannot exceed households',
    path: ['poorHouseholds'],
  })
  .openapi('KampungProfile');

export const proposerSchema = z
  .object({
    name: text(120).describe('Who proposed the kampung (personal data: kept in PostgreSQL only)'),
    organisation: text(120).describe('e.g. LPMK Karanganyar Gunung, Kelurahan, Ketua RW 009'),
  })
  .openapi('Proposer');

/** What a kelurahan submits to propose a kampung. */
export const caseProposalSchema = z
  .object({
    name: text(120),
    theme: text(120),
    programCode: programCodeSchema,
    kelurahanCode: kelurahanCodeSchema,
    rw: rwSchema,
    profile: kampungProfileSchema,
    proposer: proposerSchema,
  })
  .openapi('CaseProposal');
export type CaseProposal = z.infer<typeof caseProposalSchema>;
export type CaseProposalInput = z.input<typeof caseProposalSchema>;
export type KampungProfile = z.infer<typeof kampungProfileSchema>;
