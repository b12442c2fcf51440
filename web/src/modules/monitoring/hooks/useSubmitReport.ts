import type { MonitoringReport, MonitoringReportRequest } from '@kampung/domain/obligation';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { caseKeys } from '../../cases/api/cases.queries';
import { obligationKeys } from '../../obligations/api/obligations.queries';
import { isQueued, writeOrQueue } from '../../offline/offline-writes';
import { submitReportRequest } from '../api/monitoring.api';
import { monitoringKeys } from '../api/monitoring.queries';

/** Submits a monitoring report. Reports refresh (the case's and the red list), and so does every
 * obligation query: the report fulfils its period's obligation, and a red one reaches inboxes. With
 * no signal it is kept on the device and sent later (answers QUEUED; nothing to refresh yet). */
export function useSubmitReport(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MonitoringReportRequest) => writeOrQueue<MonitoringReport>(queryClient, { kind: 'report', caseId, ...submitReportRequest(caseId, input) }),
    onSuccess: (result) =>
      isQueued(result) ||
      Promise.all([
        queryClient.invalidateQueries({ queryKey: monitoringKeys.all }),
        queryClient.invalidateQueries({ queryKey: obligationKeys.all }),
        queryClient.invalidateQueries({ queryKey: caseKeys.timeline(caseId) }),
      ]),
  });
}
