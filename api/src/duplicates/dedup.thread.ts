/**
 * Duplicate detection in a worker thread: comparing a registry of hundreds of thousands of people
 * takes seconds of CPU, which must not stop the API from answering meanwhile. The thread reads the
 * registry itself (with its own connection), so the API's thread never holds it; it answers with
 * the candidate pairs only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createDb, duplicatesRepository } from '@kampung/db';
import { findDuplicateCandidates } from '@kampung/domain';

const db = createDb((workerData as { databaseUrl: string }).databaseUrl, { max: 1 });
try {
  const people = await duplicatesRepository.dedupPeople(db);
  const candidates = findDuplicateCandidates(
    people.map((p) => ({ id: p.id, nik: p.nik, kk: p.kk, name: p.name, birthDate: p.birth_date, sex: p.sex as 'L' | 'P', kelurahanCode: p.kelurahan_code, rw: p.rw, rt: p.rt })),
  );
  parentPort!.postMessage({ people: people.length, candidates });
} finally {
  await db.destroy();
}
