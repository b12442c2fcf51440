import { fork } from 'node:child_process';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApplicationFailure, CancelledFailure, Context } from '@temporalio/activity';
import { audited, auditRepository, duplicatesRepository, householdImportsRepository, type Db } from '@kampung/db';
import type { DuplicateCandidate } from '@kampung/domain';
import type { DuplicateDetectionActivities } from '@kampung/workflows';
import { withoutPersonalData } from '../imports/without-personal-data';

/** The detection process's entry, in the language this module runs in (TypeScript through tsx, or
 * the compiled JavaScript). */
const DETECT = fileURLToPath(new URL(`../duplicates/detect.process${extname(fileURLToPath(import.meta.url))}`, import.meta.url));
const HEARTBEAT_MS = 5_000;
/** Passes at most, while imports keep landing during the comparison. */
const MAX_PASSES = 5;

/** Looks for people who may be one person (exact NIK, a mistyped NIK, the same KK with a similar
 * name, a similar name in the same kelurahan) and puts new pairs in the review queue. Changes no
 * person: a merge is the reviewers' proposal and a manager's decision. */
export function createDuplicateDetectionActivities(deps: { db: Db; databaseUrl: string }): DuplicateDetectionActivities {
  return {
    async detectDuplicates({ actorId, requestId }) {
      const started = Date.now();
      // Where the request came from is in PostgreSQL (the import's entry, or the reviewer's request).
      const sourceIp = requestId ? await auditRepository.sourceOfRequest(deps.db, requestId) : null;
      // An import written while the registry is compared is compared too: the pass is run again
      // (a request for detection joins the one running, and an import's own detection is skipped
      // while one runs, so the one running must end with every import written before it ends).
      let found: { people: number; candidates: DuplicateCandidate[] };
      let added = 0;
      for (let pass = 1; ; pass++) {
        const before = await householdImportsRepository.lastWrittenAt(deps.db);
        found = await inOwnProcess(deps.databaseUrl);
        const { people, candidates } = found;
        added += await audited(
          deps.db,
          (n: number) => ({ actorId, action: 'DUPLICATES_FOUND', subjectType: 'duplicate_run', after: { people, candidates: candidates.length, new: n, ms: Date.now() - started, pass }, requestId, sourceIp }),
          (trx) => duplicatesRepository.addCandidates(trx, candidates),
        );
        const after = await householdImportsRepository.lastWrittenAt(deps.db);
        if (after?.getTime() === before?.getTime() || pass >= MAX_PASSES) break;
      }
      return { people: found.people, candidates: found.candidates.length, new: added };
    },
  };
}

/** Runs the detection in a child process, heartbeating meanwhile; a cancelled activity kills it. */
function inOwnProcess(databaseUrl: string): Promise<{ people: number; candidates: DuplicateCandidate[] }> {
  const context = Context.current();
  return new Promise((resolve, reject) => {
    const child = fork(DETECT, [], { execArgv: process.execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearInterval(beat);
      context.cancellationSignal.removeEventListener('abort', onAbort);
      fn();
    };
    const beat = setInterval(() => context.heartbeat({ phase: 'COMPARING' }), HEARTBEAT_MS);
    const onAbort = () => {
      child.kill('SIGKILL');
      settle(() => reject(new CancelledFailure('duplicate detection was cancelled')));
    };
    context.cancellationSignal.addEventListener('abort', onAbort);
    child.on('message', (answer: { ready: true } | { ok: true; people: number; candidates: DuplicateCandidate[] } | { ok: false; name: string; message: string }) => {
      if ('ready' in answer) child.send({ databaseUrl });
      else settle(() => (answer.ok ? resolve(answer) : reject(ApplicationFailure.retryable(withoutPersonalData(answer.message), answer.name))));
    });
    child.once('error', (error) => settle(() => reject(error)));
    child.once('exit', (code, signal) => settle(() => reject(ApplicationFailure.retryable(`duplicate detection process exited (${signal ?? code})`, 'DETECTION_EXITED'))));
  });
}
