import type { Db } from '@kampung/db';
import type { ApiConfig } from '../config';
import { postgresEvidenceStore } from './postgres-evidence-store';

/** Where the bytes of evidence (visit photos) are kept, by key; the metadata stays in PostgreSQL
 * (visit_photos). PostgreSQL is the store today (EVIDENCE_STORE=postgres); an S3-compatible store
 * would be another implementation beside it, chosen by the same setting. Not transactional with
 * the metadata: bytes are put before their row is written, so a row always finds its bytes (a
 * failed upload may leave bytes no row names). */
export interface EvidenceStore {
  /** Keeps the bytes under the key; the same key again replaces them. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  get(key: string): Promise<{ bytes: Buffer; contentType: string } | undefined>;
  remove(key: string): Promise<void>;
}

/** The store the configuration names. */
export function evidenceStoreFor(config: Pick<ApiConfig, 'EVIDENCE_STORE'>, db: Db): EvidenceStore {
  switch (config.EVIDENCE_STORE) {
    case 'postgres':
      return postgresEvidenceStore(db);
  }
}
