import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { ReconcilerActivities, ReconciliationSummary } from './activity-contract';
import type { ReconcilerInput } from './reconciler-messages';

const activities = proxyActivities<ReconcilerActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '1 minute', maximumAttempts: 5 },
});


/** One pass of the reconciler (a Temporal Schedule starts one every hour by default): every open
 * case's workflows are compared with PostgreSQL, page by page; what is safe to repair is repaired,
 * the rest goes to the admins' inbox. Ids only; the comparison itself runs in the activities. */
export async function reconcilerWorkflow(input: ReconcilerInput = {}): Promise<ReconciliationSummary> {
  const limit = input.pageSize ?? 50;
  const passId = input.resume?.passId ?? `${workflowInfo().workflowId}/${workflowInfo().runId}`;
  let after: string | null = input.resume?.after ?? null;
  let casesChecked = input.resume?.casesChecked ?? 0;
  if (!input.resume) await activities.startReconciliation({ passId, at: new Date().toISOString() });
  for (;;) {
    const page = await activities.reconcileCases({ passId, after, limit, caseIds: input.caseIds });
    casesChecked += page.checked;
    if (!page.last) break;
    after = page.last;
    if (workflowInfo().continueAsNewSuggested) {
      return await continueAsNew<typeof reconcilerWorkflow>({ pageSize: limit, caseIds: input.caseIds, resume: { passId, after, casesChecked } });
    }
  }
  return activities.finishReconciliation({ passId, casesChecked, at: new Date().toISOString() });
}
