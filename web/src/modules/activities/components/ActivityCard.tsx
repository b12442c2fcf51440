import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate, formatNumber, formatRupiah } from '../../../lib/format';
import { householdPath } from '../../households/household-links';
import type { Activity } from '../api/activities.api';
import { RecordActions } from './RecordActions';

interface ActivityCardProps {
  activity: Activity;
  caseId: string;
  /** May enrol participants, take attendance and record outputs. */
  canRecord: boolean;
  /** May open a participant's household. */
  canOpenHouseholds: boolean;
}

/** One activity: its title, kind and agency; participants against the quota; budget and source;
 * sessions with how many attended; participants with their attendance; outputs. */
export function ActivityCard({ activity: a, caseId, canRecord, canOpenHouseholds }: ActivityCardProps) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const participants = a.participants.length;
  return (
    <li className="item-list__item activity" data-testid="activity" data-id={a.id} data-title={a.title}>
      <h3 className="activity__title">{a.title}</h3>
      <p className="item-list__meta" data-testid="activity-kind">
        {t(`activityKinds.${a.kind}`)} · {a.agency.name}
      </p>
      <p data-testid="activity-quota">
        {t('activities.quotaUse', { participants: n(participants), quota: n(a.quota) })}{' '}
        {participants >= a.quota && <span className="badge badge--hold">{t('activities.full')}</span>}
      </p>
      <p data-testid="activity-budget">
        {a.budgetSource === 'CSR' && a.sponsor
          ? t('activities.budgetCsr', { amount: formatRupiah(a.budget, i18n.language), sponsor: a.sponsor })
          : t('activities.budgetOf', { amount: formatRupiah(a.budget, i18n.language), source: t(`budgetSources.${a.budgetSource}`) })}
      </p>
      <h4 className="activity__subheading">{t('activities.sessionsHeading')}</h4>
      <ol className="activity__sessions">
        {a.sessions.map((s) => (
          <li key={s.id} data-testid="activity-session" data-seq={s.seq}>
            <time dateTime={s.date}>{formatDate(s.date, i18n.language)}</time> · {s.topic} ·{' '}
            <span className="muted" data-testid="session-present">
              {t('activities.present', { present: n(s.present), total: n(participants) })}
            </span>
          </li>
        ))}
      </ol>
      <h4 className="activity__subheading">{t('activities.participantsHeading', { count: participants })}</h4>
      {participants === 0 ? (
        <p className="muted">{t('activities.noParticipants')}</p>
      ) : (
        <ul className="activity__people">
          {a.participants.map((p) => (
            <li key={p.id} data-testid="participant" data-person-id={p.id}>
              {canOpenHouseholds ? <Link to={householdPath(p.householdId)}>{p.name}</Link> : p.name} · <span className="nik">{p.nik}</span> ·{' '}
              <span className="muted">{t('activities.attended', { attended: n(p.sessionsAttended), total: n(a.sessions.length) })}</span>
            </li>
          ))}
        </ul>
      )}
      {a.outputs.length > 0 && (
        <>
          <h4 className="activity__subheading">{t('activities.outputsHeading')}</h4>
          <ul className="activity__people">
            {a.outputs.map((o) => (
              <li key={`${o.person.id}:${o.kind}`} data-testid="activity-output" data-kind={o.kind}>
                {o.person.name}: <span className="badge badge--done">{t(`outputKinds.${o.kind}`)}</span>
                {o.note && <> · {o.note}</>}
              </li>
            ))}
          </ul>
        </>
      )}
      {canRecord && <RecordActions activity={a} caseId={caseId} />}
    </li>
  );
}
