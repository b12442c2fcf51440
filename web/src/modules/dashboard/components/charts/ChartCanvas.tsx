import {
  BarController,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartData,
  type ChartOptions,
} from 'chart.js';
import { Chart } from 'react-chartjs-2';

// Only the parts the dashboard draws (bars and lines on category/linear axes), so the rest of
// Chart.js is left out of the bundle. This module loads on its own, after the figures.
ChartJS.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);
ChartJS.defaults.font.family = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
ChartJS.defaults.font.size = 12;
ChartJS.defaults.color = '#56616d';
ChartJS.defaults.maintainAspectRatio = false;

export type ChartKind = 'bar' | 'line';

export interface ChartCanvasProps {
  kind: ChartKind;
  data: ChartData<ChartKind>;
  options: ChartOptions<ChartKind>;
  /** What the chart shows, for screen readers (the table beside it has the figures). */
  label: string;
}

/** A Chart.js canvas that fills its container (which sets the height), announced as an image. */
export default function ChartCanvas({ kind, data, options, label }: ChartCanvasProps) {
  return <Chart type={kind} data={data} options={options} role="img" aria-label={label} fallbackContent={<p>{label}</p>} />;
}
