import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/hooks/useAuth';
import { obligationQueries } from '../api/obligations.queries';
import { ownAssignment } from '../own-assignment';
import { LogVisitButton } from './LogVisitButton';

/** "Kunjungan Anda" near the top of the case page, for a mentor or architect on the case's team:
 * "Catat kunjungan" opens the visit form of their own assignment (kept on the device with no
 * signal, like the worklist's card). On a held case it says that visits wait for the resume, as
 * the server would refuse them. Shown to no one else: staff log a member's visit from the team. */
export function CaseVisitAction({ caseId, onHold }: { caseId: string; onHold: boolean }) {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery(obligationQueries.assignments(caseId));
  const assignment = query.data && ownAssignment(query.data, me.id);
  if (!assignment) return null;
  return (
    <section className="card case-visit" aria-labelledby="case-visit-heading" data-testid="case-visit">
      <h2 id="case-visit-heading">{t('caseVisit.heading')}</h2>
      {onHold ? (
        <p className="alert alert--info" data-testid="visit-on-hold">
          {t('caseVisit.onHold')}
        </p>
      ) : (
        <LogVisitButton caseId={caseId} assignmentId={assignment.id} />
      )}
    </section>
  );
}
