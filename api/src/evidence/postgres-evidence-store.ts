import { evidenceBlobsRepository, type Db } from '@kampung/db';
import type { EvidenceStore } from './evidence-store';

/** Evidence bytes in PostgreSQL (table evidence_blobs): the default, nothing else to run. Photos are
 * at most 300 KiB, so a row holds one whole. */
export function postgresEvidenceStore(db: Db): EvidenceStore {
  return {
    put: (key, bytes, contentType) => evidenceBlobsRepository.putBlob(db, key, bytes, contentType),
    async get(key) {
      const blob = await evidenceBlobsRepository.findBlob(db, key);
      return blob ? { bytes: blob.bytes, contentType: blob.content_type } : undefined;
    },
    remove: (key) => evidenceBlobsRepository.deleteBlob(db, key),
  };
}
