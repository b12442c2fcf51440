import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartCanvasProps } from './charts/ChartCanvas';

// Chart.js is the dashboard's largest dependency: it loads on its own, so the figures and tables
// show first and the pictures follow.
const ChartCanvas = lazy(() => import('./charts/ChartCanvas'));

/** The colours of the app (styles.css), for the canvas, which cannot read CSS variables. */
export const CHART_COLOURS = { blue: '#1f5f8b', amber: '#d08c00', red: '#a4262c', green: '#1e6b3a', grid: '#e6eaee' } as const;

/** A chart of the dashboard, `height` px tall and as wide as its card; the figures it draws are in
 * the table beside it, each a link to its list. */
export function DashboardChart({ height, testId, ...chart }: ChartCanvasProps & { height: number; testId?: string }) {
  const { t } = useTranslation();
  return (
    <div className="dash-chart" style={{ height }} data-testid={testId}>
      <Suspense fallback={<p className="muted dash-chart__loading">{t('dashboard.charts.loading')}</p>}>
        <ChartCanvas {...chart} />
      </Suspense>
    </div>
  );
}
