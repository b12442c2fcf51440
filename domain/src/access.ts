/** Who may see and do what. One table, read by the API (which enforces it on every endpoint) and by
 * the web (which shows only what the user may do); the authorization matrix test is generated from
 * it. Pure code. */
import type { AssignmentRole } from './program-policy';
import type { Stage } from './stages';
import type { UserScope } from './user-scope';

// No zod here: the web's first download reads this table, and the schemas of a user's role and
// scope live in user-scope.ts.
export type { UserScope } from './user-scope';

export const USER_ROLES = [
  'ADMIN', // program admin (Dinas Sosial)
  'OFFICER', // Dinas Sosial staff
  'MANAGER', // Kepala Dinas / Bappeda: reads everything in their program, approves
  'AUDITOR', // reads everything, including the audit log; changes nothing
  'IAI_ARCHITECT', // assigned to kampung
  'MENTOR', // pendamping, assigned to kampung
  'COMMITTEE', // pengurus / ketua of their own kampung
  'AGENCY_STAFF', // OPD: the activities their agency runs
] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * How far a role reaches:
 * - REGION: every case of the user's programs and kecamatan (an empty list means all of them);
 * - ASSIGNED: only the kampung the user is assigned to now (a mentor's, an architect's, the
 *   committee's own kampung);
 * - AGENCY: only the kampung where the user's agency runs activities.
 */
export type Reach = 'REGION' | 'ASSIGNED' | 'AGENCY';
export const ROLE_REACH: Record<UserRole, Reach> = {
  ADMIN: 'REGION',
  OFFICER: 'REGION',
  MANAGER: 'REGION',
  AUDITOR: 'REGION',
  IAI_ARCHITECT: 'ASSIGNED',
  MENTOR: 'ASSIGNED',
  COMMITTEE: 'ASSIGNED',
  AGENCY_STAFF: 'AGENCY',
};

const EVERYONE = USER_ROLES;
const STAFF = ['ADMIN', 'OFFICER'] as const satisfies readonly UserRole[];
const OVERSIGHT = ['ADMIN', 'OFFICER', 'MANAGER', 'AUDITOR'] as const satisfies readonly UserRole[];
const FIELD = ['ADMIN', 'OFFICER', 'IAI_ARCHITECT', 'MENTOR'] as const satisfies readonly UserRole[];

/** Every action the product knows, and the roles that may take it. Where an action concerns a case,
 * the case must also be within the user's reach (see ROLE_REACH); out of reach it does not exist
 * for them (404). */
export const PERMISSIONS = {
  'case.read': EVERYONE,
  'case.propose': STAFF,
  /** Which move a role may make is TRANSITION_POLICY's; this is "may make some move". */
  'case.transition': ['ADMIN', 'OFFICER', 'MANAGER', 'IAI_ARCHITECT', 'COMMITTEE'],
  'case.timeline': EVERYONE,
  'case.assign': STAFF,
  'case.handover': STAFF,
  'case.audit': ['ADMIN', 'MANAGER', 'AUDITOR'],
  'visit.log': FIELD,
  'report.submit': FIELD,
  'report.read': EVERYONE,
  'obligation.read': EVERYONE,
  'obligation.waive': ['ADMIN', 'OFFICER', 'MANAGER'],
  'export.read': OVERSIGHT,
  'dashboard.read': OVERSIGHT,
  'dashboard.settings': ['ADMIN'],
  'policy.read': EVERYONE,
  'reference.read': EVERYONE,
  'policy.edit': ['ADMIN'],
  'worklist.save': EVERYONE,
  /** One's own session and password. */
  'account.self': EVERYONE,
  'directory.read': OVERSIGHT,
  // One data: households, people, activities
  'household.read': ['ADMIN', 'OFFICER', 'MANAGER', 'AUDITOR', 'MENTOR', 'AGENCY_STAFF'],
  /** Seeing a NIK or KK whole (each such read is audited); others see it masked. */
  'person.unmask': ['ADMIN', 'OFFICER', 'AUDITOR'],
  'household.import': STAFF,
  'activity.read': EVERYONE,
  /** Creating an activity; agency staff only for their own agency, in a kampung it already serves. */
  'activity.manage': ['ADMIN', 'OFFICER', 'AGENCY_STAFF'],
  /** Enrolling participants, taking attendance, recording outputs. */
  'activity.record': ['ADMIN', 'OFFICER', 'AGENCY_STAFF', 'MENTOR'],
  /** Reading the duplicate review queue: its reviewers and the managers who approve merges. */
  'duplicate.read': ['ADMIN', 'OFFICER', 'MANAGER'],
  /** The duplicate review queue: proposing a merge or dismissing a candidate. */
  'duplicate.review': STAFF,
  /** A merge needs a manager's approval. */
  'duplicate.approve': ['MANAGER'],
  'user.manage': ['ADMIN'],
  'audit.read': ['ADMIN', 'AUDITOR'],
} as const satisfies Record<string, readonly UserRole[]>;
export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function may(role: UserRole, action: Action): boolean {
  return (PERMISSIONS[action] as readonly UserRole[]).includes(role);
}

/** Who may move a case into each stage (a resume from hold is its own row): only officers and
 * admins verify and designate; a manager approves graduation and closure; architects carry the
 * technical stages; the committee may withdraw its own kampung's proposal. */
export const TRANSITION_POLICY: Record<Exclude<Stage, 'PROPOSAL'> | 'RETURN_TO_PROPOSAL' | 'RESUME', readonly UserRole[]> = {
  RETURN_TO_PROPOSAL: STAFF,
  SURVEY: STAFF,
  VERIFICATION: ['ADMIN', 'OFFICER', 'IAI_ARCHITECT'],
  DESIGNATION: STAFF,
  ENGAGEMENT: STAFF,
  ASSESSMENT: ['ADMIN', 'OFFICER', 'IAI_ARCHITECT'],
  PLANNING: ['ADMIN', 'OFFICER', 'IAI_ARCHITECT'],
  ACTION_PLAN: ['ADMIN', 'OFFICER', 'IAI_ARCHITECT'],
  IMPLEMENTATION: STAFF,
  EVALUATION: STAFF,
  GRADUATED: ['MANAGER'],
  CLOSED: ['MANAGER'],
  REJECTED: STAFF,
  WITHDRAWN: ['ADMIN', 'OFFICER', 'COMMITTEE'],
  ON_HOLD: ['ADMIN', 'OFFICER', 'MANAGER'],
  RESUME: ['ADMIN', 'OFFICER', 'MANAGER'],
};
export type TransitionRule = keyof typeof TRANSITION_POLICY;

/** The policy row a move falls under. */
export function transitionRule(from: Stage, to: Stage): TransitionRule {
  if (from === 'ON_HOLD') return 'RESUME';
  if (to === 'PROPOSAL') return 'RETURN_TO_PROPOSAL';
  return to;
}

export function mayTransition(role: UserRole, from: Stage, to: Stage): boolean {
  return TRANSITION_POLICY[transitionRule(from, to)].includes(role);
}

/** The roles that may hold each position on a kampung's team. */
export const ASSIGNMENT_HOLDERS: Record<AssignmentRole, readonly UserRole[]> = {
  IAI_ARCHITECT: ['IAI_ARCHITECT'],
  MENTOR: ['MENTOR', 'OFFICER'],
  DINSOS_OFFICER: ['OFFICER', 'ADMIN'],
  COMMITTEE_CONTACT: ['COMMITTEE'],
};


/** The case-level reach of one signed-in user, as the server filters by it. */
export type CaseReach =
  | { kind: 'REGION'; programCodes: string[]; kecamatanCodes: string[] }
  | { kind: 'ASSIGNED'; userId: string }
  | { kind: 'AGENCY'; agencyCode: string }
  | { kind: 'NONE' };

export function caseReach(
  user: { id: string; role: UserRole } & Pick<UserScope, 'programCodes' | 'kecamatanCodes'> & { agencyCode?: string | null },
): CaseReach {
  switch (ROLE_REACH[user.role]) {
    case 'REGION':
      return { kind: 'REGION', programCodes: user.programCodes, kecamatanCodes: user.kecamatanCodes };
    case 'ASSIGNED':
      return { kind: 'ASSIGNED', userId: user.id };
    case 'AGENCY':
      // The kampung where the user's agency runs activities; without an agency, none.
      return user.agencyCode ? { kind: 'AGENCY', agencyCode: user.agencyCode } : { kind: 'NONE' };
  }
}

/** The actions a role may take, for the web. */
export function permissionsOf(role: UserRole): Action[] {
  return ACTIONS.filter((a) => may(role, a));
}

export const TRANSITION_RULES = Object.keys(TRANSITION_POLICY) as TransitionRule[];
