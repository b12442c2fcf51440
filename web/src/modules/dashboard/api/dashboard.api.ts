import type { Dashboard } from '@kampung/domain/obligation';
import { http, searchString } from '../../../lib/http';

export type { Dashboard };

/** The edges (days past the stage's expected duration) of the stalled-case aging buckets. */
export interface DashboardSettings {
  stalledAgingDays: number[];
}

/** Every figure of one program, or of both when `program` is not given; the server may answer
 * with figures a few seconds old unless `fresh` (the Refresh button). */
export const fetchDashboard = (program?: string, { fresh = false } = {}) => http<Dashboard>(`/api/dashboard${searchString({ program })}`, { fresh });

export const fetchDashboardSettings = () => http<DashboardSettings>('/api/dashboard/settings');

/** Admins only; 422 names the field when the days are not ascending whole numbers. */
export const saveDashboardSettings = (settings: DashboardSettings) =>
  http<DashboardSettings>('/api/dashboard/settings', { method: 'PUT', body: settings });
