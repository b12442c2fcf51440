import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { householdKeys } from '../../households/api/households.queries';
import { isQueued, writeOrQueue } from '../../offline/offline-writes';
import { createActivity, enrolParticipants, recordAttendanceRequest, recordOutput, type Activity, type ActivityRequest, type AttendanceRequest, type OutputRequest } from '../api/activities.api';
import { activityKeys } from '../api/activities.queries';

/** The case's activities show the answer at once; households (what they received) refresh. */
function saved(queryClient: QueryClient, caseId: string) {
  return (activity: Activity) => {
    queryClient.setQueryData<Activity[]>(activityKeys.byCase(caseId), (list) => list?.map((a) => (a.id === activity.id ? activity : a)));
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: activityKeys.byCase(caseId) }),
      queryClient.invalidateQueries({ queryKey: householdKeys.details() }),
    ]);
  };
}

export function useCreateActivity(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: ActivityRequest) => createActivity(caseId, request),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: activityKeys.byCase(caseId) }),
  });
}

export function useEnrol(caseId: string, activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (personIds: string[]) => enrolParticipants(activityId, personIds), onSuccess: saved(queryClient, caseId) });
}

/** Attendance, kept on the device with no signal and sent later (answers QUEUED; nothing to show yet). */
export function useRecordAttendance(caseId: string, activityId: string) {
  const queryClient = useQueryClient();
  const onSaved = saved(queryClient, caseId);
  return useMutation({
    mutationFn: (request: AttendanceRequest) =>
      writeOrQueue<Activity>(queryClient, { kind: 'attendance', caseId, ...recordAttendanceRequest(activityId, request) }),
    onSuccess: (result) => isQueued(result) || onSaved(result),
  });
}

export function useRecordOutput(caseId: string, activityId: string) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: (request: OutputRequest) => recordOutput(activityId, request), onSuccess: saved(queryClient, caseId) });
}
