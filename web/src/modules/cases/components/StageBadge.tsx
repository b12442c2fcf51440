import { isEndStage, type Stage } from '@kampung/domain/stages';
import { useTranslation } from 'react-i18next';

function tone(stage: Stage): string {
  if (stage === 'ON_HOLD') return 'hold';
  if (stage === 'GRADUATED') return 'done';
  if (isEndStage(stage)) return 'ended';
  return 'active';
}

export function StageBadge({ stage, testId }: { stage: Stage; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--${tone(stage)}`} data-stage={stage} data-testid={testId}>
      {t(`stages.${stage}`)}
    </span>
  );
}
