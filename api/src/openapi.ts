import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { policyChangeSchema } from './policies/policies.service';
import {
  caseDetailSchema,
  deadLettersSchema,
  caseListQuerySchema,
  casePageSchema,
  caseProposalSchema,
  cityRegionsSchema,
  loginRequestSchema,
  policyVersionSchema,
  meSchema,
  problemSchema,
  programSchema,
  transitionRequestSchema,
  TRANSITION_DATA_SCHEMAS,
  z,
  assignmentRequestSchema,
  assignmentSchema,
  dashboardQuerySchema,
  dashboardSchema,
  dashboardSettingsSchema,
  handoverRequestSchema,
  assignmentEndRequestSchema,
  monitoringReportListQuerySchema,
  monitoringReportRequestSchema,
  monitoringReportSchema,
  obligationListQuerySchema,
  obligationSchema,
  supervisorRequestSchema,
  visitRequestSchema,
  visitSchema,
  visitPhotoSchema,
  PHOTO_CONTENT_TYPES,
  PHOTO_TAKEN_AT_HEADER,
  waiverRequestSchema,
  caseTimelineSchema,
  savedWorklistRequestSchema,
  savedWorklistSchema,
  WORKLIST_TARGETS,
  invitationAcceptSchema,
  userInviteSchema,
  auditEntrySchema,
  auditQuerySchema,
  userAccountSchema,
  userChangeSchema,
  passwordChangeSchema,
  passwordResetRequestSchema,
  householdListQuerySchema,
  householdSummarySchema,
  householdViewSchema,
  householdImportSchema,
  personViewSchema,
  activityRequestSchema,
  activitySchema,
  enrolmentRequestSchema,
  attendanceRequestSchema,
  outputRequestSchema,
  duplicateDecisionSchema,
  inboxItemIdSchema,
  inboxItemSchema,
  inboxItemStateSchema,
  inboxQuerySchema,
  inboxUnreadCountSchema,
} from '@kampung/domain';
import { IDEMPOTENCY_KEY_HEADER, IDEMPOTENT_REPLAYED_HEADER, idempotencyKeySchema } from '@kampung/domain/idempotency';

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemSchema } },
});
const json = (schema: z.ZodType, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});
const unauthenticated = { 401: problem('Not signed in (UNAUTHENTICATED)') };

