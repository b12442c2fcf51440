import { casesRepository, usersRepository } from '@kampung/db';
import type { Stage } from '@kampung/domain';
import { DEMO_USERS } from '../auth/users.service';
import { proposeCase, transitionCase, type CaseDeps } from '../cases/cases.service';
import { DEMO_CASES } from './demo-cases';
import { demoReason, demoStageData } from './stage-data';

/** Creates the demo kampung through the same use-cases (and so the workflow) as the web does.
 * Idempotent: a demo case that already exists is left where it is. */
export async function seedDemo(deps: CaseDeps): Promise<{ created: number }> {
  const officer = DEMO_USERS.find((u) => u.role === 'OFFICER') ?? DEMO_USERS[0]!;
  const actor = await usersRepository.findUserByEmail(deps.db, officer.email);
  if (!actor) throw new Error(`demo user ${officer.email} is missing; run ensureUser first`);
  let created = 0;
  for (const demo of DEMO_CASES) {
    if (await casesRepository.findCaseByName(deps.db, demo.proposal.name)) continue;
    const detail = await proposeCase(deps, demo.proposal, actor.id);
    let from: Stage = 'PROPOSAL';
    for (const [step, to] of demo.path.entries()) {
      await transitionCase(deps, detail.id, { to, reason: demoReason(to), data: demoStageData(from, to, step) }, actor.id);
      from = to;
    }
    created += 1;
  }
  return { created };
}
