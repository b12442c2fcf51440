import { caseTimelineRepository, casesRepository, type Db } from '@kampung/db';
import { caseReach, type CaseTimeline, type TimelineEvent } from '@kampung/domain';
import type { ApiConfig } from '../config';
import type { SessionUser } from '../auth/sessions.service';
import { AppError } from '../errors';
import { isUuid } from '../http/validate';

const actor = (id: string | null, name: string | null | undefined) => (id ? { id, name: name ?? '' } : null);
const iso = (d: Date) => d.toISOString();

/** The case's full story, oldest first: every transition (an evaluation's results as its own kind),
 * assignment, handover, visit, monitoring report, waiver and escalation with who, when and why.
 * Operators (admins) also get the link to the case's workflow in the Temporal UI. */
export async function caseTimeline(deps: { db: Db; config: ApiConfig }, caseId: string, user: SessionUser): Promise<CaseTimeline> {
  const row = isUuid(caseId) ? await casesRepository.findCaseDetail(deps.db, caseId, caseReach(user)) : undefined;
  if (!row) throw new AppError('NOT_FOUND', `No case with id ${caseId}`);
  const s = await caseTimelineRepository.caseTimelineSources(deps.db, caseId);
  const events: (TimelineEvent & { order: number })[] = [];
  const push = (e: TimelineEvent, order = 0) => events.push({ ...e, order });

  for (const t of s.transitions) {
    const rating = typeof t.data?.rating === 'string' ? t.data.rating : null;
    push(
      {
        at: iso(t.at),
        kind: rating ? 'EVALUATION' : 'TRANSITION',
        actor: actor(t.actor_id, t.actor_name),
        reason: t.reason,
        summary: { seq: t.seq, fromStage: t.from_stage, toStage: t.to_stage, ...(rating ? { rating } : {}) },
      },
      t.seq,
    );
  }
  for (const a of s.assignments) {
    const firstHolder = a.first_name ?? a.current_name;
    push({
      at: iso(a.started_at),
      kind: 'ASSIGNMENT',
      actor: actor(a.created_by, a.creator_name),
      reason: null,
      summary: { role: a.role, userName: firstHolder, lead: a.is_lead },
    });
    if (a.ended_at) {
      push({ at: iso(a.ended_at), kind: 'ASSIGNMENT_ENDED', actor: actor(a.ended_by, a.ender_name), reason: a.end_reason, summary: { role: a.role, userName: a.current_name, lead: a.is_lead } });
    }
  }
  for (const h of s.handovers) {
    push({
      at: iso(h.at),
      kind: 'HANDOVER',
      actor: actor(h.by_user_id, h.by_name),
      reason: h.reason,
      summary: { role: h.role, fromUser: h.from_name, toUser: h.to_name, movedObligations: h.moved_obligations },
    });
  }
  for (const v of s.visits) {
    push({
      at: iso(v.visited_at),
      kind: 'VISIT',
      actor: actor(v.visitor_id, v.visitor_name),
      reason: null,
      summary: { visitId: v.id, visitKind: v.kind, visitorName: v.visitor_name, attendees: v.attendees, notes: v.notes },
      evidence: { photoIds: v.photo_ids, located: Boolean(v.located) },
    });
  }
  for (const r of s.reports) {
    push({
      at: iso(r.submitted_at),
      kind: 'MONITORING_REPORT',
      actor: actor(r.submitted_by, r.submitter_name),
      reason: r.explanation,
      summary: { period: r.period, progressPercent: Number(r.progress_percent), targetPercent: Number(r.target_percent), red: r.red },
    });
  }
  for (const w of s.waivers) {
    push({
      at: iso(w.status_changed_at),
      kind: 'OBLIGATION_WAIVED',
      actor: actor(w.waived_by, w.waiver_name),
      reason: w.waived_reason,
      summary: { obligationKind: w.kind, dueAt: iso(w.due_at), periodLabel: w.period_label, stage: w.stage },
    });
  }
  for (const e of s.escalations) {
    push({
      at: iso(new Date(e.at as unknown as string | Date)),
      kind: 'OBLIGATION_ESCALATED',
      actor: null,
      reason: null,
      summary: { obligationKind: e.kind, dueAt: iso(e.due_at), periodLabel: e.period_label, stage: e.stage },
    });
  }
  // Oldest first; transitions of the same instant keep their order.
  events.sort((a, b) => a.at.localeCompare(b.at) || a.order - b.order);
  return {
    caseId,
    workflowId: row.workflow_id,
    temporalUiUrl: user.role === 'ADMIN' ? temporalUiUrl(deps.config, row.workflow_id) : null,
    events: events.map(({ order: _order, ...e }) => e),
  };
}

function temporalUiUrl(config: ApiConfig, workflowId: string): string | null {
  if (!config.TEMPORAL_UI_URL) return null;
  const base = config.TEMPORAL_UI_URL.replace(/\/+$/, '');
  return `${base}/namespaces/${encodeURIComponent(config.TEMPORAL_NAMESPACE)}/workflows/${encodeURIComponent(workflowId)}`;
}
