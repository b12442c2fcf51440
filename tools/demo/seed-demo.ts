import { casesRepository, householdsRepository, usersRepository, type Db } from '@kampung/db';
import { caseReach, reportPeriodLabel, type CaseProposalInput } from '@kampung/domain';
import { mayTransition, type AssignmentRole, type Stage } from '@kampung/domain';
// The product's own use-cases, as the web reaches them: the demo goes through the workflows.
import { sessionUser, type SessionUser } from '@kampung/api/src/auth/sessions.service';
import { proposeCase, transitionCase, type CaseDeps } from '@kampung/api/src/cases/cases.service';
import { assign } from '@kampung/api/src/assignments/assignments.service';
import { submitReport } from '@kampung/api/src/monitoring-reports/monitoring-reports.service';
import { createWorklist, listWorklists } from '@kampung/api/src/worklists/worklists.service';
import { createActivity, enrolParticipants, recordAttendance, recordOutput } from '@kampung/api/src/activities/activities.service';
import { DEMO_USERS } from './demo-users';
import { DEMO_CASES, DEMO_REPORTS, DEMO_TEAMS, DEMO_WORKLISTS } from './demo-cases';
import { DEMO_ACTIVITIES, demoHouseholds } from './demo-households';
import { demoReason, demoStageData } from './stage-data';

const DAY = 86_400_000;

async function demoUser(db: Db, email: string): Promise<SessionUser> {
  const user = await usersRepository.findUserByEmail(db, email);
  if (!user) throw new Error(`demo user ${email} is missing; run ensureUser first`);
  return sessionUser(user);
}

async function userId(db: Db, email: string): Promise<string> {
  return (await demoUser(db, email)).id;
}

/** Creates the demo kampung through the same use-cases (and so the workflows) as the web does, with
 * their teams (some assigned weeks ago, so that visits are due, overdue and escalated) and reports.
 * Idempotent: a demo case that already exists is left where it is. */
export async function seedDemo(deps: CaseDeps): Promise<{ created: number }> {
  const admin = await userId(deps.db, DEMO_USERS.find((u) => u.role === 'ADMIN')!.email);
  const officerUser = await demoUser(deps.db, 'petugas@kampung.demo');
  const officer = officerUser.id;
  // The officer makes every move the policy lets officers make; the head of the agency approves graduation and closure.
  const manager = await demoUser(deps.db, 'kepala@kampung.demo');
  const mover = (from: Stage, to: Stage) => (mayTransition('OFFICER', from, to) ? officerUser : manager);
  const mentor = await userId(deps.db, 'pendamping@kampung.demo');
  // Escalations climb: the mentor's go to the officer, the officer's to the admin (and all to the managers).
  await usersRepository.setSupervisor(deps.db, mentor, officer);
  await usersRepository.setSupervisor(deps.db, officer, admin);
  const people = {
    officer,
    mentor,
    architect: await userId(deps.db, 'arsitek@kampung.demo'),
    committee: await userId(deps.db, 'ketua@kampung.demo'),
  };

  let created = 0;
  for (const demo of DEMO_CASES) {
    if (await casesRepository.findCaseByName(deps.db, demo.proposal.name)) continue;
    const detail = await proposeCase(deps, demo.proposal, officerUser);
    let from: Stage = 'PROPOSAL';
    for (const [step, to] of demo.path.entries()) {
      await transitionCase(deps, detail.id, { to, reason: demoReason(to), data: demoStageData(from, to, step) }, mover(from, to));
      from = to;
      // Activities are run while the kampung is in implementation.
      if (to === 'IMPLEMENTATION') await seedActivities(deps.db, detail.id, demo.proposal, officerUser, created);
    }
    for (const member of DEMO_TEAMS[demo.proposal.name] ?? []) {
      await assign(
        deps,
        detail.id,
        { userId: people[member.who], role: member.role satisfies AssignmentRole, lead: true },
        officer,
        { startedAt: new Date(Date.now() - member.daysAgo * DAY) },
      );
    }
    for (const report of DEMO_REPORTS[demo.proposal.name] ?? []) {
      await submitReport(deps, detail.id, { ...report, period: reportPeriodLabel(new Date(), 'P1M') }, mentor);
    }
    created += 1;
  }
  // The admin's named worklists, shared with colleagues (once).
  const existing = new Set((await listWorklists(deps.db, {}, admin)).map((w) => w.name));
  for (const worklist of DEMO_WORKLISTS) if (!existing.has(worklist.name)) await createWorklist(deps.db, worklist, admin);
  return { created };
}

/** The kampung's registry households (written as an import would write them) and the papers'
 * activities with their participants, attendance and certificates, through the use-cases. */
async function seedActivities(db: Db, caseId: string, proposal: CaseProposalInput, officer: SessionUser, seed: number) {
  const activities = DEMO_ACTIVITIES[proposal.name];
  if (!activities) return;
  const households = demoHouseholds(proposal.kelurahanCode, proposal.rw, 8, seed + 1);
  await db.transaction().execute((trx) => householdsRepository.writeImportBatch(trx, '00000000-0000-4000-8000-00000000d3e0', households));
  const residents = await householdsRepository.searchResidents(db, proposal.kelurahanCode, undefined, 200);
  const reach = caseReach(officer);
  const source = { requestId: 'demo', sourceIp: null };
  for (const a of activities) {
    const { participants, attendance, certified, ...request } = a;
    const activity = await createActivity(db, caseId, request, officer, source);
    const people = residents.slice(0, participants).map((r) => r.id);
    await enrolParticipants(db, activity.id, { personIds: people }, officer, reach, source);
    for (const session of activity.sessions) {
      await recordAttendance(db, activity.id, { sessionId: session.id, records: people.map((personId, i) => ({ personId, present: i < attendance })) }, officer, reach, source);
    }
    for (const personId of people.slice(0, certified)) await recordOutput(db, activity.id, { personId, kind: 'CERTIFIED', note: null }, officer, reach, source);
  }
}
