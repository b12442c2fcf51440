import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { fetchDashboard, fetchDashboardSettings } from './dashboard.api';

export const dashboardKeys = {
  all: ['dashboard'] as const,
  figures: (program: string | undefined) => [...dashboardKeys.all, 'figures', program ?? 'all'] as const,
  settings: () => [...dashboardKeys.all, 'settings'] as const,
};

export const dashboardQueries = {
  /** Aggregates: the previous program's figures stay on screen while the next load. */
  figures: (program: string | undefined) =>
    queryOptions({ queryKey: dashboardKeys.figures(program), queryFn: () => fetchDashboard(program), placeholderData: keepPreviousData }),
  settings: () => queryOptions({ queryKey: dashboardKeys.settings(), queryFn: fetchDashboardSettings, staleTime: 5 * 60_000 }),
};
