import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { REPORT_PAGE_SIZE } from '../modules/monitoring/api/monitoring.api';
import { monitoringQueries } from '../modules/monitoring/api/monitoring.queries';
import { ReportCard } from '../modules/monitoring/components/ReportCard';
import { FilterChips } from '../ui/FilterChips';
import { Loading } from '../ui/Loading';
import { Pagination } from '../ui/Pagination';
import { ProblemAlert } from '../ui/ProblemAlert';

/** "Laporan merah": monitoring reports below their program's target, newest first, for managers
 * to follow up; each links to its case. `?program=` (from the dashboard) narrows them to one program. */
export function RedReportsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const program = params.get('program') || undefined;
  const query = useQuery(monitoringQueries.red(page, program));
  const data = query.data;
  return (
    <>
      <title>{`${t('redReports.heading')} · ${t('app.title')}`}</title>
      <h1>{t('redReports.heading')}</h1>
      <p className="muted">{t('redReports.intro')}</p>
      <FilterChips
        chips={program ? [{ id: 'program', label: t(`programs.${program}`, { defaultValue: program }), onRemove: () => setParams({}) }] : []}
      />
      {query.isPending && <Loading />}
      <ProblemAlert error={query.error} />
      {data && (
        <>
          <p className="muted" aria-live="polite">
            {t('redReports.total', { total: data.total })}
          </p>
          {data.items.length === 0 ? (
            <p>{t('redReports.empty')}</p>
          ) : (
            <ul className="work-list">
              {data.items.map((r) => (
                <ReportCard key={r.id} report={r} showCase />
              ))}
            </ul>
          )}
          <Pagination
            page={page}
            pageSize={REPORT_PAGE_SIZE}
            total={data.total}
            onPage={(next) => setParams({ ...(program ? { program } : {}), ...(next > 1 ? { page: String(next) } : {}) })}
          />
        </>
      )}
    </>
  );
}
