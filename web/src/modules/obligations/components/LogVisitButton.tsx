import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth/hooks/useAuth';
import { Confirmation } from '../../../ui/Confirmation';
import { Loading } from '../../../ui/Loading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { obligationQueries } from '../api/obligations.queries';
import { ownAssignment } from '../own-assignment';
import { VisitForm } from './VisitForm';

interface LogVisitButtonProps {
  caseId: string;
  /** The assignment the visit belongs to; without it, the signed-in user's active assignment on the case. */
  assignmentId?: string;
  label?: string;
  /** Called once the visit is saved (the worklist confirms it, as this card may then leave the list). */
  onLogged?: () => void;
}

/** "Catat kunjungan": a button that opens the visit form in place, and confirms once saved (in view,
 * announced: the form that was sent has closed, and on a phone the page may have moved). */
export function LogVisitButton({ caseId, assignmentId, label, onLogged }: LogVisitButtonProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<'server' | 'device' | null>(null);
  const done = ({ onDevice }: { onDevice: boolean }) => {
    setOpen(false);
    setSaved(onDevice ? 'device' : 'server');
    // Kept on the device, the visit is not the server's yet: the worklist's card stays as it is.
    if (!onDevice) onLogged?.();
  };
  return (
    <div className="log-visit">
      {saved && !open && (
        <Confirmation key={saved} tone={saved === 'device' ? 'warning' : 'success'} testId={saved === 'device' ? 'saved-on-device' : 'visit-saved'}>
          {saved === 'device' ? t('offline.savedOnDevice') : t('visit.saved')}
        </Confirmation>
      )}
      {!open && (
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={false}
          onClick={() => {
            setSaved(null);
            setOpen(true);
          }}
        >
          {label ?? t('visit.log')}
        </button>
      )}
      {open &&
        (assignmentId ? (
          <VisitForm caseId={caseId} assignmentId={assignmentId} onCancel={() => setOpen(false)} onDone={done} />
        ) : (
          <MyAssignmentVisitForm caseId={caseId} onCancel={() => setOpen(false)} onDone={done} />
        ))}
    </div>
  );
}

function MyAssignmentVisitForm({ caseId, onDone, onCancel }: { caseId: string; onDone: (saved: { onDevice: boolean }) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery(obligationQueries.assignments(caseId));
  if (query.isPending) return <Loading />;
  if (query.error) return <ProblemAlert error={query.error} />;
  const assignment = ownAssignment(query.data, me.id);
  if (!assignment) {
    return (
      <div className="form">
        <p className="alert alert--error" role="alert">
          {t('visit.notAssigned')}
        </p>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('case.cancel')}
        </button>
      </div>
    );
  }
  return <VisitForm caseId={caseId} assignmentId={assignment.id} onDone={onDone} onCancel={onCancel} />;
}
