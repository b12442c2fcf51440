import type { CaseDetail } from '@kampung/domain/case-views';
import type { Stage } from '@kampung/domain/stages';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayTransition } from '@kampung/domain/access';
import { useMe } from '../../auth/hooks/useAuth';
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
  return (
    <section className="card" aria-labelledby="next-steps-heading">
      <h2 id="next-steps-heading">{t('case.nextSteps')}</h2>
      {moved && (
        <p className="alert alert--success" role="status">
          {t('case.moved', { stage: t(`stages.${moved}`) })}
        </p>
      )}
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