/** The OpenAPI document, generated from the same zod schemas that validate requests. */
export function buildOpenApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'kampung_session',
    description: 'Every write (POST, PUT, DELETE) with this cookie must also send the `X-CSRF-Token` header with the value of the `kampung_csrf` cookie the API sets beside it; without it: 403 FORBIDDEN.',
  });
  for (const [kind, schema] of Object.entries(TRANSITION_DATA_SCHEMAS)) registry.register(`TransitionData_${kind}`, schema);

  registry.registerPath({
    method: 'get',
    path: '/healthz',
    summary: 'Health of PostgreSQL and Temporal',
    responses: { 200: { description: 'Both answer' }, 503: { description: 'A dependency does not answer' } },
  });
  registry.registerPath({
    method: 'get',
    path: '/metrics',
    summary: 'Prometheus metrics (text format): request latency by route pattern, outbox, imports, reconciler; no personal data',
    description: 'Open unless the api runs with METRICS_TOKEN; then only with `Authorization: Bearer <METRICS_TOKEN>`. See the README, "What to watch".',
    responses: { 200: { description: 'Prometheus text exposition format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } }, 401: { description: 'METRICS_TOKEN is set and the bearer token is missing or wrong' } },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/login',
    summary: 'Sign in; sets an HttpOnly session cookie',
    request: { body: { content: { 'application/json': { schema: loginRequestSchema } } } },
    responses: {
      200: json(meSchema),
      401: problem('INVALID_CREDENTIALS'),
      422: problem('VALIDATION_FAILED'),
      429: problem('TOO_MANY_ATTEMPTS: too many failed sign-ins to this email; locked for a while (Retry-After, seconds)'),
    },
  });
  registry.registerPath({ method: 'post', path: '/api/auth/logout', summary: 'Sign out', responses: { 204: { description: 'Signed out' } } });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/logout-everywhere',
    summary: 'Sign out on every device: every session of the user ends',
    responses: { 204: { description: 'Signed out everywhere' }, ...unauthenticated },
  });
  registry.registerPath({ method: 'get', path: '/api/me', summary: 'The signed-in user', responses: { 200: json(meSchema), ...unauthenticated } });
  registry.registerPath({ method: 'get', path: '/api/programs', summary: 'Programs', responses: { 200: json(z.array(programSchema)), ...unauthenticated } });
  registry.registerPath({
    method: 'get',
    path: '/api/regions',
    summary: 'Kecamatan and kelurahan of a city (Kemendagri codes)',
    request: { query: z.object({ city: z.string().openapi({ example: '33.74' }) }) },
    responses: { 200: json(cityRegionsSchema), ...unauthenticated, 404: problem('NOT_FOUND'), 422: problem('VALIDATION_FAILED') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/cases',
    summary: 'Cases, filtered and paginated',
    request: { query: caseListQuerySchema },
    responses: { 200: json(casePageSchema), ...unauthenticated, 422: problem('VALIDATION_FAILED') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/cases',
    summary: 'Submit a kampung proposal; starts the case workflow',
    request: { body: { content: { 'application/json': { schema: caseProposalSchema } } } },
    responses: {
      201: json(caseDetailSchema, 'Created'),
      ...unauthenticated,
      403: problem('FORBIDDEN'),
      422: problem('VALIDATION_FAILED, UNKNOWN_REGION, UNKNOWN_PROGRAM, REGION_NOT_IN_PROGRAM'),
    },
  });
  const caseId = z.object({ id: z.uuid() });
  registry.registerPath({
    method: 'get',
    path: '/api/cases/{id}',
    summary: 'A case with its allowed transitions and history',
    request: { params: caseId },
    responses: { 200: json(caseDetailSchema), ...unauthenticated, 404: problem('NOT_FOUND') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/cases/{id}/transitions',
    summary: 'Move a case to another stage; `data` follows the schema of the move (see components)',
    request: { params: caseId, body: { content: { 'application/json': { schema: transitionRequestSchema } } } },
    responses: {
      200: json(caseDetailSchema),
      ...unauthenticated,
      403: problem('FORBIDDEN'),
      404: problem('NOT_FOUND'),
      409: problem('ILLEGAL_TRANSITION or REASON_REQUIRED'),
      422: problem('VALIDATION_FAILED'),
    },
  });

  const programCode = z.object({ code: z.string().openapi({ example: 'KAMPUNG_TEMATIK' }) });
  registry.registerPath({
    method: 'get',
    path: '/api/programs/{code}/policy',
    summary: "The program's current obligation policy (ISO-8601 durations)",
    request: { params: programCode },
    responses: { 200: json(policyVersionSchema), ...unauthenticated, 404: problem('NOT_FOUND') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/programs/{code}/policy/versions',
    summary: 'Every version of the policy, newest first',
    request: { params: programCode },
    responses: { 200: json(z.array(policyVersionSchema)), ...unauthenticated, 404: problem('NOT_FOUND') },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/programs/{code}/policy',
    summary: 'Admins: make the next policy version (applies to running cases from their next obligation on)',
    request: { params: programCode, body: { content: { 'application/json': { schema: policyChangeSchema } } } },
    responses: {
      200: json(policyVersionSchema),
      ...unauthenticated,
      403: problem('FORBIDDEN'),
      404: problem('NOT_FOUND'),
      409: problem('CONFLICT: changed from an outdated version'),
      422: problem('VALIDATION_FAILED'),
    },
  });

  const idParam = z.object({ id: z.uuid() });
  const page = (item: z.ZodType) => z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
  const writeErrors = { ...unauthenticated, 403: problem('FORBIDDEN'), 404: problem('NOT_FOUND'), 422: problem('VALIDATION_FAILED') };
  const auditPage = z.object({ items: z.array(auditEntrySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
  registry.registerPath({
    method: 'get',
    path: '/api/cases/{id}/assignments',
    summary: 'The team of a case, with each position\'s handovers',
    request: { params: idParam },
    responses: { 200: json(z.array(assignmentSchema)), ...unauthenticated, 404: problem('NOT_FOUND') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/cases/{id}/assignments',
    summary: 'Assign a person in a role; starts the assignment\'s visit cadence',
    request: { params: idParam, body: { content: { 'application/json': { schema: assignmentRequestSchema } } } },
    responses: { 201: json(assignmentSchema), ...writeErrors, 409: problem('CONFLICT: the case ended, or a third IAI architect in the kecamatan') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/cases/{id}/assignments/{assignmentId}/handover',
    summary: 'Reassign a position: its open obligations move to the new person; the handover is kept',
    request: { params: z.object({ id: z.uuid(), assignmentId: z.uuid() }), body: { content: { 'application/json': { schema: handoverRequestSchema } } } },
    responses: { 200: json(assignmentSchema), ...writeErrors, 409: problem('CONFLICT') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/cases/{id}/assignments/{assignmentId}/end',
    summary: 'End an assignment with a reason: its visit cadence cancels the open visit obligation and completes; its open reports and evaluations go to the next responsible person (or wait unassigned). Sent again with the same reason, it finishes what a lost answer left undone.',
    request: { params: z.object({ id: z.uuid(), assignmentId: z.uuid() }), body: { content: { 'application/json': { schema: assignmentEndRequestSchema } } } },
    responses: { 200: json(assignmentSchema), ...writeErrors, 409: problem('ASSIGNMENT_ENDED: it ended already, for another reason') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/cases/{id}/visits',
    summary: "Log a visit: fulfils the assignee's open visit obligation; the next counts from the visit date",
    request: { params: idParam, body: { content: { 'application/json': { schema: visitRequestSchema } } } },
    responses: {
      201: json(visitSchema, 'The visit, the obligation it fulfilled, and its evidence'),
      ...writeErrors,
      409: problem('VISIT_ALREADY_LOGGED (the same visit, same instant), CASE_ON_HOLD, ASSIGNMENT_ENDED, or PHOTO_ALREADY_ATTACHED (a photo listed is another visit\'s)'),
      422: problem('VALIDATION_FAILED (photoIds: a photo not uploaded by you to this case)'),
    },
  });
  const photoParams = z.object({ id: z.uuid(), photoId: z.uuid().describe('Chosen by the client') });
  const photoBytes = Object.fromEntries(PHOTO_CONTENT_TYPES.map((type) => [type, { schema: z.string().openapi({ format: 'binary' }) }]));
  registry.registerPath({
    method: 'put',
    path: '/api/cases/{id}/photos/{photoId}',
    summary: "Upload a visit's photo (the body is its bytes, at most 300 KiB) before logging the visit that lists it; the same photo again is answered as the first time",
    request: {
      params: photoParams,
      headers: z.object({ [PHOTO_TAKEN_AT_HEADER]: z.iso.datetime({ offset: true }).optional().describe('When the photo was taken') }),
      body: { content: photoBytes },
    },
    responses: {
      201: json(visitPhotoSchema, 'Stored, unattached until a visit lists it'),
      200: json(visitPhotoSchema, 'The same id with the same bytes was stored already: nothing written'),
      ...writeErrors,
      409: problem('PHOTO_ID_TAKEN: the id is another photo\'s (other bytes, case or person)'),
      413: problem('PHOTO_TOO_LARGE: over 307,200 bytes'),
      415: problem('PHOTO_TYPE_NOT_ALLOWED: not image/jpeg, image/png or image/webp, or the bytes are not of the type declared'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/cases/{id}/photos/{photoId}',
    summary: "A visit's photo: its bytes with their type; cached by the browser for good (a photo never changes)",
    request: { params: photoParams },
    responses: { 200: { description: 'The image', content: photoBytes }, ...unauthenticated, 404: problem('NOT_FOUND: no such photo in this case, or the case is out of reach') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/cases/{id}/monitoring-reports',
    summary: 'A monthly monitoring report; below the program target it is red and needs an explanation',
    request: { params: idParam, body: { content: { 'application/json': { schema: monitoringReportRequestSchema } } } },
    responses: { 201: json(monitoringReportSchema), ...writeErrors, 409: problem('CONFLICT: a report for the period exists, or the case is on hold or ended') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/cases/{id}/monitoring-reports',
    summary: "The case's monitoring reports, newest first",
    request: { params: idParam },
    responses: { 200: json(page(monitoringReportSchema)), ...unauthenticated, 404: problem('NOT_FOUND') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/monitoring-reports',
    summary: 'Monitoring reports across cases (red=true: the red ones, for managers)',
    request: { query: monitoringReportListQuerySchema },
    responses: { 200: json(page(monitoringReportSchema)), ...unauthenticated, 422: problem('VALIDATION_FAILED') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/obligations',
    summary: 'Obligations with their windows and stored status',
    request: { query: obligationListQuerySchema },
    responses: { 200: json(page(obligationSchema)), ...unauthenticated, 422: problem('VALIDATION_FAILED') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/obligations/{id}/waive',
    summary: 'Waive an open obligation with a reason',
    request: { params: idParam, body: { content: { 'application/json': { schema: waiverRequestSchema } } } },
    responses: { 200: { description: 'WAIVED' }, ...writeErrors, 409: problem('CONFLICT: not open') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/me/worklist',
    summary: 'Due this week, overdue and escalated obligations of the signed-in user',
    responses: {
      200: json(z.object({ dueThisWeek: z.array(obligationSchema), overdue: z.array(obligationSchema), escalated: z.array(obligationSchema) })),
      ...unauthenticated,
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/me/inbox',
    summary: 'Escalations, red reports and unmended reconciler findings for the signed-in user, newest first (at most 200)',
    request: { query: inboxQuerySchema },
    responses: { 200: json(z.array(inboxItemSchema)), ...unauthenticated, 422: problem('VALIDATION_FAILED') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/me/inbox/unread-count',
    summary: 'How many of the signed-in user\'s inbox items are not opened yet (the navigation\'s badge)',
    responses: { 200: json(inboxUnreadCountSchema), ...unauthenticated },
  });
  const inboxItemParam = z.object({ id: inboxItemIdSchema });
  const inboxMark = (summary: string) => ({
    summary: `${summary}; the user's own view of their inbox (not audited), safe to repeat`,
    request: { params: inboxItemParam },
    responses: { 200: json(inboxItemStateSchema), ...unauthenticated, 404: problem('NOT_FOUND: no such item of the signed-in user') },
  });
  registry.registerPath({ method: 'post', path: '/api/me/inbox/{id}/read', ...inboxMark('Mark one of the signed-in user\'s inbox items read (the first instant is kept)') });
  registry.registerPath({ method: 'post', path: '/api/me/inbox/{id}/done', ...inboxMark('Mark one of the signed-in user\'s inbox items done (and read)') });
  registry.registerPath({ method: 'delete', path: '/api/me/inbox/{id}/done', ...inboxMark('Take the done mark back: the item is among those still to deal with again') });
  registry.registerPath({
    method: 'put',
    path: '/api/users/{id}/supervisor',
    summary: "Admins: whose escalations reach whom",
    request: { params: idParam, body: { content: { 'application/json': { schema: supervisorRequestSchema } } } },
    responses: { 200: { description: 'Set' }, ...writeErrors },
  });

  const fileExport = (summary: string, query: z.ZodObject) => ({
    summary,
    request: { query: query.extend({ format: z.enum(['csv', 'xlsx']).optional(), lang: z.enum(['id', 'en']).optional() }) },
    responses: {
      200: {
        description: 'The file (CSV in UTF-8 with BOM, or XLSX)',
        content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } },
      },
      ...unauthenticated,
      422: problem('VALIDATION_FAILED'),
    },
  });
  registry.registerPath({ method: 'get', path: '/api/cases/export', ...fileExport('The case list with the same filters, as CSV or XLSX', caseListQuerySchema) });
  registry.registerPath({ method: 'get', path: '/api/obligations/export', ...fileExport('The obligation list with the same filters, as CSV or XLSX', obligationListQuerySchema) });
  registry.registerPath({
    method: 'get',
    path: '/api/dashboard',
    summary: "The manager's figures (stalled cases in aging buckets, overdue work, adherence, ratings, budget, red reports, coverage)",
    request: { query: dashboardQuerySchema },
    responses: { 200: json(dashboardSchema), ...unauthenticated, 422: problem('VALIDATION_FAILED') },
  });
  registry.registerPath({ method: 'get', path: '/api/dashboard/settings', summary: 'The aging buckets of stalled cases', responses: { 200: json(dashboardSettingsSchema), ...unauthenticated } });
  registry.registerPath({
    method: 'put',
    path: '/api/dashboard/settings',
    summary: 'Admins: set the aging buckets of stalled cases',
    request: { body: { content: { 'application/json': { schema: dashboardSettingsSchema } } } },
    responses: { 200: json(dashboardSettingsSchema), ...unauthenticated, 403: problem('FORBIDDEN'), 422: problem('VALIDATION_FAILED') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/cases/{id}/timeline',
    summary: "The case's full timeline: transitions, evaluations, assignments, handovers, visits, reports, waivers, escalations (oldest first), and for admins the Temporal UI link",
    request: { params: caseId },
    responses: { 200: json(caseTimelineSchema), ...unauthenticated, 404: problem('NOT_FOUND') },
  });

  registry.registerPath({
    method: 'post',
    path: '/api/users',
    summary: 'Admins invite a colleague: the account without a password, and the email with a one-time link (72 hours) in the outbox',
    request: { body: { content: { 'application/json': { schema: userInviteSchema } } } },
    responses: { 201: { description: 'Invited' }, ...unauthenticated, 403: problem('FORBIDDEN'), 409: problem('CONFLICT: the email has an account'), 422: problem('VALIDATION_FAILED') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/invitations/accept',
    summary: "The invited colleague chooses a password with the link's token, once (at least 12 characters, not their email or name, not a common password)",
    request: { body: { content: { 'application/json': { schema: invitationAcceptSchema } } } },
    responses: { 204: { description: 'Password set' }, 404: problem('NOT_FOUND: used, expired or unknown link'), 422: problem('VALIDATION_FAILED: each password problem named') },
  });

  registry.registerPath({
    method: 'get',
    path: '/api/audit',
    summary: 'The append-only audit log, newest first (auditors and admins without limits of program or kecamatan): every change with its before and after, sign-ins, account changes, reads of personal data and exports, with who, when, why, request id and source address',
    request: { query: auditQuerySchema },
    responses: { 200: json(auditPage), ...unauthenticated, 403: problem('FORBIDDEN'), 422: problem('VALIDATION_FAILED') },
  });
  registry.registerPath({ method: 'get', path: '/api/audit/export', ...fileExport('The audit log with the same filters, as CSV or XLSX', auditQuerySchema) });
  registry.registerPath({
    method: 'get',
    path: '/api/cases/{id}/audit',
    summary: "One case's audit log (admins, managers and auditors who reach the case)",
    request: { params: caseId, query: auditQuerySchema.omit({ case: true }) },
    responses: { 200: json(auditPage), ...unauthenticated, 403: problem('FORBIDDEN'), 404: problem('NOT_FOUND'), 422: problem('VALIDATION_FAILED') },
  });
  registry.registerPath({ method: 'get', path: '/api/cases/{id}/audit/export', ...fileExport("One case's audit log, as CSV or XLSX", auditQuerySchema.omit({ case: true })) });

  registry.registerPath({
    method: 'get',
    path: '/api/users',
    summary: 'Who can be picked (assignments, supervisors): active people, names and roles only',
    responses: {
      200: json(z.array(z.object({ id: z.uuid(), name: z.string(), role: z.string(), supervisorId: z.uuid().nullable() }))),
      ...unauthenticated,
      403: problem('FORBIDDEN'),
    },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/mail/dead-letters',
    summary: 'Admins: mail the worker gave up on (dead letters), newest first, each with its attempts and last error',
    responses: { 200: json(deadLettersSchema), ...unauthenticated, 403: problem('FORBIDDEN') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/accounts',
    summary: 'Admins: the accounts they manage, with role, scope and state',
    responses: { 200: json(z.array(userAccountSchema)), ...unauthenticated, 403: problem('FORBIDDEN') },
  });
  registry.registerPath({
    method: 'patch',
    path: '/api/users/{id}',
    summary: "Admins: change a colleague's name, role or scope, or deactivate the account (its sessions end) or reactivate it",
    request: { params: idParam, body: { content: { 'application/json': { schema: userChangeSchema } } } },
    responses: { 200: json(userAccountSchema), ...writeErrors, 409: problem('CONFLICT: one\'s own role or deactivation') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/users/{id}/invitation',
    summary: 'Admins: a new invitation link for an account without a password (the old link stops working)',
    request: { params: idParam },
    responses: { 200: { description: 'Sent to the outbox' }, ...writeErrors, 409: problem('CONFLICT: the account has a password') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/password',
    summary: 'Change one\'s own password (the current one first); every other session ends',
    request: { body: { content: { 'application/json': { schema: passwordChangeSchema } } } },
    responses: { 204: { description: 'Changed' }, ...unauthenticated, 422: problem('VALIDATION_FAILED: a wrong current password, or each problem of the new one') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/auth/password-reset-request',
    summary: 'Ask for a password-reset link by email (2 hours, through the outbox); the same answer whether or not the account exists',
    request: { body: { content: { 'application/json': { schema: passwordResetRequestSchema } } } },
    responses: { 202: { description: 'Accepted' }, 422: problem('VALIDATION_FAILED') },
  });

  // One data: households, imports, activities, duplicates
  registry.registerPath({
    method: 'get',
    path: '/api/households',
    summary: 'Households of the one-data registry within reach (NIK and KK masked), by a name part or a whole NIK or KK',
    request: { query: householdListQuerySchema },
    responses: { 200: json(z.object({ items: z.array(householdSummarySchema), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() })), ...unauthenticated, 403: problem('FORBIDDEN'), 422: problem('VALIDATION_FAILED') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/households/{id}',
    summary: 'A household: members and everything they received. `unmask=true` shows NIK and KK whole (admins, officers, auditors; audited)',
    request: { params: idParam, query: z.object({ unmask: z.enum(['true', 'false']).optional() }) },
    responses: { 200: json(householdViewSchema), ...unauthenticated, 403: problem('FORBIDDEN'), 404: problem('NOT_FOUND') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/household-imports',
    summary: "Import a registry list: the CSV or XLSX file is the body. Checked whole first (a bad row refuses the file, with a report per row); written in one transaction; the same file again changes nothing",
    request: {
      query: z.object({ filename: z.string().optional() }),
      body: { content: { 'text/csv': { schema: z.string() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.string() } } },
    },
    responses: { 202: json(householdImportSchema, 'Started; poll GET /api/household-imports/{id}'), ...unauthenticated, 403: problem('FORBIDDEN'), 413: problem('Too large'), 422: problem('VALIDATION_FAILED') },
  });
  registry.registerPath({ method: 'get', path: '/api/household-imports', summary: 'Recent imports', responses: { 200: json(z.array(householdImportSchema)), ...unauthenticated, 403: problem('FORBIDDEN') } });
  registry.registerPath({
    method: 'get',
    path: '/api/household-imports/{id}',
    summary: "An import's progress and result (or its per-row report)",
    request: { params: idParam },
    responses: { 200: json(householdImportSchema), ...unauthenticated, 403: problem('FORBIDDEN'), 404: problem('NOT_FOUND') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/household-imports/{id}/cancel',
    summary: 'Cancel a running import: nothing of it is written and it ends CANCELLED (the answer waits up to 10 s for that; poll on if it still runs)',
    request: { params: idParam },
    responses: { 200: json(householdImportSchema), ...writeErrors, 404: problem('NOT_FOUND'), 409: problem('CONFLICT: the import has ended') },
  });
  registry.registerPath({ method: 'get', path: '/api/agencies', summary: 'Agencies (OPD) and partners', responses: { 200: json(z.array(z.object({ code: z.string(), name: z.string(), kind: z.string() }))), ...unauthenticated } });
  registry.registerPath({ method: 'get', path: '/api/cases/{id}/activities', summary: "A kampung's activities", request: { params: caseId }, responses: { 200: json(z.array(activitySchema)), ...unauthenticated, 403: problem('FORBIDDEN'), 404: problem('NOT_FOUND') } });
  registry.registerPath({
    method: 'post',
    path: '/api/cases/{id}/activities',
    summary: 'An agency or partner runs an activity for a kampung in implementation (agency staff: their own agency)',
    request: { params: caseId, body: { content: { 'application/json': { schema: activityRequestSchema } } } },
    responses: { 201: json(activitySchema), ...writeErrors, 409: problem('CONFLICT: the kampung is not in implementation') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/cases/{id}/residents',
    summary: "People of the kampung's kelurahan (masked), by a name part or a whole NIK, for enrolment",
    request: { params: caseId, query: z.object({ q: z.string().optional() }) },
    responses: { 200: json(z.array(personViewSchema)), ...unauthenticated, 403: problem('FORBIDDEN'), 404: problem('NOT_FOUND') },
  });
  const activityWrite = (path: string, method: 'post' | 'put', summary: string, schema: z.ZodType) =>
    registry.registerPath({
      method,
      path,
      summary,
      request: { params: idParam, body: { content: { 'application/json': { schema } } } },
      responses: { 200: json(activitySchema), ...writeErrors, 409: problem('CONFLICT') },
    });
  activityWrite('/api/activities/{id}/participants', 'post', 'Enrol people of the registry (each once, up to the quota)', enrolmentRequestSchema);
  activityWrite('/api/activities/{id}/attendance', 'put', "A session's attendance (participants only)", attendanceRequestSchema);
  activityWrite('/api/activities/{id}/outputs', 'post', "A participant's output (e.g. certified)", outputRequestSchema);
  registry.registerPath({
    method: 'get',
    path: '/api/duplicates',
    summary: 'The duplicate review queue (masked), by status',
    request: { query: z.object({ status: z.enum(['OPEN', 'MERGE_REQUESTED', 'MERGED', 'DISMISSED']).optional() }) },
    responses: { 200: { description: 'Candidate pairs, strongest first' }, ...unauthenticated, 403: problem('FORBIDDEN') },
  });
  registry.registerPath({ method: 'post', path: '/api/duplicates/run', summary: 'Look for duplicates now, on the worker (new pairs join the queue; no person changes); a second request while one runs joins it', responses: { 200: { description: 'How many people were compared and how many pairs were found and new' }, 202: { description: 'Still running after 2 minutes: it goes on; the queue shows its pairs' }, ...unauthenticated, 403: problem('FORBIDDEN') } });
  registry.registerPath({
    method: 'post',
    path: '/api/duplicates/{id}/decision',
    summary: 'Reviewers: propose a merge (naming the record that stays) or dismiss the pair',
    request: { params: idParam, body: { content: { 'application/json': { schema: duplicateDecisionSchema } } } },
    responses: { 200: { description: 'Decided' }, ...writeErrors, 409: problem('CONFLICT: not open') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/duplicates/{id}/approval',
    summary: 'Managers: approve a requested merge (both records kept; the merged one points to the one that stays)',
    request: { params: idParam },
    responses: { 200: { description: 'Merged' }, ...unauthenticated, 403: problem('FORBIDDEN'), 404: problem('NOT_FOUND'), 409: problem('CONFLICT: no merge requested') },
  });

  const worklistId = z.object({ id: z.uuid() });
  const worklistBody = { body: { content: { 'application/json': { schema: savedWorklistRequestSchema } } } };
  registry.registerPath({
    method: 'get',
    path: '/api/worklists',
    summary: "Named worklists: the user's own and those colleagues share",
    request: { query: z.object({ target: z.enum(WORKLIST_TARGETS).optional() }) },
    responses: { 200: json(z.array(savedWorklistSchema)), ...unauthenticated, 422: problem('VALIDATION_FAILED') },
  });
  registry.registerPath({
    method: 'post',
    path: '/api/worklists',
    summary: "Save a list's filters as a named worklist, private or shared",
    request: worklistBody,
    responses: { 201: json(savedWorklistSchema), ...unauthenticated, 409: problem('CONFLICT: the user already has a worklist of that name'), 422: problem('VALIDATION_FAILED') },
  });
  registry.registerPath({
    method: 'get',
    path: '/api/worklists/{id}',
    summary: 'One worklist (own or shared)',
    request: { params: worklistId },
    responses: { 200: json(savedWorklistSchema), ...unauthenticated, 404: problem('NOT_FOUND (also for a colleague\'s private worklist)') },
  });
  registry.registerPath({
    method: 'put',
    path: '/api/worklists/{id}',
    summary: 'The owner renames, shares or unshares, or changes the filters',
    request: { params: worklistId, ...worklistBody },
    responses: { 200: json(savedWorklistSchema), ...unauthenticated, 403: problem('FORBIDDEN: not the owner'), 404: problem('NOT_FOUND'), 409: problem('CONFLICT'), 422: problem('VALIDATION_FAILED') },
  });
  registry.registerPath({
    method: 'delete',
    path: '/api/worklists/{id}',
    summary: 'The owner deletes a worklist',
    request: { params: worklistId },
    responses: { 204: { description: 'Deleted' }, ...unauthenticated, 403: problem('FORBIDDEN: not the owner'), 404: problem('NOT_FOUND') },
  });

  registry.registerParameter('IdempotencyKey', idempotencyKeySchema.optional().openapi({ param: { name: IDEMPOTENCY_KEY_HEADER, in: 'header' } }));
  const document = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Kampung case platform API', version: '0.1.0' },
    security: [{ session: [] }],
  });
  return withUnavailable(withIdempotencyKeys(document));
}

type OpenApiDocument = ReturnType<OpenApiGeneratorV31['generateDocument']>;
const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;

/** Every write takes the optional Idempotency-Key header (the api applies it to all of them, see
 * http/idempotency.ts), so it is described once here rather than at each path. */
function withIdempotencyKeys(document: OpenApiDocument): OpenApiDocument {
  const replayed = {
    description: 'true when this answer repeats the first answer to the same Idempotency-Key',
    schema: { type: 'string', enum: ['true'] },
  } as const;
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!path.startsWith('/api/')) continue;
    for (const method of WRITE_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      operation.parameters = [...(operation.parameters ?? []), { $ref: '#/components/parameters/IdempotencyKey' }];
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        if (Number(status) < 500 && !('$ref' in response)) response.headers = { ...response.headers, [IDEMPOTENT_REPLAYED_HEADER]: replayed };
      }
      const also = (status: string, description: string) => {
        const response = operation.responses?.[status];
        if (response && !('$ref' in response)) response.description += `; ${description}`;
        else operation.responses = { ...operation.responses, [status]: { description, content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } } };
      };
      also('409', 'REQUEST_IN_PROGRESS: the first request with this Idempotency-Key still runs (Retry-After, seconds)');
      also('422', 'IDEMPOTENCY_KEY_REUSED: the Idempotency-Key was first used for another request; VALIDATION_FAILED: a malformed key');
    }
  }
  return document;
}

const HTTP_METHODS = ['get', ...WRITE_METHODS] as const;

/** Any call under /api may meet PostgreSQL or Temporal down or hung: it is answered within a few
 * seconds with 503 SERVICE_UNAVAILABLE naming the dependency, and a Retry-After header. Described
 * once here rather than at each path. */
function withUnavailable(document: OpenApiDocument): OpenApiDocument {
  const description = 'SERVICE_UNAVAILABLE: PostgreSQL or Temporal does not answer (named in `dependency`); try again after Retry-After seconds';
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    if (!path.startsWith('/api/')) continue;
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation || operation.responses?.['503']) continue;
      operation.responses = {
        ...operation.responses,
        503: {
          description,
          headers: { 'Retry-After': { description: 'Seconds to wait before asking again', schema: { type: 'integer' } } },
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        },
      };
    }
  }
  return document;
}
