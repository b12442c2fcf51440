import { useMutation, useQueryClient } from '@tanstack/react-query';
import { markInboxDone, markInboxRead } from '../api/inbox.api';
import { inboxKeys } from '../api/inbox.queries';

/** Marks an item read (as it is opened); the lists and the navigation's count refresh. */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => markInboxRead(id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}

/** Marks an item done (or takes that back); it moves between the two lists, the count refreshes. */
export function useMarkDone() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, done }: { id: string; done: boolean }) => markInboxDone(id, done),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: inboxKeys.all }),
  });
}
