import type { Assignment } from '@kampung/domain/obligation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HandoverForm } from './HandoverForm';

/** "Serah terima" on a team member: opens the handover form in place and confirms once done. */
export function HandoverButton({ assignment }: { assignment: Assignment }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<{ name: string; moved: number } | null>(null);
  return (
    <div className="inline-action">
      {done && !open && (
        <p className="alert alert--success" role="status">
          {t('handover.done', { name: done.name, count: done.moved })}
        </p>
      )}
      {open ? (
        <HandoverForm
          assignment={assignment}
          onCancel={() => setOpen(false)}
          onDone={(after) => {
            const last = after.handovers.at(-1);
            setDone({ name: after.user.name, moved: last?.movedObligations ?? 0 });
            setOpen(false);
          }}
        />
      ) : (
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={false}
          onClick={() => {
            setDone(null);
            setOpen(true);
          }}
        >
          {t('handover.open')}
        </button>
      )}
    </div>
  );
}
