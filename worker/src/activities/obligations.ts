import {
  assignmentsRepository,
  obligationsRepository,
  programPoliciesRepository,
  usersRepository,
  type Db,
} from '@kampung/db';
import { addDuration, programPolicySchema, type AssignmentRole } from '@kampung/domain';
import type { ObligationActivities } from '@kampung/workflows';

export function createObligationActivities({ db }: { db: Db }): ObligationActivities {
  return {
    async scheduleVisitObligation({ assignmentId, seq, from }) {
      const assignment = await assignmentsRepository.findAssignment(db, assignmentId);
      if (!assignment || assignment.ended_at) return null;
      const current = await programPoliciesRepository.findCurrentPolicy(db, assignment.program_code);
      if (!current) throw new Error(`program ${assignment.program_code} has no policy`);
      const policy = programPolicySchema.parse(current.policy);
      const cadence = policy.visitCadence[assignment.role as AssignmentRole];
      if (!cadence) return null;

      const start = new Date(from);
      const dueAt = addDuration(start, cadence);
      const lead = addDuration(dueAt, policy.reminderLead).getTime() - dueAt.getTime();
      const opensAt = new Date(Math.max(start.getTime(), dueAt.getTime() - lead));
      const overdueAt = addDuration(dueAt, policy.visitGrace);
      const row = await obligationsRepository.ensureVisitObligation(db, {
        caseId: assignment.case_id,
        assignmentId,
        assigneeId: assignment.user_id,
        seq,
        opensAt,
        dueAt,
        overdueAt,
        escalatesAt: addDuration(overdueAt, policy.escalationDelay),
        policyVersion: current.version,
      });
      return {
        obligationId: row.id,
        opensAt: row.opens_at.toISOString(),
        dueAt: row.due_at.toISOString(),
        overdueAt: row.overdue_at.toISOString(),
        escalatesAt: row.escalates_at.toISOString(),
      };
    },
    async setObligationStatus({ obligationId, status }) {
      await obligationsRepository.advanceStatus(db, obligationId, status);
    },
    async escalateObligation({ obligationId }) {
      // Until the role model (supervisors, program managers) lands, escalations go to the admins.
      await obligationsRepository.recordEscalation(db, obligationId, await usersRepository.listUserIdsByRole(db, 'ADMIN'));
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
  };
}
