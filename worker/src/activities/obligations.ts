import {
  assignmentsRepository,
  casesRepository,
  obligationsRepository,
  programPoliciesRepository,
  usersRepository,
  type Db,
} from '@kampung/db';
import { addDuration, isEndStage, obligationWindow, programPolicySchema, type AssignmentRole, type Stage } from '@kampung/domain';
import type { ObligationActivities } from '@kampung/workflows';

/** The program's policy as it stands now: a change applies from the next obligation on. */
export async function currentPolicy(db: Db, programCode: string) {
  const current = await programPoliciesRepository.findCurrentPolicy(db, programCode);
  if (!current) throw new Error(`program ${programCode} has no policy`);
  return { version: current.version, policy: programPolicySchema.parse(current.policy) };
}

export function scheduled(row: { id: string; opens_at: Date; due_at: Date; overdue_at: Date; escalates_at: Date }) {
  return {
    obligationId: row.id,
    opensAt: row.opens_at.toISOString(),
    dueAt: row.due_at.toISOString(),
    overdueAt: row.overdue_at.toISOString(),
    escalatesAt: row.escalates_at.toISOString(),
  };
}

export function createObligationActivities({ db }: { db: Db }): ObligationActivities {
  return {
    async scheduleVisitObligation({ assignmentId, seq, from }) {
      const assignment = await assignmentsRepository.findAssignment(db, assignmentId);
      if (!assignment || assignment.ended_at) return null;
      const kampung = await casesRepository.findCaseSummary(db, assignment.case_id);
      if (!kampung || kampung.stage === 'GRADUATED' || isEndStage(kampung.stage as Stage)) return null;
      const { version, policy } = await currentPolicy(db, assignment.program_code);
      const cadence = policy.visitCadence[assignment.role as AssignmentRole];
      if (!cadence) return null;

      const start = new Date(from);
      const window = obligationWindow(start, addDuration(start, cadence), policy);
      const row = await obligationsRepository.ensureVisitObligation(db, {
        caseId: assignment.case_id,
        assignmentId,
        assigneeId: assignment.user_id,
        seq,
        ...window,
        policyVersion: version,
      });
      return scheduled(row);
    },
    async setObligationStatus({ obligationId, status }) {
      await obligationsRepository.advanceStatus(db, obligationId, status);
    },
    async escalateObligation({ obligationId }) {
      const obligation = await obligationsRepository.findObligation(db, obligationId);
      if (obligation?.status !== 'ESCALATED') return; // fulfilled, waived or cancelled meanwhile
      const recipients = await usersRepository.escalationRecipients(db, obligation.assignee_id, obligation.case_id);
      await obligationsRepository.recordEscalation(db, obligationId, recipients);
    },
    async fulfilVisitObligation({ obligationId, visitId, visitedAt }) {
      await obligationsRepository.fulfilVisit(db, { obligationId, visitId, visitedAt: new Date(visitedAt) });
    },
    async cancelObligation({ obligationId }) {
      await obligationsRepository.cancelObligation(db, obligationId);
    },
    async waiveObligation({ obligationId }) {
      await obligationsRepository.markWaived(db, obligationId);
    },
    async shiftObligationWindows({ obligationIds, heldAt, resumedAt }) {
      await obligationsRepository.shiftWindows(db, obligationIds, new Date(heldAt), new Date(resumedAt));
    },
  };
}
