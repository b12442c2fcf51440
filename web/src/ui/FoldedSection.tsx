import { useId, useState, type ReactNode } from 'react';

/** Wider than a phone (the 40rem of styles.css): a folded section starts open there. */
const WIDE = '(min-width: 40rem)';
const startsOpen = () => globalThis.matchMedia?.(WIDE).matches ?? true;

interface FoldedSectionProps {
  heading: string;
  /** How many entries it holds, beside the heading (once known). */
  count?: number;
  testId?: string;
  children: ReactNode;
}

/** A long section of a page as a card whose heading (with a count) opens and closes it: folded at
 * first on a phone, so the page stays short and what is used most comes first; open at first on a
 * wider screen. */
export function FoldedSection({ heading, count, testId, children }: FoldedSectionProps) {
  const headingId = useId();
  const [open, setOpen] = useState(startsOpen);
  return (
    <section className="card fold" aria-labelledby={headingId} data-testid={testId}>
      <details open={open} onToggle={(event) => setOpen(event.currentTarget.open)}>
        <summary className="fold__summary">
          <h2 id={headingId} className="fold__heading">
            {heading}
            {count !== undefined && <span className="count"> ({count})</span>}
          </h2>
        </summary>
        <div className="fold__body">{children}</div>
      </details>
    </section>
  );
}
