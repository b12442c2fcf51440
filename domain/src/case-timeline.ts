import { z } from './zod';
import { actorSchema } from './case-views';
import { visitEvidenceSchema } from './visit-evidence';

/** Everything that happened to a case, oldest first, with who, when and why. */
export const TIMELINE_EVENT_KINDS = [
  'TRANSITION',
  'EVALUATION',
  'ASSIGNMENT',
  'ASSIGNMENT_ENDED',
  'HANDOVER',
  'VISIT',
  'MONITORING_REPORT',
  'OBLIGATION_WAIVED',
  'OBLIGATION_ESCALATED',
] as const;
export type TimelineEventKind = (typeof TIMELINE_EVENT_KINDS)[number];

export const timelineEventSchema = z
  .object({
    at: z.iso.datetime(),
    kind: z.enum(TIMELINE_EVENT_KINDS),
    actor: actorSchema.nullable().describe('Who did it; null for what the system did (an escalation)'),
    reason: z.string().nullable().describe('Why: the transition reason, the handover reason, the waiver reason, a red report\'s explanation'),
    summary: z
      .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))
      .describe('What: the facts of the event by kind (fromStage/toStage, role, fromUser/toUser, visitId/visitKind, period, progressPercent, red, obligationKind, rating, …)'),
    evidence: visitEvidenceSchema.optional().describe('VISIT: its photos and whether its location was recorded'),
  })
  .openapi('TimelineEvent');
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const caseTimelineSchema = z
  .object({
    caseId: z.uuid(),
    workflowId: z.string(),
    temporalUiUrl: z.string().nullable().describe('The case workflow in the Temporal UI, for operators (admins); null when no UI is configured or the user is not an operator'),
    events: z.array(timelineEventSchema),
  })
  .openapi('CaseTimeline');
export type CaseTimeline = z.infer<typeof caseTimelineSchema>;
