import { VISIT_KINDS } from '@kampung/domain/obligation';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/http';
import { fieldErrorsFromProblem, type FieldErrors } from '../../../lib/validation';
import { Field } from '../../../ui/Field';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { isQueued } from '../../offline/offline-writes';
import { LocationCapture } from '../../photos/components/LocationCapture';
import { VisitPhotoPicker } from '../../photos/components/VisitPhotoPicker';
import { usePickedPhotos } from '../../photos/hooks/usePickedPhotos';
import type { LocationState } from '../../photos/location';
import { useLogVisit } from '../hooks/useObligationMutations';
import { FormActions } from '../../../ui/FormActions';

type VisitKind = (typeof VISIT_KINDS)[number];

/** Now, as the value of a `datetime-local` input (local time, to the minute). */
function localNow(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

const FIELD_PATHS = ['visitedOn', 'kind', 'notes', 'attendees', 'followUps', 'photoIds'];

interface VisitFormProps {
  caseId: string;
  assignmentId: string;
  /** Saved: by the server, or (`onDevice`) kept on the device until there is a signal. */
  onDone: (saved: { onDevice: boolean }) => void;
  onCancel: () => void;
}

/** Records a visit of one assignment, with its photos and (when the person allows it) where the
 * phone was; the server fulfils the matching obligation. */
export function VisitForm({ caseId, assignmentId, onDone, onCancel }: VisitFormProps) {
  const { t } = useTranslation();
  const prefix = useId();
  const [visitedOn, setVisitedOn] = useState(localNow);
  const [kind, setKind] = useState<VisitKind>('MENTORING');
  const [notes, setNotes] = useState('');
  const [attendees, setAttendees] = useState('0');
  const [followUps, setFollowUps] = useState('');
  const photos = usePickedPhotos();
  const [location, setLocation] = useState<LocationState>({ state: 'off' });
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const mutation = useLogVisit(caseId);
  const problem = mutation.error instanceof ApiError ? mutation.error.problem : undefined;
  const errors = clientErrors ?? fieldErrorsFromProblem(problem?.errors);

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    const when = new Date(visitedOn);
    if (!visitedOn || Number.isNaN(when.getTime())) found.visitedOn = t('validation.date');
    if (!notes.trim()) found.notes = t('validation.required');
    const count = Number(attendees || '0');
    if (!Number.isInteger(count) || count < 0) found.attendees = t('validation.min', { minimum: 0 });
    if (photos.shrinking) found.photoIds = t('photos.stillShrinking');
    if (Object.keys(found).length > 0) {
      mutation.reset();
      setClientErrors(found);
      return;
    }
    setClientErrors(null);
    mutation.mutate(
      {
        assignmentId,
        visitedOn: when.toISOString(),
        kind,
        notes: notes.trim(),
        attendees: count,
        followUps: followUps
          .split('\n')
          .map((line) => line.trim())
          .filter(Boolean),
        photos: photos.ready,
        // Only a position the phone gave; a visit is never held back for one.
        ...(location.state === 'captured' ? { location: location.location } : {}),
      },
      { onSuccess: (result) => onDone({ onDevice: isQueued(result) }) },
    );
  }

  const id = (name: string) => `${prefix}-${name}`;
  return (
    <form className="form visit-form" onSubmit={submit} noValidate aria-label={t('visit.heading')}>
      <h3>{t('visit.heading')}</h3>
      {clientErrors && (
        <p className="alert alert--error" role="alert">
          {t('validation.fixFields')}
        </p>
      )}
      <ProblemAlert error={mutation.error} fieldPaths={FIELD_PATHS} />
      <Field id={id('visitedOn')} label={t('fields.visitedOn')} required error={errors.visitedOn}>
        {(control) => <input {...control} type="datetime-local" value={visitedOn} onChange={(e) => setVisitedOn(e.target.value)} />}
      </Field>
      <Field id={id('kind')} label={t('fields.visitKind')} required error={errors.kind}>
        {(control) => (
          <select {...control} value={kind} onChange={(e) => setKind(e.target.value as VisitKind)}>
            {VISIT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`visitKinds.${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={id('notes')} label={t('fields.notes')} required error={errors.notes}>
        {(control) => <textarea {...control} rows={4} value={notes} onChange={(e) => setNotes(e.target.value)} />}
      </Field>
      <Field id={id('attendees')} label={t('fields.attendees')} error={errors.attendees}>
        {(control) => (
          <input {...control} type="number" inputMode="numeric" min={0} step={1} value={attendees} onChange={(e) => setAttendees(e.target.value)} />
        )}
      </Field>
      <Field id={id('followUps')} label={t('fields.followUps')} hint={t('proposal.onePerLine')} error={errors.followUps}>
        {(control) => <textarea {...control} rows={3} value={followUps} onChange={(e) => setFollowUps(e.target.value)} />}
      </Field>
      <VisitPhotoPicker photos={photos} error={errors.photoIds} />
      <LocationCapture value={location} onChange={setLocation} />
      <FormActions pending={mutation.isPending} submitLabel={t('visit.save')} pendingLabel={t('visit.saving')} cancel={{ label: t('case.cancel'), onClick: onCancel }} />
    </form>
  );
}
