import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatNumber } from '../../../lib/format';
import { Loading } from '../../../ui/Loading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { QualityBadge } from '../../households/components/QualityBadge';
import { activityQueries } from '../api/activities.queries';
import { useEnrol } from '../hooks/useActivityMutations';
import type { RecordFormProps } from './RecordActions';

/** "Daftarkan peserta": finds residents of the kampung's kelurahan by a part of the name or a whole
 * NIK, and enrols those ticked (up to the quota; those enrolled already are shown so). */
export function EnrolForm({ activity, caseId, onCancel, onDone }: RecordFormProps) {
  const { t, i18n } = useTranslation();
  const prefix = useId();
  const [q, setQ] = useState('');
  const [searched, setSearched] = useState('');
  const [searchError, setSearchError] = useState<string | undefined>();
  const [chosen, setChosen] = useState<string[]>([]);
  const residents = useQuery({ ...activityQueries.residents(caseId, searched), enabled: searched.length >= 2 });
  const enrol = useEnrol(caseId, activity.id);
  const enrolled = new Set(activity.participants.map((p) => p.id));
  const room = Math.max(0, activity.quota - activity.participants.length);
  const n = (value: number) => formatNumber(value, i18n.language);
  const overQuota = chosen.length > room;

  function search(event: FormEvent) {
    event.preventDefault();
    const text = q.trim();
    if (text.length < 2) {
      setSearchError(t('validation.minLength', { minimum: 2 }));
      return;
    }
    setSearchError(undefined);
    setSearched(text);
  }

  function submit() {
    enrol.mutate(chosen, { onSuccess: () => onDone(t('activities.enrolled', { count: chosen.length })) });
  }

  const toggle = (id: string, on: boolean) => {
    enrol.reset();
    setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));
  };
  const id = (name: string) => `${prefix}-${name}`;
  return (
    <div className="inline-form enrol-form" role="group" aria-labelledby={id('heading')}>
      <h4 id={id('heading')}>{t('activities.enrolHeading', { title: activity.title })}</h4>
      <p className="muted">{t('activities.room', { room: n(room), quota: n(activity.quota) })}</p>
      <form className="form" role="search" aria-label={t('activities.searchResidents')} onSubmit={search} noValidate>
        <div className={searchError ? 'field field--invalid' : 'field'}>
          <label htmlFor={id('q')}>{t('activities.searchResidents')}</label>
          <div className="filters__search-row">
            <input
              id={id('q')}
              type="search"
              maxLength={100}
              autoComplete="off"
              spellCheck={false}
              aria-describedby={searchError ? `${id('q-hint')} ${id('q-error')}` : id('q-hint')}
              aria-invalid={searchError ? true : undefined}
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
            <button type="submit" className="button button--secondary">
              {t('list.searchButton')}
            </button>
          </div>
          <p id={id('q-hint')} className="field__hint">
            {t('activities.searchResidentsHint')}
          </p>
          {searchError && (
            <p id={id('q-error')} className="field__error">
              {searchError}
            </p>
          )}
        </div>
      </form>
      {residents.isFetching && <Loading />}
      <ProblemAlert error={residents.error} />
      {residents.data && residents.data.length === 0 && <p className="muted">{t('activities.noResidents', { q: searched })}</p>}
      {residents.data && residents.data.length > 0 && (
        <fieldset className="fieldset" aria-describedby={id('room')}>
          <legend>{t('activities.residentsFound', { count: residents.data.length })}</legend>
          <p id={id('room')} className={overQuota ? 'field__error' : 'field__hint'}>
            {t(overQuota ? 'activities.overQuota' : 'activities.chosen', { chosen: n(chosen.length), room: n(room) })}
          </p>
          {residents.data.map((p) => {
            const already = enrolled.has(p.id);
            return (
              <label key={p.id} className="checkbox checkbox--plain resident" htmlFor={id(`person-${p.id}`)} data-testid="resident">
                <input
                  id={id(`person-${p.id}`)}
                  type="checkbox"
                  checked={already || chosen.includes(p.id)}
                  disabled={already}
                  onChange={(e) => toggle(p.id, e.target.checked)}
                />
                <span>
                  {p.name} · <span className="nik">{p.nik}</span> · {formatDate(p.birthDate, i18n.language)}{' '}
                  {p.quality !== 'VALID' && <QualityBadge quality={p.quality} />}
                  {already && <span className="muted"> ({t('activities.alreadyEnrolled')})</span>}
                </span>
              </label>
            );
          })}
        </fieldset>
      )}
      <ProblemAlert error={enrol.error} />
      <div className="form__actions">
        <button type="button" className="button button--primary" disabled={chosen.length === 0 || overQuota || enrol.isPending} onClick={submit}>
          {enrol.isPending ? t('case.submitting') : t('activities.enrolChosen', { count: chosen.length })}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t('case.cancel')}
        </button>
      </div>
    </div>
  );
}
