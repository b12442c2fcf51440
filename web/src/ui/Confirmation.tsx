import { useEffect, useRef, type ReactNode } from 'react';

interface ConfirmationProps {
  children: ReactNode;
  /** `warning` for a success that needs attention (a red report). */
  tone?: 'success' | 'warning';
  testId?: string;
}

/** Says that something was done, where the person looks: it scrolls itself into view when it
 * appears (on a phone the form that was sent may have closed or moved it off-screen) and is a
 * polite live region, so screen readers announce it. */
export function Confirmation({ children, tone = 'success', testId }: ConfirmationProps) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);
  return (
    <p ref={ref} className={`alert alert--${tone}`} role="status" aria-live="polite" data-testid={testId}>
      {children}
    </p>
  );
}
