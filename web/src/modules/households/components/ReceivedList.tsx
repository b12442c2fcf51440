import type { HouseholdView } from '@kampung/domain/household';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/format';

type Received = HouseholdView['received'][number];

/** "Bantuan yang diterima": every activity a member took part in, from which agency, in which
 * kampung (a link to its case), who, when, how many sessions they attended, and what came of it. */
export function ReceivedList({ received }: { received: readonly Received[] }) {
  const { t } = useTranslation();
  if (received.length === 0) return <p className="muted">{t('household.nothingReceived')}</p>;
  return (
    <ul className="item-list" aria-label={t('household.receivedHeading')}>
      {received.map((r) => (
        <ReceivedItem key={`${r.activityId}:${r.person.id}`} item={r} />
      ))}
    </ul>
  );
}

function ReceivedItem({ item: r }: { item: Received }) {
  const { t, i18n } = useTranslation();
  const date = (value: string) => formatDate(value, i18n.language);
  const when =
    r.firstSession && r.lastSession
      ? r.firstSession === r.lastSession
        ? t('received.on', { date: date(r.firstSession) })
        : t('received.between', { from: date(r.firstSession), to: date(r.lastSession) })
      : t('received.noSessions');
  return (
    <li className="item-list__item received" data-testid="received" data-activity-id={r.activityId}>
      <p className="item-list__title">
        <strong>{r.title}</strong> · {t(`activityKinds.${r.kind}`, { defaultValue: r.kind })}
      </p>
      <p className="item-list__meta" data-testid="received-agency">
        {r.agency.name} · <Link to={`/cases/${encodeURIComponent(r.case.id)}`}>{r.case.name}</Link>
      </p>
      <p className="received__who" data-testid="received-person">
        {t('received.who', { name: r.person.name })} · {when}
      </p>
      <p className="item-list__meta">{t('received.attended', { attended: r.sessionsAttended, total: r.sessions })}</p>
      {r.outputs.length > 0 && (
        <p className="received__outputs" data-testid="received-outputs">
          {r.outputs.map((o) => (
            <span key={o} className="badge badge--done">
              {t(`outputKinds.${o}`, { defaultValue: o })}
            </span>
          ))}
        </p>
      )}
    </li>
  );
}
