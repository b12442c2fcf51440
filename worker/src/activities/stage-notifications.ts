import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { assignmentsRepository, type Db } from '@kampung/db';
import {
  caseObligationsWorkflowId,
  caseStageChangedSignal,
  stageChangedSignal,
  visitCadenceWorkflowId,
  type CaseActivities,
} from '@kampung/workflows';

/** Delivers a case's move to the workflows that keep its obligations: the case's obligations
 * workflow (started on the first move) and the visit cadence of each active assignment. Safe to
 * repeat: each receiver ignores a move it has seen. */
export function createStageNotifications({ db, temporal, taskQueue }: { db: Db; temporal: Client; taskQueue: string }): Pick<CaseActivities, 'notifyStageChanged'> {
  return {
    async notifyStageChanged(move) {
      await temporal.workflow.signalWithStart('caseObligationsWorkflow', {
        workflowId: caseObligationsWorkflowId(move.caseId),
        taskQueue,
        args: [{ caseId: move.caseId }],
        signal: stageChangedSignal,
        signalArgs: [move],
      });
      for (const assignmentId of await assignmentsRepository.activeAssignmentIds(db, move.caseId)) {
        try {
          await temporal.workflow
            .getHandle(visitCadenceWorkflowId(assignmentId))
            .signal(caseStageChangedSignal, { seq: move.seq, stage: move.to, at: move.at });
        } catch (error) {
          if (!(error instanceof WorkflowNotFoundError)) throw error; // a cadence that has finished
        }
      }
    },
  };
}
