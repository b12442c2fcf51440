import { may } from '@kampung/domain/access';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../lib/format';
import { useMe } from '../modules/auth/hooks/useAuth';
import { fetchDashboard } from '../modules/dashboard/api/dashboard.api';
import { dashboardKeys, dashboardQueries } from '../modules/dashboard/api/dashboard.queries';
import { AdherenceTable } from '../modules/dashboard/components/AdherenceTable';
import { AgingSettingsForm } from '../modules/dashboard/components/AgingSettingsForm';
import { KecamatanComparison } from '../modules/dashboard/components/KecamatanComparison';
import { KeyFigures } from '../modules/dashboard/components/KeyFigures';
import { OverdueTables } from '../modules/dashboard/components/OverdueTables';
import { OverdueTrend } from '../modules/dashboard/components/OverdueTrend';
import { BudgetCard, RatingsCard } from '../modules/dashboard/components/RatingsBudget';
import { StageFunnel } from '../modules/dashboard/components/StageFunnel';
import { StalledBuckets } from '../modules/dashboard/components/StalledBuckets';
import '../modules/dashboard/dashboard.css';
import { referenceQueries } from '../modules/reference/api/reference.queries';
import { ProgramOptions } from '../modules/reference/components/ProgramOptions';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';

/** "Dasbor": a program's figures (or both programs'), each number a link to the cases or
 * obligations behind it. The program is in the URL; admins also set the stalled-case ranges here. */
export function DashboardPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const program = params.get('program') || undefined;
  const programs = useQuery(referenceQueries.programs());
  const query = useQuery(dashboardQueries.figures(program));
  // "Perbarui": figures computed now, not the ones the server keeps for a few seconds.
  const queryClient = useQueryClient();
  const refresh = useMutation({
    mutationFn: () => fetchDashboard(program, { fresh: true }),
    onSuccess: (fresh) => queryClient.setQueryData(dashboardKeys.figures(program), fresh),
  });
  const busy = query.isFetching || refresh.isPending;
  const data = query.data;
  const programList = programs.data ?? [];
  return (
    <>
      <title>{`${t('dashboard.heading')} · ${t('app.title')}`}</title>
      <h1>{t('dashboard.heading')}</h1>
      <p className="muted">{t('dashboard.intro')}</p>
      <div className="field dash-picker">
        <label htmlFor="dashboard-program">{t('fields.programCode')}</label>
        <select
          id="dashboard-program"
          value={program ?? ''}
          onChange={(e) => setParams(e.target.value ? { program: e.target.value } : {}, { replace: true })}
        >
          <option value="">{t('list.allPrograms')}</option>
          <ProgramOptions programs={programList} />
        </select>
      </div>
      <ProblemAlert error={query.error ?? refresh.error} />
      {query.isPending && <Loading />}
      {data && (
        <div className={query.isPlaceholderData ? 'dash dash--stale' : 'dash'} aria-busy={busy}>
          <p className="muted dash-generated" aria-live="polite">
            {t('dashboard.generatedAt', { time: formatDateTime(data.generatedAt, i18n.language) })}{' '}
            <button type="button" className="button button--quiet" onClick={() => refresh.mutate()} disabled={busy}>
              {busy ? t('app.loading') : t('dashboard.refresh')}
            </button>
          </p>
          <KeyFigures dashboard={data} />
          <div className="dash-grid">
            {/* What needs following up first; then the picture of the programs. */}
            <StalledBuckets dashboard={data} settings={may(me.role, 'dashboard.settings') ? <AgingSettingsForm /> : undefined} />
            <OverdueTrend dashboard={data} />
            <OverdueTables dashboard={data} />
            <AdherenceTable dashboard={data} />
            <StageFunnel dashboard={data} programOrder={programList.map((p) => p.code)} />
            <KecamatanComparison dashboard={data} programs={programList} />
            <RatingsCard ratings={data.ratings} />
            <BudgetCard budget={data.budget} />
          </div>
        </div>
      )}
    </>
  );
}
