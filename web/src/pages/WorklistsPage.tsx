import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { worklistQueries } from '../modules/worklists/api/worklists.queries';
import { WorklistCard } from '../modules/worklists/components/WorklistCard';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';

/** "Daftar kerja tersimpan": my saved case and obligation lists, then those colleagues share;
 * each opens its list with its filters. */
export function WorklistsPage() {
  const { t } = useTranslation();
  const query = useQuery(worklistQueries.list());
  const all = query.data ?? [];
  const mine = all.filter((w) => w.mine);
  const shared = all.filter((w) => !w.mine);
  return (
    <>
      <title>{`${t('worklists.heading')} · ${t('app.title')}`}</title>
      <h1>{t('worklists.heading')}</h1>
      <p className="muted">
        {t('worklists.intro')} <Link to="/">{t('nav.cases')}</Link> · <Link to="/obligations">{t('obligationList.heading')}</Link>
      </p>
      <ProblemAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && (
        <>
          <section className="worklist-group" aria-labelledby="worklists-mine" data-testid="worklists-mine">
            <h2 id="worklists-mine">
              {t('worklists.mineHeading')} <span className="count">({mine.length})</span>
            </h2>
            {mine.length === 0 ? (
              <p className="muted">{t('worklists.emptyMine')}</p>
            ) : (
              <ul className="work-list">
                {mine.map((w) => (
                  <WorklistCard key={w.id} worklist={w} />
                ))}
              </ul>
            )}
          </section>
          <section className="worklist-group" aria-labelledby="worklists-shared" data-testid="worklists-shared">
            <h2 id="worklists-shared">
              {t('worklists.sharedHeading')} <span className="count">({shared.length})</span>
            </h2>
            {shared.length === 0 ? (
              <p className="muted">{t('worklists.emptyShared')}</p>
            ) : (
              <ul className="work-list">
                {shared.map((w) => (
                  <WorklistCard key={w.id} worklist={w} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </>
  );
}
