import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type GeneratedTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export interface CitiesTable {
  code: string;
  name: string;
}
export interface KecamatanTable {
  code: string;
  city_code: string;
  name: string;
}
export interface KelurahanTable {
  code: string;
  kecamatan_code: string;
  name: string;
}
export interface ProgramsTable {
  code: string;
  name: string;
  city_code: string;
}
export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  supervisor_id: string | null;
  created_at: GeneratedTimestamp;
}
export interface SessionsTable {
  token_hash: string;
  user_id: string;
  created_at: GeneratedTimestamp;
  expires_at: Timestamp;
}
export interface CasesTable {
  id: string;
  workflow_id: string;
  program_code: string;
  kelurahan_code: string;
  kecamatan_code: string;
  rw: string;
  name: string;
  theme: string;
  profile: Json<unknown>;
  proposer: Json<unknown>;
  created_by: string | null;
  stage: string;
  resume_stage: string | null;
  stage_seq: number;
  stage_entered_at: Timestamp;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
  /** Rupiah from the designation decree (APBD + CSR); bigint, read back as a string. */
  budget_allocated: ColumnType<string | null, number | null | undefined, number | null>;
  budget_realised: ColumnType<string | null, number | null | undefined, number | null>;
  budget_realised_period: string | null;
  rating: string | null;
  rated_at: Timestamp | null;
}
export interface TransitionRequestsTable {
  id: string;
  case_id: string;
  to_stage: string;
  reason: string | null;
  data: Json<Record<string, unknown>> | null;
  actor_id: string | null;
  created_at: GeneratedTimestamp;
}
export interface StageHistoryTable {
  id: Generated<string>;
  case_id: string;
  seq: number;
  from_stage: string | null;
  to_stage: string;
  at: Timestamp;
  actor_id: string | null;
  request_id: string | null;
  reason: string | null;
  data: Json<Record<string, unknown>> | null;
}

export interface ProgramPoliciesTable {
  program_code: string;
  version: number;
  policy: Json<unknown>;
  change_note: string;
  created_by: string | null;
  created_at: GeneratedTimestamp;
}

export interface AssignmentsTable {
  id: string;
  case_id: string;
  user_id: string;
  role: string;
  is_lead: boolean;
  kecamatan_code: string;
  started_at: GeneratedTimestamp;
  ended_at: Timestamp | null;
  created_by: string | null;
}
export interface ObligationsTable {
  id: string;
  kind: string;
  case_id: string;
  assignment_id: string | null;
  assignee_id: string | null;
  seq: number;
  status: string;
  opens_at: Timestamp;
  due_at: Timestamp;
  overdue_at: Timestamp;
  escalates_at: Timestamp;
  policy_version: number;
  status_changed_at: GeneratedTimestamp;
  fulfilled_at: Timestamp | null;
  fulfilled_by: string | null;
  late: boolean | null;
  waived_reason: string | null;
  waived_by: string | null;
  period_label: string | null;
  /** STAGE_DEADLINE: the stage whose expected duration it watches. */
  stage: string | null;
}
export interface VisitsTable {
  id: string;
  case_id: string;
  assignment_id: string;
  visitor_id: string;
  visited_at: Timestamp;
  kind: string;
  notes: string;
  attendees: number;
  follow_ups: Json<string[]>;
  obligation_id: string | null;
  created_at: GeneratedTimestamp;
}
export interface InboxItemsTable {
  id: Generated<string>;
  user_id: string;
  obligation_id: string | null;
  report_id: string | null;
  kind: string;
  created_at: GeneratedTimestamp;
  read_at: Timestamp | null;
}
export interface AssignmentHandoversTable {
  id: string;
  assignment_id: string;
  from_user_id: string;
  to_user_id: string;
  reason: string;
  moved_obligations: number;
  by_user_id: string | null;
  at: GeneratedTimestamp;
}
export interface MonitoringReportsTable {
  id: string;
  case_id: string;
  period: string;
  /** numeric: read back as a string. */
  progress_percent: ColumnType<string, number, number>;
  /** bigint rupiah: read back as a string. */
  budget_realised: ColumnType<string, number, number>;
  problems: string;
  explanation: string | null;
  target_percent: ColumnType<string, number, number>;
  red: boolean;
  policy_version: number;
  obligation_id: string | null;
  submitted_by: string | null;
  submitted_at: GeneratedTimestamp;
}
export interface DashboardSettingsTable {
  id: number;
  stalled_aging_days: number[];
  updated_by: string | null;
  updated_at: GeneratedTimestamp;
}
export interface ObligationWindowShiftsTable {
  obligation_id: string;
  held_at: Timestamp;
  resumed_at: Timestamp;
}
export interface OutboxTable {
  id: Generated<string>;
  dedupe_key: string;
  recipient_id: string;
  template: string;
  payload: Json<unknown>;
  created_at: GeneratedTimestamp;
  sent_at: Timestamp | null;
}

export interface SavedWorklistsTable {
  id: string;
  owner_id: string;
  name: string;
  target: string;
  visibility: string;
  filters: Json<Record<string, string>>;
  created_at: GeneratedTimestamp;
  updated_at: GeneratedTimestamp;
}

export interface Database {
  cities: CitiesTable;
  kecamatan: KecamatanTable;
  kelurahan: KelurahanTable;
  programs: ProgramsTable;
  users: UsersTable;
  sessions: SessionsTable;
  cases: CasesTable;
  transition_requests: TransitionRequestsTable;
  stage_history: StageHistoryTable;
  program_policies: ProgramPoliciesTable;
  assignments: AssignmentsTable;
  obligations: ObligationsTable;
  visits: VisitsTable;
  inbox_items: InboxItemsTable;
  outbox: OutboxTable;
  assignment_handovers: AssignmentHandoversTable;
  monitoring_reports: MonitoringReportsTable;
  obligation_window_shifts: ObligationWindowShiftsTable;
  dashboard_settings: DashboardSettingsTable;
  saved_worklists: SavedWorklistsTable;
}

export type UserRow = Selectable<UsersTable>;
export type CaseRow = Selectable<CasesTable>;
export type NewCaseRow = Insertable<CasesTable>;
export type StageHistoryRow = Selectable<StageHistoryTable>;
