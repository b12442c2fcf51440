import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity } from '../api/activities.api';
import { AttendanceForm } from './AttendanceForm';
import { EnrolForm } from './EnrolForm';
import { OutputForm } from './OutputForm';

type Mode = 'idle' | 'enrol' | 'attendance' | 'output';

/** For those who record: "Daftarkan peserta", "Catat presensi" and "Catat hasil", each opening its
 * form in place and confirming once saved. */
export function RecordActions({ activity, caseId }: { activity: Activity; caseId: string }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>('idle');
  const [done, setDone] = useState<string | null>(null);
  const close = (message?: string) => {
    setDone(message ?? null);
    setMode('idle');
  };
  const props = { activity, caseId, onCancel: () => close(), onDone: close };
  if (mode === 'enrol') return <EnrolForm {...props} />;
  if (mode === 'attendance') return <AttendanceForm {...props} />;
  if (mode === 'output') return <OutputForm {...props} />;
  const hasParticipants = activity.participants.length > 0;
  const open = (next: Mode) => {
    setDone(null);
    setMode(next);
  };
  return (
    <>
      {done && (
        <p className="alert alert--success" role="status" data-testid="activity-done">
          {done}
        </p>
      )}
      <div className="member-actions">
        <button type="button" className="button button--secondary" aria-expanded={false} onClick={() => open('enrol')}>
          {t('activities.enrol')}
        </button>
        {hasParticipants && (
          <button type="button" className="button button--secondary" aria-expanded={false} onClick={() => open('attendance')}>
            {t('activities.attendance')}
          </button>
        )}
        {hasParticipants && (
          <button type="button" className="button button--secondary" aria-expanded={false} onClick={() => open('output')}>
            {t('activities.output')}
          </button>
        )}
      </div>
    </>
  );
}

export interface RecordFormProps {
  activity: Activity;
  caseId: string;
  onCancel: () => void;
  /** Saved: closes the form with a confirmation. */
  onDone: (message: string) => void;
}
