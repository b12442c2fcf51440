import { useId, type ReactNode } from 'react';

/** One card of the dashboard: a titled region (so it can be found by its heading) with an optional hint. */
export function DashboardSection({ title, hint, wide, testId, children }: { title: string; hint?: string; wide?: boolean; testId?: string; children: ReactNode }) {
  const id = useId();
  return (
    <section className={wide ? 'card dash-card dash-card--wide' : 'card dash-card'} aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      {hint && <p className="dash-card__hint">{hint}</p>}
      {children}
    </section>
  );
}
