import type { Dashboard } from '@kampung/domain/obligation';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPercent, formatRupiah } from '../../../lib/format';
import { realisedShare } from '../dashboard-figures';
import { Bar, BarRow } from './Bar';
import { DashboardSection } from './DashboardSection';

const RATINGS = ['BAIK', 'SEDANG', 'KURANG'] as const;
const TONES = { BAIK: 'done', SEDANG: 'hold', KURANG: 'danger' } as const;

/** This year's ratings: how many kampung were rated Baik, Sedang and Kurang. */
export function RatingsCard({ ratings }: { ratings: Dashboard['ratings'] }) {
  const { t, i18n } = useTranslation();
  const total = RATINGS.reduce((sum, r) => sum + ratings[r], 0);
  const max = Math.max(0, ...RATINGS.map((r) => ratings[r]));
  return (
    <DashboardSection title={t('dashboard.ratings.heading', { year: ratings.year })} hint={t('dashboard.ratings.hint')} testId="dashboard-ratings">
      <p className="dash-total">{t('dashboard.ratings.total', { total: formatNumber(total, i18n.language) })}</p>
      <ul className="bars">
        {RATINGS.map((rating) => (
          <BarRow
            key={rating}
            testId="rating-row"
            data={rating}
            label={t(`enums.rating.${rating}`)}
            bar={<Bar value={ratings[rating]} max={max} tone={TONES[rating]} />}
            figure={<span className="dash-count">{formatNumber(ratings[rating], i18n.language)}</span>}
          />
        ))}
      </ul>
    </DashboardSection>
  );
}

/** The budget allocated by designation decrees (APBD + CSR) against what the latest monitoring
 * reports say is realised, with the realised share. */
export function BudgetCard({ budget }: { budget: Dashboard['budget'] }) {
  const { t, i18n } = useTranslation();
  const share = realisedShare(budget);
  return (
    <DashboardSection title={t('dashboard.budget.heading')} hint={t('dashboard.budget.hint')} testId="dashboard-budget">
      <dl className="dash-facts">
        <div>
          <dt>{t('dashboard.budget.allocated')}</dt>
          <dd data-testid="budget-allocated">{formatRupiah(budget.allocated, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('dashboard.budget.realised')}</dt>
          <dd data-testid="budget-realised">{formatRupiah(budget.realised, i18n.language)}</dd>
        </div>
      </dl>
      <p className="dash-share dash-share--wide">
        <Bar value={share} max={1} tone="done" />
        <span className="dash-share__value">
          {budget.allocated > 0 ? t('dashboard.budget.share', { percent: formatPercent(share, i18n.language) }) : t('dashboard.budget.none')}
        </span>
      </p>
    </DashboardSection>
  );
}
