import { may } from '@kampung/domain/access';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useMe } from '../modules/auth/hooks/useAuth';
import { DUPLICATE_STATUSES, type DuplicateStatus } from '../modules/duplicates/api/duplicates.api';
import { duplicateQueries } from '../modules/duplicates/api/duplicates.queries';
import { DuplicateCard } from '../modules/duplicates/components/DuplicateCard';
import { RunDuplicates } from '../modules/duplicates/components/RunDuplicates';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';

const isStatus = (value: string | null): value is DuplicateStatus => DUPLICATE_STATUSES.includes(value as DuplicateStatus);

/** "Data ganda" at `/duplicates`: pairs of records that may be one person, by status (in the URL).
 * Reviewers look for new pairs, keep one record of a pair and ask for the merge, or dismiss it;
 * managers approve the requested merges (their list opens on those). */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canReview = may(me.role, 'duplicate.review');
  const canApprove = may(me.role, 'duplicate.approve');
  const [params, setParams] = useSearchParams();
  const asked = params.get('status');
  const status: DuplicateStatus = isStatus(asked) ? asked : canApprove && !canReview ? 'MERGE_REQUESTED' : 'OPEN';
  const [done, setDone] = useState<string | null>(null);
  const query = useQuery({ ...duplicateQueries.list(status), enabled: canReview || canApprove });
  return (
    <>
      <title>{`${t('duplicates.heading')} · ${t('app.title')}`}</title>
      <h1>{t('duplicates.heading')}</h1>
      {!canReview && !canApprove ? (
        <p className="alert alert--error" role="alert">
          {t('duplicates.forbidden')}
        </p>
      ) : (
        <>
          <p className="muted">{t(canReview ? 'duplicates.introReviewer' : 'duplicates.introApprover')}</p>
          {canReview && <RunDuplicates />}
          <div className="status-tabs" role="group" aria-label={t('duplicates.statusFilter')}>
            {DUPLICATE_STATUSES.map((s) => (
              <button
                key={s}
                type="button"
                className={s === status ? 'button button--primary' : 'button button--secondary'}
                aria-pressed={s === status}
                onClick={() => {
                  setDone(null);
                  setParams({ status: s });
                }}
              >
                {t(`duplicateStatuses.${s}`)}
              </button>
            ))}
          </div>
          {done && (
            <p className="alert alert--success" role="status" data-testid="duplicate-done">
              {done}
            </p>
          )}
          <ProblemAlert error={query.error} />
          {query.isPending && <Loading />}
          {query.data && (
            <>
              <p className="muted" aria-live="polite" data-testid="duplicate-total">
                {t('duplicates.total', { count: query.data.length, status: t(`duplicateStatuses.${status}`) })}
              </p>
              {query.data.length > 0 && (
                <ul className="work-list" aria-label={t('duplicates.listLabel')}>
                  {query.data.map((c) => (
                    <DuplicateCard key={c.id} candidate={c} canReview={canReview} canApprove={canApprove} onDone={setDone} />
                  ))}
                </ul>
              )}
            </>
          )}
        </>
      )}
    </>
  );
}
