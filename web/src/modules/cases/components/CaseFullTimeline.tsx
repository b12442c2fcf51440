import type { TimelineEvent } from '@kampung/domain/case-timeline';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTimeWib } from '../../../lib/format';
import { FoldedSection } from '../../../ui/FoldedSection';
import { DataList } from '../../../ui/DataList';
import { Loading } from '../../../ui/Loading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { VisitEvidenceView } from '../../photos/components/VisitEvidence';
import { caseQueries } from '../api/cases.queries';
import { describeEvent, newestFirst } from '../timeline-text';

/** Shown at first; a long-running case has years of visits. */
const FIRST_SHOWN = 30;

/** "Riwayat lengkap": every transition, evaluation, assignment, handover, visit (with its photos and
 * whether its location was recorded), report, waiver and escalation of the case, newest first, with
 * when (WIB), who and why; for operators a link to the case's workflow in the Temporal UI. Folded on
 * a phone, with the number of its events. */
export function CaseFullTimeline({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const query = useQuery(caseQueries.timeline(caseId));
  // What each move carried (the decree, the budget, the survey's findings), from the case's history.
  const moveData = new Map((useQuery(caseQueries.detail(caseId)).data?.history ?? []).map((entry) => [entry.seq, entry.data]));
  const [showAll, setShowAll] = useState(false);
  const events = newestFirst(query.data?.events ?? []);
  const shown = showAll ? events : events.slice(0, FIRST_SHOWN);
  const temporalUiUrl = query.data?.temporalUiUrl;
  return (
    <FoldedSection heading={t('timeline.heading')} count={query.data && events.length} testId="full-timeline">
      {temporalUiUrl && (
        <p>
          <a href={temporalUiUrl} target="_blank" rel="noopener noreferrer" data-testid="temporal-ui-link">
            {t('timeline.temporalUi')}
            <span className="visually-hidden"> {t('timeline.newTab')}</span>
          </a>
        </p>
      )}
      <p className="muted">{t('timeline.hint')}</p>
      <ProblemAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && events.length === 0 && <p className="muted">{t('timeline.empty')}</p>}
      {shown.length > 0 && (
        <ol className="timeline timeline--full">
          {shown.map((event, index) => (
            <EventEntry
              key={`${event.at}-${event.kind}-${index}`}
              caseId={caseId}
              event={event}
              data={isMove(event) ? moveData.get(Number(event.summary.seq)) : null}
            />
          ))}
        </ol>
      )}
      {events.length > shown.length && (
        <button type="button" className="button button--secondary" onClick={() => setShowAll(true)}>
          {t('timeline.showAll', { n: events.length })}
        </button>
      )}
    </FoldedSection>
  );
}

const isMove = (event: TimelineEvent) => event.kind === 'TRANSITION' || event.kind === 'EVALUATION';

function EventEntry({ caseId, event, data }: { caseId: string; event: TimelineEvent; data?: Record<string, unknown> | null }) {
  const { t, i18n } = useTranslation();
  const { title, details, red } = describeEvent(event, t, i18n.language);
  const reasonLabel = event.kind === 'MONITORING_REPORT' ? t('fields.explanation') : t('case.reason');
  return (
    <li className="timeline__entry" data-testid="full-timeline-event" data-kind={event.kind}>
      <p className="timeline__move">
        <span className="badge badge--ended">{t(`timeline.kinds.${event.kind}`)}</span> {title}
        {red && (
          <>
            {' '}
            <span className="badge badge--danger">{t('monitoring.red')}</span>
          </>
        )}
      </p>
      <p className="timeline__meta">
        <time dateTime={event.at}>{formatDateTimeWib(event.at, i18n.language)}</time> ·{' '}
        <span data-testid="event-actor">{event.actor ? t('case.by', { name: event.actor.name }) : t('timeline.system')}</span>
      </p>
      {details.length > 0 && <p className="timeline__details">{details.join(' · ')}</p>}
      {data && <DataList data={data} />}
      {event.evidence && <VisitEvidenceView caseId={caseId} evidence={event.evidence} />}
      {event.reason && (
        <p className="timeline__reason" data-testid="event-reason">
          <strong>{reasonLabel}:</strong> {event.reason}
        </p>
      )}
    </li>
  );
}
