/** Stage ids of a kampung case and the rules for moving between them. Pure code: used by the
 * workflow (the authority), the API (to explain refusals) and the web (to draw the timeline). */
export const FORWARD_CHAIN = [
  'PROPOSAL',
  'SURVEY',
  'VERIFICATION',
  'DESIGNATION',
  'ENGAGEMENT',
  'ASSESSMENT',
  'PLANNING',
  'ACTION_PLAN',
  'IMPLEMENTATION',
  'EVALUATION',
  'GRADUATED',
] as const;
export const END_STAGES = ['REJECTED', 'WITHDRAWN', 'CLOSED'] as const;
export const STAGES = [...FORWARD_CHAIN, ...END_STAGES, 'ON_HOLD'] as const;

export type ChainStage = (typeof FORWARD_CHAIN)[number];
export type EndStage = (typeof END_STAGES)[number];
export type Stage = (typeof STAGES)[number];

/** Stages that can still be withdrawn from (everything before DESIGNATION). */
const WITHDRAWABLE: readonly Stage[] = ['PROPOSAL', 'SURVEY', 'VERIFICATION'];

export function isEndStage(stage: Stage): stage is EndStage {
  return (END_STAGES as readonly Stage[]).includes(stage);
}

/** A stage a case works in (not an end and not on hold). GRADUATED is active: monitoring goes on. */
export function isActiveStage(stage: Stage): stage is ChainStage {
  return (FORWARD_CHAIN as readonly Stage[]).includes(stage);
}

export interface StagePosition {
  stage: Stage;
  /** When on hold: the stage the hold interrupted, to which the case resumes. */
  resumeStage: ChainStage | null;
}

/** Every stage a case may move to from where it stands. */
export function allowedTransitions({ stage, resumeStage }: StagePosition): Stage[] {
  if (stage === 'ON_HOLD') return resumeStage ? [resumeStage] : [];
  if (isEndStage(stage)) return [];
  const next: Stage[] = [];
  const index = FORWARD_CHAIN.indexOf(stage);
  const forward = FORWARD_CHAIN[index + 1];
  if (forward && stage !== 'EVALUATION') next.push(forward);
  if (stage === 'VERIFICATION') next.push('PROPOSAL', 'REJECTED');
  if (stage === 'EVALUATION') next.push('IMPLEMENTATION', 'PLANNING', 'GRADUATED');
  if (stage === 'GRADUATED') next.push('CLOSED');
  if (WITHDRAWABLE.includes(stage)) next.push('WITHDRAWN');
  next.push('ON_HOLD');
  return next;
}

/** A backward move, a rejection, a withdrawal and a hold must say why. */
export function reasonRequired(from: Stage, to: Stage): boolean {
  if (to === 'REJECTED' || to === 'WITHDRAWN' || to === 'ON_HOLD') return true;
  if (from === 'ON_HOLD') return false;
  const a = FORWARD_CHAIN.indexOf(from as ChainStage);
  const b = FORWARD_CHAIN.indexOf(to as ChainStage);
  return a >= 0 && b >= 0 && b < a;
}

export type TransitionRefusal = 'ILLEGAL_TRANSITION' | 'REASON_REQUIRED';

/** Why a move is refused, or null when it is allowed. */
export function checkTransition(
  position: StagePosition,
  to: Stage,
  hasReason: boolean,
): TransitionRefusal | null {
  if (!allowedTransitions(position).includes(to)) return 'ILLEGAL_TRANSITION';
  if (reasonRequired(position.stage, to) && !hasReason) return 'REASON_REQUIRED';
  return null;
}
