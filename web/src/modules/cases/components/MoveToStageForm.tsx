import type { CaseDetail } from '@kampung/domain/case-views';
import { mayTransition } from '@kampung/domain/access';
import { STAGES, type Stage } from '@kampung/domain/stages';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../../../ui/Field';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useTransitionCase } from '../hooks/useCaseMutations';
import { useMe } from '../../auth/hooks/useAuth';
import { ReasonField } from './ReasonField';

/** Lets an officer propose a move to any stage their role may move a case into (TRANSITION_POLICY);
 * whether the case can go there now, the server decides and its answer is shown. */
export function MoveToStageForm({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const me = useMe();
  const stages = STAGES.filter((stage) => stage !== detail.stage && mayTransition(me.role, detail.stage, stage));
  const [to, setTo] = useState<Stage | ''>('');
  const [reason, setReason] = useState('');
  const [missingStage, setMissingStage] = useState(false);
  const [moved, setMoved] = useState<Stage | null>(null);
  const mutation = useTransitionCase(detail.id);

  function submit(event: FormEvent) {
    event.preventDefault();
    setMoved(null);
    setMissingStage(!to);
    if (!to) return;
    mutation.mutate({ to, reason: reason.trim() || undefined, data: {} }, { onSuccess: () => setMoved(to) });
  }

  return (
    <details className="card move-any">
      <summary>{t('case.tryMove')}</summary>
      <form className="form" onSubmit={submit} noValidate>
        <p className="field__hint">{t('case.tryMoveHint')}</p>
        <ProblemAlert error={mutation.error} />
        {moved && (
          <p className="alert alert--success" role="status">
            {t('case.moved', { stage: t(`stages.${moved}`) })}
          </p>
        )}
        <Field id="move-stage" label={t('case.targetStage')} required error={missingStage ? t('validation.choose') : undefined}>
          {(control) => (
            <select {...control} value={to} onChange={(e) => setTo(e.target.value as Stage | '')}>
              <option value="">{t('form.choose')}</option>
              {stages.map((stage) => (
                <option key={stage} value={stage}>
                  {t(`stages.${stage}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ReasonField id="move-reason" value={reason} onChange={setReason} required={false} />
        <button type="submit" className="button button--secondary" disabled={mutation.isPending}>
          {t('case.propose')}
        </button>
      </form>
    </details>
  );
}
