/**
 * Duplicate detection in a process of its own (forked by the detectDuplicates activity): comparing
 * a registry of hundreds of thousands of people takes seconds of CPU and memory that the worker's
 * own thread must not spend (its workflows and heartbeats would wait). It reads the registry itself
 * and answers the candidate pairs only, then exits; it exits too if the worker that forked it is gone.
 */
// Only the modules it needs (not the packages' indexes): it starts in a second, not in tens of
// seconds on a loaded machine running TypeScript through tsx.
import { createDb } from '@kampung/db/src/connection';
import { dedupPeople } from '@kampung/db/src/duplicates.repository';
import { findDuplicateCandidates } from '@kampung/domain/dedup';

process.once('disconnect', () => process.exit(0));
process.once('message', (message: { databaseUrl: string }) => {
  void detect(message.databaseUrl).then(
    (result) => process.send!({ ok: true, ...result }, () => process.disconnect()),
    (error: Error) => process.send!({ ok: false, name: error.name, message: error.message }, () => process.disconnect()),
  );
});
// A message sent before this process listens would be lost: it asks for its input once it does.
process.send!({ ready: true });

async function detect(databaseUrl: string) {
  const db = createDb(databaseUrl, { max: 1 });
  try {
    const people = await dedupPeople(db);
    const candidates = findDuplicateCandidates(
      people.map((p) => ({ id: p.id, nik: p.nik, kk: p.kk, name: p.name, birthDate: p.birth_date, sex: p.sex as 'L' | 'P', kelurahanCode: p.kelurahan_code, rw: p.rw, rt: p.rt })),
    );
    return { people: people.length, candidates };
  } finally {
    await db.destroy();
  }
}
