import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../../lib/format';

/** A plain horizontal bar, `value` of `max` wide (the number beside it says the same in words). */
export function Bar({ value, max, tone }: { value: number; max: number; tone?: 'hold' | 'danger' | 'done' }) {
  const percent = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0;
  return (
    <span className={tone ? `bar bar--${tone}` : 'bar'} aria-hidden="true">
      <span className="bar__fill" style={{ width: `${percent}%` }} />
    </span>
  );
}

interface CountLinkProps {
  count: number;
  /** The list behind the number; none (or a zero count) shows the number alone. */
  to?: string;
  /** What the number counts, for screen readers (it begins with the number, as shown). */
  label: string;
  children?: ReactNode;
}

/** A figure that opens the list behind it. */
export function CountLink({ count, to, label, children }: CountLinkProps) {
  const { i18n } = useTranslation();
  const text = children ?? formatNumber(count, i18n.language);
  if (!to || count === 0) return <span className="dash-count">{text}</span>;
  return (
    <Link className="dash-count" to={to} aria-label={label}>
      {text}
    </Link>
  );
}

/** One labelled row of a bar chart: the label, the bar, and the figure (a link). */
export function BarRow({ label, bar, figure, testId, data }: { label: ReactNode; bar: ReactNode; figure: ReactNode; testId?: string; data?: string }) {
  return (
    <li className="bars__row" data-testid={testId} data-key={data}>
      <span className="bars__label">{label}</span>
      {bar}
      <span className="bars__value">{figure}</span>
    </li>
  );
}
