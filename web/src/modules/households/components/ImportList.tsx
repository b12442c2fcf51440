import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTimeWib, formatNumber } from '../../../lib/format';
import { Loading } from '../../../ui/Loading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { householdQueries } from '../api/households.queries';
import { importPagePath } from '../household-links';
import { ImportStatusBadge } from './ImportStatusBadge';

/** "Impor terakhir": the recent imports, newest first, each opening its progress and result. */
export function ImportList({ currentId }: { currentId?: string }) {
  const { t, i18n } = useTranslation();
  const query = useQuery(householdQueries.imports());
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <section className="card" aria-labelledby="imports-heading">
      <h2 id="imports-heading">{t('householdImport.recentHeading')}</h2>
      {query.isPending && <Loading />}
      <ProblemAlert error={query.error} />
      {query.data && query.data.length === 0 && <p className="muted">{t('householdImport.noImports')}</p>}
      {query.data && query.data.length > 0 && (
        <ul className="item-list">
          {query.data.map((i) => (
            <li key={i.id} className="item-list__item" data-testid="recent-import" data-status={i.status}>
              <p className="item-list__title import-list__name">
                <Link to={importPagePath(i.id)} aria-current={i.id === currentId ? 'true' : undefined}>
                  {i.filename}
                </Link>{' '}
                <ImportStatusBadge status={i.status} />
              </p>
              <p className="item-list__meta">
                <time dateTime={i.startedAt}>{formatDateTimeWib(i.startedAt, i18n.language)}</time> ·{' '}
                {i.status === 'DONE'
                  ? t('householdImport.summaryDone', { households: n(i.households), created: n(i.personsCreated), updated: n(i.personsUpdated) })
                  : i.status === 'REFUSED'
                    ? t('householdImport.summaryRefused', { count: i.problemCount, problems: n(i.problemCount) })
                    : t('householdImport.summaryRows', { total: n(i.totalRows) })}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
