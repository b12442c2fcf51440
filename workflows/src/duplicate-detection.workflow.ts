import { proxyActivities } from '@temporalio/workflow';
import type { DuplicateDetectionActivities, DuplicateDetectionInput, DuplicateRunSummary } from './duplicate-detection-messages';

const { detectDuplicates } = proxyActivities<DuplicateDetectionActivities>({
  // 394,000 people take some 10 s; the heartbeat notices a worker that died much sooner.
  startToCloseTimeout: '30 minutes',
  heartbeatTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 5 },
});

/** Duplicate detection over the whole registry, asked for by a reviewer (its workflow id is fixed,
 * so that two clicks run it once). */
export async function duplicateDetectionWorkflow(input: DuplicateDetectionInput): Promise<DuplicateRunSummary> {
  return detectDuplicates(input);
}
