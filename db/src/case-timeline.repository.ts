import { sql } from 'kysely';
import type { Db } from './connection';

/** Everything recorded about one case, by source; the service merges them into one timeline. */
export async function caseTimelineSources(db: Db, caseId: string) {
  const [transitions, assignments, handovers, visits, reports, waivers, escalations] = await Promise.all([
    db
      .selectFrom('stage_history')
      .leftJoin('users', 'users.id', 'stage_history.actor_id')
      .select(['stage_history.seq', 'stage_history.from_stage', 'stage_history.to_stage', 'stage_history.at', 'stage_history.actor_id', 'users.name as actor_name', 'stage_history.reason', 'stage_history.data'])
      .where('stage_history.case_id', '=', caseId)
      .execute(),
    db
      .selectFrom('assignments')
      .innerJoin('users as current', 'current.id', 'assignments.user_id')
      .leftJoin('users as creator', 'creator.id', 'assignments.created_by')
      .leftJoin('users as ender', 'ender.id', 'assignments.ended_by')
      // Whoever held the position first: the first handover's giver, or the current holder.
      .select((eb) => [
        'assignments.id',
        'assignments.role',
        'assignments.is_lead',
        'assignments.started_at',
        'assignments.ended_at',
        'assignments.end_reason',
        'assignments.ended_by',
        'ender.name as ender_name',
        'assignments.created_by',
        'creator.name as creator_name',
        'current.name as current_name',
        eb
          .selectFrom('assignment_handovers as h')
          .innerJoin('users as f', 'f.id', 'h.from_user_id')
          .select('f.name')
          .whereRef('h.assignment_id', '=', 'assignments.id')
          .orderBy('h.at')
          .limit(1)
          .as('first_name'),
      ])
      .where('assignments.case_id', '=', caseId)
      .execute(),
    db
      .selectFrom('assignment_handovers as h')
      .innerJoin('assignments', 'assignments.id', 'h.assignment_id')
      .innerJoin('users as f', 'f.id', 'h.from_user_id')
      .innerJoin('users as t', 't.id', 'h.to_user_id')
      .leftJoin('users as b', 'b.id', 'h.by_user_id')
      .select(['h.at', 'h.reason', 'h.moved_obligations', 'h.by_user_id', 'b.name as by_name', 'f.name as from_name', 't.name as to_name', 'assignments.role'])
      .where('assignments.case_id', '=', caseId)
      .execute(),
    db
      .selectFrom('visits')
      .innerJoin('users', 'users.id', 'visits.visitor_id')
      .select(['visits.id', 'visits.visited_at', 'visits.kind', 'visits.notes', 'visits.attendees', 'visits.visitor_id', 'users.name as visitor_name'])
      // Its evidence: the photos it took (in upload order) and whether the phone's location came with it.
      .select((eb) => [
        sql<string[]>`array(select p.id::text from visit_photos p where p.visit_id = visits.id order by p.created_at, p.id)`.as('photo_ids'),
        eb('visits.latitude', 'is not', null).as('located'),
      ])
      .where('visits.case_id', '=', caseId)
      .execute(),
    db
      .selectFrom('monitoring_reports')
      .leftJoin('users', 'users.id', 'monitoring_reports.submitted_by')
      .select([
        'monitoring_reports.submitted_at',
        'monitoring_reports.period',
        'monitoring_reports.progress_percent',
        'monitoring_reports.target_percent',
        'monitoring_reports.red',
        'monitoring_reports.explanation',
        'monitoring_reports.submitted_by',
        'users.name as submitter_name',
      ])
      .where('monitoring_reports.case_id', '=', caseId)
      .execute(),
    db
      .selectFrom('obligations')
      .leftJoin('users', 'users.id', 'obligations.waived_by')
      .select(['obligations.status_changed_at', 'obligations.kind', 'obligations.due_at', 'obligations.period_label', 'obligations.stage', 'obligations.waived_reason', 'obligations.waived_by', 'users.name as waiver_name'])
      .where('obligations.case_id', '=', caseId)
      .where('obligations.status', '=', 'WAIVED')
      .execute(),
    // An escalation is recorded once per recipient; the first record is when it happened.
    db
      .selectFrom('inbox_items')
      .innerJoin('obligations', 'obligations.id', 'inbox_items.obligation_id')
      .select((eb) => [eb.fn.min('inbox_items.created_at').as('at'), 'obligations.kind', 'obligations.due_at', 'obligations.period_label', 'obligations.stage'])
      .where('obligations.case_id', '=', caseId)
      .where('inbox_items.kind', '=', 'ESCALATION')
      .groupBy(['obligations.id', 'obligations.kind', 'obligations.due_at', 'obligations.period_label', 'obligations.stage'])
      .execute(),
  ]);
  return { transitions, assignments, handovers, visits, reports, waivers, escalations };
}
