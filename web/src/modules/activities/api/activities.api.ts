import type { Activity, ActivityRequest } from '@kampung/domain/activity';
import type { PersonView } from '@kampung/domain/household';
import { http, searchString } from '../../../lib/http';

export type { Activity, ActivityRequest };

/** An agency (OPD) or partner that runs activities. */
export interface Agency {
  code: string;
  name: string;
  kind: string;
}

export interface AttendanceRequest {
  sessionId: string;
  records: { personId: string; present: boolean }[];
}

export interface OutputRequest {
  personId: string;
  kind: Activity['outputs'][number]['kind'];
  note: string | null;
}

const casePath = (caseId: string) => `/api/cases/${encodeURIComponent(caseId)}`;
const activityPath = (id: string) => `/api/activities/${encodeURIComponent(id)}`;

export const fetchAgencies = () => http<Agency[]>('/api/agencies');

/** A case's activities (participants' NIKs masked). */
export const fetchActivities = (caseId: string) => http<Activity[]>(`${casePath(caseId)}/activities`);

/** 409 unless the case is in implementation; 422 with field errors. */
export const createActivity = (caseId: string, request: ActivityRequest) =>
  http<Activity>(`${casePath(caseId)}/activities`, { method: 'POST', body: request });

/** People of the kampung's kelurahan whose name contains `q`, or whose NIK is `q` whole (masked). */
export const fetchResidents = (caseId: string, q: string) => http<PersonView[]>(`${casePath(caseId)}/residents${searchString({ q })}`);

/** 409 when the quota would be exceeded; those enrolled already stay. */
export const enrolParticipants = (activityId: string, personIds: string[]) =>
  http<Activity>(`${activityPath(activityId)}/participants`, { method: 'POST', body: { personIds } });

/** Attendance's request, sent now or kept on the device (modules/offline) and sent later. */
export const recordAttendanceRequest = (activityId: string, request: AttendanceRequest) => ({
  method: 'PUT' as const,
  path: `${activityPath(activityId)}/attendance`,
  body: request,
});

export const recordOutput = (activityId: string, request: OutputRequest) =>
  http<Activity>(`${activityPath(activityId)}/outputs`, { method: 'POST', body: request });
