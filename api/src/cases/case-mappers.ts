import type { CaseDetail, CaseListItem, CaseSummary, HistoryEntry, KampungProfile, Stage } from '@kampung/domain';
import type { casesRepository } from '@kampung/db';

type SummaryRow = NonNullable<Awaited<ReturnType<typeof casesRepository.findCaseSummary>>>;
type DetailRow = NonNullable<Awaited<ReturnType<typeof casesRepository.findCaseDetail>>>;
type HistoryRow = Awaited<ReturnType<typeof casesRepository.listHistory>>[number];
type ListRow = Awaited<ReturnType<typeof casesRepository.listCases>>['items'][number];

/** Rows are mapped to API shapes explicitly; no database row goes over the wire. */
export function caseRowToSummary(row: SummaryRow): CaseSummary {
  return {
    id: row.id,
    workflowId: row.workflow_id,
    name: row.name,
    theme: row.theme,
    programCode: row.program_code as CaseSummary['programCode'],
    kelurahanCode: row.kelurahan_code,
    kelurahanName: row.kelurahan_name,
    kecamatanCode: row.kecamatan_code,
    kecamatanName: row.kecamatan_name,
    rw: row.rw,
    stage: row.stage as Stage,
    resumeStage: (row.resume_stage as Stage | null) ?? null,
    stageEnteredAt: row.stage_entered_at.toISOString(),
    createdAt: row.created_at.toISOString(),
  };
}

/** A row of the case list: the case, how long it is stalled, its overdue obligations, its mentors. */
export function caseRowToListItem(row: ListRow): CaseListItem {
  return {
    ...caseRowToSummary(row),
    stalledDays: row.stalled_days,
    overdueObligations: Number(row.overdue_obligations),
    mentors: row.mentors.map((m) => ({ id: m.id, name: m.name })),
  };
}

export function historyRowToEntry(row: HistoryRow): HistoryEntry {
  return {
    seq: row.seq,
    from: (row.from_stage as Stage | null) ?? null,
    to: row.to_stage as Stage,
    at: row.at.toISOString(),
    actor: { id: row.actor_id, name: row.actor_name ?? 'sistem' },
    reason: row.reason,
    data: (row.data as Record<string, unknown> | null) ?? null,
  };
}

export function caseRowToDetail(
  row: DetailRow,
  history: HistoryRow[],
  allowedTransitions: Stage[],
): CaseDetail {
  return {
    ...caseRowToSummary(row),
    profile: row.profile as KampungProfile,
    proposer: row.proposer as CaseDetail['proposer'],
    allowedTransitions,
    history: history.map(historyRowToEntry),
  };
}
