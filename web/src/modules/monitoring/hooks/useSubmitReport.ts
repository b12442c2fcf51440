import type { MonitoringReportRequest } from '@kampung/domain/obligation';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { caseKeys } from '../../cases/api/cases.queries';
import { obligationKeys } from '../../obligations/api/obligations.queries';
import { submitReport } from '../api/monitoring.api';
import { monitoringKeys } from '../api/monitoring.queries';

/** Submits a monitoring report. Reports refresh (the case's and the red list), and so does every
 * obligation query: the report fulfils its period's obligation, and a red one reaches inboxes. */
export function useSubmitReport(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MonitoringReportRequest) => submitReport(caseId, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: monitoringKeys.all }),
        queryClient.invalidateQueries({ queryKey: obligationKeys.all }),
        queryClient.invalidateQueries({ queryKey: caseKeys.timeline(caseId) }),
      ]),
  });
}
