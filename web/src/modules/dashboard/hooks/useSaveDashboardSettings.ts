import { useMutation, useQueryClient } from '@tanstack/react-query';
import { saveDashboardSettings, type DashboardSettings } from '../api/dashboard.api';
import { dashboardKeys } from '../api/dashboard.queries';

/** Saves the aging buckets; the dashboard's figures are counted again with them. */
export function useSaveDashboardSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveDashboardSettings,
    onSuccess: (saved: DashboardSettings) => {
      queryClient.setQueryData(dashboardKeys.settings(), saved);
      return queryClient.invalidateQueries({ queryKey: dashboardKeys.all, predicate: (q) => q.queryKey[1] === 'figures' });
    },
  });
}
