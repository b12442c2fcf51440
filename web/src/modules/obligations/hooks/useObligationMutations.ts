import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  createAssignment,
  endAssignment,
  handOver,
  logVisitRequest,
  waiveObligation,
  type AssignmentInput,
  type HandoverInput,
  type LoggedVisit,
  type VisitInput,
} from '../api/obligations.api';
import { isQueued, writeOrQueue } from '../../offline/offline-writes';
import { uploadPhotoRequest, type PickedPhoto } from '../../photos/api/photos.api';
import { caseKeys } from '../../cases/api/cases.queries';
import { assignmentKeys, obligationKeys } from '../api/obligations.queries';

/** Assigns a user to a case; the team, the obligations (new ones may follow) and the case's timeline refresh. */
export function useAssign(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AssignmentInput) => createAssignment(caseId, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: assignmentKeys.byCase(caseId) }),
        queryClient.invalidateQueries({ queryKey: obligationKeys.all }),
        queryClient.invalidateQueries({ queryKey: caseKeys.timeline(caseId) }),
      ]),
  });
}

/** Hands a position over to another person: the team (and its history) and every obligation
 * query refresh, as the open obligations now belong to the new person. */
export function useHandOver(caseId: string, assignmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: HandoverInput) => handOver(caseId, assignmentId, input),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: assignmentKeys.byCase(caseId) }),
        queryClient.invalidateQueries({ queryKey: obligationKeys.all }),
        queryClient.invalidateQueries({ queryKey: caseKeys.timeline(caseId) }),
      ]),
  });
}

/** Ends an assignment with a reason; the team, the obligations and the case's timeline refresh. */
export function useEndAssignment(caseId: string, assignmentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => endAssignment(caseId, assignmentId, reason),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: assignmentKeys.byCase(caseId) }),
        queryClient.invalidateQueries({ queryKey: obligationKeys.all }),
        queryClient.invalidateQueries({ queryKey: caseKeys.timeline(caseId) }),
      ]),
  });
}

/** Waives one open obligation with a reason; every obligation query and case timeline refreshes. */
export function useWaiveObligation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ obligationId, reason }: { obligationId: string; reason: string }) => waiveObligation(obligationId, reason),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: obligationKeys.all }),
        queryClient.invalidateQueries({ queryKey: caseKeys.timelines() }),
      ]),
  });
}

/** A visit as the form gives it: the photos themselves, not yet their ids. */
export type VisitWithPhotos = Omit<VisitInput, 'photoIds'> & { photos: readonly PickedPhoto[] };

/** Logs a visit; every obligation query (case lists, worklist, inbox) and the case's timeline refresh.
 * Its photos go first, one write each, then the visit that lists them; with no signal (or once one
 * of them could not be sent) the rest is kept on the device in that order and sent later (answers
 * QUEUED; nothing to refresh yet). A photo sent twice is stored once: it goes to its own id. */
export function useLogVisit(caseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ photos, ...input }: VisitWithPhotos) => {
      for (const photo of photos) await writeOrQueue(queryClient, { kind: 'photo', caseId, ...uploadPhotoRequest(caseId, photo) });
      const visit: VisitInput = photos.length > 0 ? { ...input, photoIds: photos.map((p) => p.id) } : input;
      return writeOrQueue<LoggedVisit>(queryClient, { kind: 'visit', caseId, ...logVisitRequest(caseId, visit) });
    },
    onSuccess: (result) =>
      isQueued(result) ||
      Promise.all([
        queryClient.invalidateQueries({ queryKey: obligationKeys.all }),
        queryClient.invalidateQueries({ queryKey: caseKeys.timeline(caseId) }),
      ]),
  });
}
