import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { isQueued } from '../../offline/offline-writes';
import { useRecordAttendance } from '../hooks/useActivityMutations';
import type { RecordFormProps } from './RecordActions';

/** "Catat presensi": for one session, a checkbox per participant (ticked: present, as recorded so
 * far); saving records every participant, present or not. It starts at the first session without
 * anyone present. */
export function AttendanceForm({ activity, caseId, onCancel, onDone }: RecordFormProps) {
  const { t, i18n } = useTranslation();
  const prefix = useId();
  const firstOpen = activity.sessions.find((s) => s.present === 0) ?? activity.sessions[0];
  const [sessionId, setSessionId] = useState(firstOpen?.id ?? '');
  const recorded = (id: string) => activity.sessions.find((s) => s.id === id)?.presentIds ?? [];
  const [present, setPresent] = useState<string[]>(() => recorded(firstOpen?.id ?? ''));
  const mutation = useRecordAttendance(caseId, activity.id);
  const session = activity.sessions.find((s) => s.id === sessionId);
  const sessionLabel = (s: (typeof activity.sessions)[number]) => t('activities.sessionOption', { seq: s.seq, date: formatDate(s.date, i18n.language), topic: s.topic });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!session) return;
    mutation.mutate(
      { sessionId, records: activity.participants.map((p) => ({ personId: p.id, present: present.includes(p.id) })) },
      {
        onSuccess: (result) =>
          onDone(isQueued(result) ? t('offline.savedOnDevice') : t('activities.attendanceSaved', { session: sessionLabel(session), count: present.length })),
      },
    );
  }

  const id = (name: string) => `${prefix}-${name}`;
  return (
    <form className="form inline-form" onSubmit={submit} noValidate aria-label={t('activities.attendanceHeading')}>
      <h4>{t('activities.attendanceHeading')}</h4>
      <ProblemAlert error={mutation.error} />
      <Field id={id('session')} label={t('activities.fields.session')} required>
        {(control) => (
          <select
            {...control}
            value={sessionId}
            onChange={(e) => {
              setSessionId(e.target.value);
              setPresent(recorded(e.target.value));
              mutation.reset();
            }}
          >
            {activity.sessions.map((s) => (
              <option key={s.id} value={s.id}>
                {sessionLabel(s)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <fieldset className="fieldset">
        <legend>{t('activities.presentLegend')}</legend>
        {activity.participants.map((p) => (
          <label key={p.id} className="checkbox checkbox--plain" htmlFor={id(`present-${p.id}`)}>
            <input
              id={id(`present-${p.id}`)}
              type="checkbox"
              checked={present.includes(p.id)}
              onChange={(e) => setPresent((list) => (e.target.checked ? [...list, p.id] : list.filter((x) => x !== p.id)))}
            />
            {p.name}
          </label>
        ))}
      </fieldset>
      <FormActions pending={mutation.isPending} submitLabel={t('activities.saveAttendance')} pendingLabel={t('users.saving')} cancel={{ label: t('case.cancel'), onClick: onCancel }} />
    </form>
  );
}
