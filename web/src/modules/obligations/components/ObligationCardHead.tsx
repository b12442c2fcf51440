import type { Obligation } from '@kampung/domain/obligation';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { ObligationScope } from './ObligationScope';
import { ObligationStatusBadge } from './ObligationStatusBadge';

/** The top of an obligation card (worklist, obligation list): its case as a link, kind and status,
 * and the period or stage it is about. */
export function ObligationCardHead({ obligation: o }: { obligation: Obligation }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="work-card__title">
        <Link to={`/cases/${encodeURIComponent(o.caseId)}`}>{o.caseName}</Link>
      </p>
      <p className="work-card__meta">
        {t(`obligationKinds.${o.kind}`)} <ObligationStatusBadge status={o.status} />
      </p>
      {(o.periodLabel || o.stage) && (
        <p className="work-card__meta">
          <ObligationScope obligation={o} />
        </p>
      )}
    </>
  );
}
