import type { Obligation } from '@kampung/domain/obligation';
import { useTranslation } from 'react-i18next';
import { formatPeriod } from '../../../lib/format';

/** What an obligation is about beyond its kind: the report period, or the stage whose deadline it is. */
export function ObligationScope({ obligation: o }: { obligation: Obligation }) {
  const { t, i18n } = useTranslation();
  if (o.periodLabel) {
    return (
      <span className="obligation-scope" data-testid="obligation-scope">
        {t('obligations.period')} <time dateTime={o.periodLabel}>{formatPeriod(o.periodLabel, i18n.language)}</time>
      </span>
    );
  }
  if (o.stage) {
    return (
      <span className="obligation-scope" data-testid="obligation-scope">
        {t('obligations.stage', { stage: t(`stages.${o.stage}`, { defaultValue: o.stage }) })}
      </span>
    );
  }
  return null;
}
