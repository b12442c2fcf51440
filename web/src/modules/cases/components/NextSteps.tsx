import type { CaseDetail } from '@kampung/domain/case-views';
import type { Stage } from '@kampung/domain/stages';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayTransition } from '@kampung/domain/access';
import { useMe } from '../../auth/hooks/useAuth';
import { Confirmation } from '../../../ui/Confirmation';
import { TransitionForm } from './TransitionForm';

/** One button per allowed move; each opens the form of that move. */
export function NextSteps({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Stage | null>(null);
  const [moved, setMoved] = useState<Stage | null>(null);
  const me = useMe();
  // The server lists only the moves this role may make; the same policy table decides here.
  const allowed = detail.allowedTransitions.filter((to) => mayTransition(me.role, detail.stage, to));
  const current = open && allowed.includes(open) ? open : null;
  // The case has reached the stage whose form was open: the move is done. (The form itself is gone
  // by then, as the new stage no longer offers that move, so it cannot say so.)
  useEffect(() => {
    if (open && detail.stage === open) {
      setMoved(open);
      setOpen(null);
    }
  }, [detail.stage, open]);
  return (
    <section className="card" aria-labelledby="next-steps-heading">
      <h2 id="next-steps-heading">{t('case.nextSteps')}</h2>
      {moved && <Confirmation key={moved}>{t('case.moved', { stage: t(`stages.${moved}`) })}</Confirmation>}
      {allowed.length === 0 && <p>{t('case.noNextSteps')}</p>}
      <div className="button-row">
        {allowed.map((to) => (
          <button
            key={to}
            type="button"
            className={current === to ? 'button button--primary' : 'button button--secondary'}
            aria-expanded={current === to}
            onClick={() => {
              setMoved(null);
              setOpen(current === to ? null : to);
            }}
          >
            {t('case.moveTo', { stage: t(`stages.${to}`) })}
          </button>
        ))}
      </div>
      {current && (
        <TransitionForm
          key={`${detail.stage}:${current}`}
          caseId={detail.id}
          from={detail.stage}
          to={current}
          onDone={(to) => {
            setOpen(null);
            setMoved(to);
          }}
          onCancel={() => setOpen(null)}
        />
      )}
    </section>
  );
}
