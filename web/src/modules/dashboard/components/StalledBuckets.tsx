import type { Dashboard } from '@kampung/domain/obligation';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { stalledRangeLabel } from '../../cases/components/stalled-range';
import { stalledLink } from '../dashboard-links';
import { Bar, BarRow, CountLink } from './Bar';
import { DashboardSection } from './DashboardSection';

/** Stalled cases by how long they are past their stage's expected duration; each bucket opens the
 * case list of that range. `settings` is the admin's form to change the ranges. */
export function StalledBuckets({ dashboard, settings }: { dashboard: Dashboard; settings?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const { buckets, total } = dashboard.stalled;
  const max = Math.max(0, ...buckets.map((b) => b.count));
  return (
    <DashboardSection title={t('dashboard.stalled.heading')} hint={t('dashboard.stalled.hint')} testId="dashboard-stalled">
      <p className="dash-total">{t('dashboard.stalled.total', { total: formatNumber(total, i18n.language) })}</p>
      <ol className="bars" aria-label={t('dashboard.stalled.heading')}>
        {buckets.map((bucket) => {
          const range = stalledRangeLabel(bucket.fromDays, bucket.toDays, t);
          const count = formatNumber(bucket.count, i18n.language);
          return (
            <BarRow
              key={bucket.fromDays}
              testId="stalled-bucket"
              data={`${bucket.fromDays}-${bucket.toDays ?? ''}`}
              label={range}
              bar={<Bar value={bucket.count} max={max} tone="hold" />}
              figure={<CountLink count={bucket.count} to={stalledLink(dashboard.program, bucket)} label={t('dashboard.stalled.link', { n: count, range })} />}
            />
          );
        })}
      </ol>
      {settings}
    </DashboardSection>
  );
}
