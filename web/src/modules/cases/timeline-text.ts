import type { TimelineEvent } from '@kampung/domain/case-timeline';
import type { TFunction } from 'i18next';
import { formatDate, formatNumber, formatPeriod } from '../../lib/format';

/** An event of the case's full timeline in words: what happened (title) and its particulars. */
export interface EventText {
  title: string;
  details: string[];
  /** A red monitoring report (below the target). */
  red: boolean;
}

/** Newest first: what happened last is what a reader of a long-running case looks for. Events of
 * the same instant keep the API's order, reversed (it lists them in the order they happened). */
export function newestFirst(events: readonly TimelineEvent[]): TimelineEvent[] {
  return [...events].reverse().sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
}

/** The title and particulars of an event, from its kind and summary (the keys the API documents). */
export function describeEvent(event: TimelineEvent, t: TFunction, language: string): EventText {
  const s = event.summary;
  const text = (key: string) => (s[key] === null || s[key] === undefined ? '' : String(s[key]));
  const stage = (key: string) => (text(key) ? t(`stages.${text(key)}`, { defaultValue: text(key) }) : '');
  const role = () => t(`roles.${text('role')}`, { defaultValue: text('role') });
  const number = (key: string) => formatNumber(Number(s[key] ?? 0), language);
  const details: string[] = [];
  switch (event.kind) {
    case 'TRANSITION':
    case 'EVALUATION': {
      const title = text('fromStage')
        ? t(`timeline.${event.kind === 'EVALUATION' ? 'evaluation' : 'transition'}`, { from: stage('fromStage'), to: stage('toStage') })
        : t('case.created', { stage: stage('toStage') });
      if (text('rating')) details.push(t('timeline.rating', { rating: t(`enums.rating.${text('rating')}`, { defaultValue: text('rating') }) }));
      return { title, details, red: false };
    }
    case 'ASSIGNMENT':
    case 'ASSIGNMENT_ENDED': {
      const key = event.kind === 'ASSIGNMENT' ? 'timeline.assignment' : 'timeline.assignmentEnded';
      details.push(s.lead === true ? t('team.lead') : t('team.backup'));
      return { title: t(key, { name: text('userName'), role: role() }), details, red: false };
    }
    case 'HANDOVER': {
      const moved = Number(s.movedObligations ?? 0);
      details.push(t('handover.moved', { count: moved }));
      return { title: t('timeline.handover', { role: role(), from: text('fromUser'), to: text('toUser') }), details, red: false };
    }
    case 'VISIT': {
      const kind = t(`visitKinds.${text('visitKind')}`, { defaultValue: text('visitKind') });
      if (s.attendees !== undefined && s.attendees !== null) details.push(t('timeline.attendees', { count: Number(s.attendees), n: number('attendees') }));
      if (text('notes')) details.push(t('timeline.notes', { notes: text('notes') }));
      return { title: t('timeline.visit', { kind, name: text('visitorName') }), details, red: false };
    }
    case 'MONITORING_REPORT': {
      const red = s.red === true;
      details.push(t('monitoring.progressOfTarget', { progress: number('progressPercent'), target: number('targetPercent') }));
      return { title: t('timeline.report', { period: formatPeriod(text('period'), language) }), details, red };
    }
    case 'OBLIGATION_WAIVED':
    case 'OBLIGATION_ESCALATED': {
      const kind = t(`obligationKinds.${text('obligationKind')}`, { defaultValue: text('obligationKind') });
      const key = event.kind === 'OBLIGATION_WAIVED' ? 'timeline.waived' : 'timeline.escalated';
      if (text('dueAt')) details.push(t('worklist.dueOn', { date: formatDate(text('dueAt'), language) }));
      if (text('periodLabel')) details.push(t('timeline.period', { period: formatPeriod(text('periodLabel'), language) }));
      if (text('stage')) details.push(t('obligations.stage', { stage: stage('stage') }));
      return { title: t(key, { kind }), details, red: false };
    }
    default:
      return { title: String(event.kind), details, red: false };
  }
}
