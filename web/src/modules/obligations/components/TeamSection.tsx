import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { FoldedSection } from '../../../ui/FoldedSection';
import { Loading } from '../../../ui/Loading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { obligationQueries } from '../api/obligations.queries';
import { AssignForm } from './AssignForm';
import { EndAssignmentButton } from './EndAssignmentButton';
import { HandoverButton } from './HandoverButton';
import { HandoverHistory } from './HandoverHistory';
import { LogVisitButton } from './LogVisitButton';

/** "Tim pendamping": who works on the case and who held each position before (handovers), and for
 * writers assigning someone, logging their visits (not while the case is on hold: the server refuses
 * them) and handing a position over. Folded on a phone, with the number of its members. */
export function TeamSection({ caseId, canWrite, onHold = false }: { caseId: string; canWrite: boolean; onHold?: boolean }) {
  const { t, i18n } = useTranslation();
  const query = useQuery(obligationQueries.assignments(caseId));
  const assignments = query.data ?? [];
  return (
    <FoldedSection heading={t('team.heading')} count={query.data && assignments.filter((a) => !a.endedAt).length}>
      {query.isPending && <Loading />}
      <ProblemAlert error={query.error} />
      {query.data && assignments.length === 0 && <p className="muted">{t('team.empty')}</p>}
      {assignments.length > 0 && (
        <ul className="item-list">
          {assignments.map((a) => (
            <li key={a.id} className="item-list__item" data-testid="team-member">
              <p className="item-list__title">
                <strong>{a.user.name}</strong> · {t(`roles.${a.role}`)}{' '}
                <span className={a.lead ? 'badge badge--active' : 'badge badge--ended'}>{a.lead ? t('team.lead') : t('team.backup')}</span>
              </p>
              <p className="item-list__meta">
                {a.endedAt
                  ? t('team.period', { from: formatDate(a.startedAt, i18n.language), to: formatDate(a.endedAt, i18n.language) })
                  : t('team.since', { date: formatDate(a.startedAt, i18n.language) })}
              </p>
              {a.endedAt && a.endReason && <p className="item-list__meta">{t('endAssignment.reasonShown', { reason: a.endReason })}</p>}
              <HandoverHistory handovers={a.handovers} />
              {canWrite && !a.endedAt && (
                <div className="member-actions">
                  {!onHold && <LogVisitButton caseId={caseId} assignmentId={a.id} label={t('visit.logFor', { name: a.user.name })} />}
                  <HandoverButton assignment={a} />
                  <EndAssignmentButton assignment={a} />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {canWrite && onHold && <p className="muted">{t('team.onHold')}</p>}
      {canWrite && <AssignForm caseId={caseId} />}
    </FoldedSection>
  );
}
