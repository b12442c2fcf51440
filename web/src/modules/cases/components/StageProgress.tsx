import type { CaseDetail } from '@kampung/domain/case-views';
import { FORWARD_CHAIN, isActiveStage, type Stage } from '@kampung/domain/stages';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { StageBadge } from './StageBadge';
import '../stage-progress.css';

/** Where on the way from proposal to graduation: the active stage (the interrupted one when on
 * hold), or, for a case that ended, the furthest it got. */
function reachedIndex(detail: CaseDetail): number {
  const chain = FORWARD_CHAIN as readonly Stage[];
  if (isActiveStage(detail.stage)) return chain.indexOf(detail.stage);
  if (detail.resumeStage) return chain.indexOf(detail.resumeStage);
  return Math.max(-1, ...detail.history.map((entry) => chain.indexOf(entry.to)));
}

/** "Tahapan": the stages of the way, those passed ticked and the current one marked. Not a history:
 * every move, with who, when, why and its data, is in "Riwayat lengkap" (CaseFullTimeline). */
export function StageProgress({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const headingId = useId();
  const reached = reachedIndex(detail);
  const working = isActiveStage(detail.stage);
  return (
    <section className="card stage-progress" aria-labelledby={headingId} data-testid="stage-progress">
      <h2 id={headingId}>{t('case.progress')}</h2>
      <ol className="stage-progress__steps">
        {FORWARD_CHAIN.map((stage, index) => {
          const state = index < reached ? 'passed' : index > reached ? 'ahead' : working ? 'current' : detail.stage === 'ON_HOLD' ? 'paused' : 'last';
          return (
            <li
              key={stage}
              className={`stage-progress__step stage-progress__step--${state}`}
              aria-current={state === 'current' || state === 'paused' ? 'step' : undefined}
              data-state={state}
            >
              <span className="stage-progress__marker" aria-hidden="true" />
              {t(`stages.${stage}`)}
              {state !== 'ahead' && <span className="visually-hidden"> ({t(`case.progressStates.${state}`)})</span>}
            </li>
          );
        })}
      </ol>
      {!working && (
        <p className="stage-progress__off">
          {t('case.currentStage')}: <StageBadge stage={detail.stage} />
        </p>
      )}
    </section>
  );
}
