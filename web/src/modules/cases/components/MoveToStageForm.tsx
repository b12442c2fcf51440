import type { CaseDetail } from '@kampung/domain/case-views';
import { reasonRequired, type Stage } from '@kampung/domain/stages';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Confirmation } from '../../../ui/Confirmation';
import { Field } from '../../../ui/Field';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useTransitionCase } from '../hooks/useCaseMutations';
import { useMe } from '../../auth/hooks/useAuth';
import { ReasonField } from './ReasonField';
import { movableStages } from '../move-stages';

/** Lets an officer move a case to any stage it may go to now, with a reason where the move needs
 * one; shown only when there is such a stage. */
export function MoveToStageForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const stages = movableStages(detail, me.role);
  const [to, setTo] = useState<Stage | ''>('');
  const [reason, setReason] = useState('');
  const [missingStage, setMissingStage] = useState(false);
  const [missingReason, setMissingReason] = useState(false);
  const [moved, setMoved] = useState<Stage | null>(null);
  const mutation = useTransitionCase(detail.id);
  const chosen = to && stages.includes(to) ? to : '';
  const needsReason = chosen !== '' && reasonRequired(detail.stage, chosen);

  function submit(event: FormEvent) {
    event.preventDefault();
    setMoved(null);
    setMissingStage(!chosen);
    setMissingReason(needsReason && !reason.trim());
    if (!chosen || (needsReason && !reason.trim())) return;
    mutation.mutate({ to: chosen, reason: reason.trim() || undefined, data: {} }, { onSuccess: () => setMoved(chosen) });
  }

  if (stages.length === 0 && !moved) return null;
  return (
    <details className="card move-any">
      <summary>{t('case.tryMove')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <p className="field__hint">{t('case.tryMoveHint')}</p>
        <ProblemAlert error={mutation.error} />
        {moved && <Confirmation key={moved}>{t('case.moved', { stage: t(`stages.${moved}`) })}</Confirmation>}
        <Field id="move-stage" label={t('case.targetStage')} required error={missingStage ? t('validation.choose') : undefined}>
          {(control) => (
            <select {...control} value={chosen} onChange={(e) => setTo(e.target.value as Stage | '')}>
              <option value="">{t('form.choose')}</option>
              {stages.map((stage) => (
                <option key={stage} value={stage}>
                  {t(`stages.${stage}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ReasonField
          id="move-reason"
          value={reason}
          onChange={setReason}
          required={needsReason}
          error={missingReason && needsReason && !reason.trim() ? t('validation.required') : undefined}
        />
        <button type="submit" className="button button--secondary" disabled={mutation.isPending}>
          {t('case.propose')}
        </button>
      </form>
    </details>
  );
}
