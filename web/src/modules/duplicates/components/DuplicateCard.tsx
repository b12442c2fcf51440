import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatPercent } from '../../../lib/format';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import type { DuplicateCandidate } from '../api/duplicates.api';
import { reasonText } from '../duplicate-reasons';
import { useApproveMerge, useDecideDuplicate } from '../hooks/useDuplicateMutations';
import { DuplicateSide } from './DuplicateSide';

interface DuplicateCardProps {
  candidate: DuplicateCandidate;
  /** May propose a merge or dismiss an open pair. */
  canReview: boolean;
  /** May approve a requested merge. */
  canApprove: boolean;
  /** A decision was saved (the pair then leaves this list). */
  onDone: (message: string) => void;
}

/** A pair that may be one person: both records side by side, the kind of match in words and why;
 * a reviewer chooses the record that stays and asks for the merge ("Ajukan penggabungan") or
 * dismisses the pair ("Bukan duplikat"); a manager approves a requested merge. */
export function DuplicateCard({ candidate: c, canReview, canApprove, onDone }: DuplicateCardProps) {
  const { t, i18n } = useTranslation();
  const groupId = useId();
  const [keepId, setKeepId] = useState<string | null>(null);
  const [missingKeep, setMissingKeep] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const decide = useDecideDuplicate();
  const approve = useApproveMerge();
  const percent = (share: number) => formatPercent(share, i18n.language);
  const choosing = canReview && c.status === 'OPEN';
  const nameOf = (id: string | null) => (id === c.a.id ? c.a.name : id === c.b.id ? c.b.name : '');
  const choose = (id: string) => {
    setKeepId(id);
    setMissingKeep(false);
    decide.reset();
  };
  const keep = (id: string) => (choosing ? { name: `keep-${groupId}`, checked: keepId === id, onChange: () => choose(id) } : undefined);

  function approveMerge() {
    if (!confirming) {
      setConfirming(true);
      return;
    }
    approve.mutate(c.id, { onSuccess: () => onDone(t('duplicates.merged', { name: nameOf(c.keepId) })) });
  }

  function requestMerge() {
    if (!keepId) {
      setMissingKeep(true);
      return;
    }
    decide.mutate({ id: c.id, decision: { decision: 'MERGE', keepId } }, { onSuccess: () => onDone(t('duplicates.mergeRequested', { name: nameOf(keepId) })) });
  }

  return (
    <li className="work-card duplicate" data-testid="duplicate" data-id={c.id} data-kind={c.kind} data-status={c.status}>
      <p className="work-card__title">
        <span data-testid="duplicate-kind">{t(`duplicateKinds.${c.kind}`)}</span>{' '}
        <span className="badge badge--active">{t(`duplicateStatuses.${c.status}`)}</span>
      </p>
      <p className="work-card__meta">
        {t('duplicates.score', { score: percent(c.score) })} · <span data-testid="duplicate-reasons">{c.reasons.map((r) => reasonText(r, t, percent)).join('; ')}</span>
      </p>
      <div
        className="duplicate__pair"
        role={choosing ? 'radiogroup' : undefined}
        aria-label={choosing ? t('duplicates.keepLegend') : undefined}
        aria-describedby={missingKeep ? `${groupId}-error` : undefined}
      >
        <DuplicateSide side={c.a} label={t('duplicates.sideA')} stays={c.keepId === c.a.id} keep={keep(c.a.id)} />
        <DuplicateSide side={c.b} label={t('duplicates.sideB')} stays={c.keepId === c.b.id} keep={keep(c.b.id)} />
      </div>
      {missingKeep && (
        <p id={`${groupId}-error`} className="field__error" role="alert">
          {t('duplicates.chooseKeep')}
        </p>
      )}
      {c.requestedBy && <p className="work-card__meta">{t('duplicates.requestedBy', { name: c.requestedBy.name, keep: nameOf(c.keepId) })}</p>}
      {c.decidedBy && <p className="work-card__meta">{t('duplicates.decidedBy', { name: c.decidedBy.name })}</p>}
      <ProblemAlert error={decide.error ?? approve.error} />
      {choosing && (
        <div className="form__actions">
          <button type="button" className="button button--primary" disabled={decide.isPending} onClick={requestMerge}>
            {t('duplicates.requestMerge')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            disabled={decide.isPending}
            onClick={() => decide.mutate({ id: c.id, decision: { decision: 'DISMISS' } }, { onSuccess: () => onDone(t('duplicates.dismissed', { a: c.a.name, b: c.b.name })) })}
          >
            {t('duplicates.dismiss')}
          </button>
        </div>
      )}
      {canApprove && c.status === 'MERGE_REQUESTED' && (
        <div className="inline-form" role="group" aria-label={t('duplicates.approve')}>
          {confirming && <p>{t('duplicates.approveConfirm', { keep: nameOf(c.keepId), merged: nameOf(c.keepId === c.a.id ? c.b.id : c.a.id) })}</p>}
          <div className="form__actions">
            <button
              type="button"
              className="button button--primary"
              disabled={approve.isPending}
              onClick={approveMerge}
            >
              {approve.isPending ? t('case.submitting') : confirming ? t('duplicates.approveYes') : t('duplicates.approve')}
            </button>
            {confirming && (
              <button
                type="button"
                className="button button--quiet"
                onClick={() => {
                  setConfirming(false);
                  approve.reset();
                }}
              >
                {t('case.cancel')}
              </button>
            )}
          </div>
        </div>
      )}
    </li>
  );
}
