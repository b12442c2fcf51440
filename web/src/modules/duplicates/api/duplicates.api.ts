import type { DuplicateKind } from '@kampung/domain/dedup';
import type { PersonView } from '@kampung/domain/household';
import { http, searchString } from '../../../lib/http';

export const DUPLICATE_STATUSES = ['OPEN', 'MERGE_REQUESTED', 'MERGED', 'DISMISSED'] as const;
export type DuplicateStatus = (typeof DUPLICATE_STATUSES)[number];

/** One side of a pair: the person (NIK masked) and where their household is (KK masked). */
export interface DuplicateSide extends PersonView {
  household: { id: string; kk: string; kelurahanName: string; rw: string; rt: string };
}

export interface DuplicateCandidate {
  id: string;
  kind: DuplicateKind;
  score: number;
  /** Why the pair was found, in the server's words (see duplicate-reasons.ts). */
  reasons: string[];
  status: DuplicateStatus;
  /** For a requested or done merge: the record that stays. */
  keepId: string | null;
  a: DuplicateSide;
  b: DuplicateSide;
  requestedBy: { id: string; name: string } | null;
  decidedBy: { id: string; name: string } | null;
}

export type DuplicateDecision = { decision: 'MERGE'; keepId: string } | { decision: 'DISMISS' };

export interface DuplicateRun {
  candidates: number;
  new: number;
}

const candidatePath = (id: string) => `/api/duplicates/${encodeURIComponent(id)}`;

export const fetchDuplicates = (status: DuplicateStatus) => http<DuplicateCandidate[]>(`/api/duplicates${searchString({ status })}`);

/** Looks for duplicates across the whole registry; new pairs join the review queue. */
export const runDuplicates = () => http<DuplicateRun>('/api/duplicates/run', { method: 'POST' });

/** A reviewer's decision: a merge becomes MERGE_REQUESTED (for a manager), a dismissal is final. */
export const decideDuplicate = (id: string, decision: DuplicateDecision) => http<unknown>(`${candidatePath(id)}/decision`, { method: 'POST', body: decision });

/** A manager executes a requested merge (409 unless MERGE_REQUESTED). */
export const approveMerge = (id: string) => http<unknown>(`${candidatePath(id)}/approval`, { method: 'POST' });
