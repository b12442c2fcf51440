import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../lib/format';
import { obligationQueries } from '../modules/obligations/api/obligations.queries';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';

/** "Kotak masuk": escalations addressed to the signed-in user. */
export function InboxPage() {
  const { t, i18n } = useTranslation();
  const query = useQuery(obligationQueries.inbox());
  return (
    <>
      <title>{`${t('inbox.heading')} · ${t('app.title')}`}</title>
      <h1>{t('inbox.heading')}</h1>
      {query.isPending && <Loading />}
      <ProblemAlert error={query.error} />
      {query.data && query.data.length === 0 && <p className="muted">{t('inbox.empty')}</p>}
      {query.data && query.data.length > 0 && (
        <ul className="work-list">
          {query.data.map((item) => (
            <li key={item.id} className="work-card" data-testid="inbox-item">
              <p className="work-card__title">
                <span className="badge badge--danger">{t(`inbox.kinds.${item.kind}`)}</span>{' '}
                <Link to={`/cases/${encodeURIComponent(item.case.id)}`}>{item.case.name}</Link>
              </p>
              <p className="work-card__meta">{t(`obligationKinds.${item.obligation.kind}`)}</p>
              <p className="work-card__meta">
                <time dateTime={item.createdAt}>{formatDateTime(item.createdAt, i18n.language)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
