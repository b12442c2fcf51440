import { caseProposalSchema } from '@kampung/domain/case-proposal';
import { useState, type FormEvent, type HTMLInputTypeAttribute } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { ApiError } from '../../../lib/http';
import { fieldErrorsFromIssues, fieldErrorsFromProblem, type FieldErrors } from '../../../lib/validation';
import { Field } from '../../../ui/Field';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useCreateCase } from '../hooks/useCaseMutations';
import { EMPTY_DRAFT, API_PATHS, errorFor, isShownPath, toProposal, type DraftField, type ProposalDraft } from './proposal-draft';
import { RegionFields } from './RegionFields';
import { FormActions } from '../../../ui/FormActions';

export function ProposalForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [draft, setDraft] = useState<ProposalDraft>(EMPTY_DRAFT);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const mutation = useCreateCase();
  const problem = mutation.error instanceof ApiError ? mutation.error.problem : undefined;
  const errors = clientErrors ?? fieldErrorsFromProblem(problem?.errors);
  const fieldPaths = (problem?.errors ?? []).map((e) => e.path).filter(isShownPath);
  const change = (changes: Partial<ProposalDraft>) => setDraft((d) => ({ ...d, ...changes }));
  const errorOf = (field: DraftField) => errorFor(errors, field);

  function submit(event: FormEvent) {
    event.preventDefault();
    const proposal = toProposal(draft);
    const parsed = caseProposalSchema.safeParse(proposal);
    const found = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues, t);
    if (!draft.kecamatanCode) found[API_PATHS.kecamatanCode] = t('validation.choose');
    if (Object.keys(found).length > 0) {
      mutation.reset();
      setClientErrors(found);
      return;
    }
    setClientErrors(null);
    // The case page confirms it (the state says it was just proposed).
    mutation.mutate(proposal, { onSuccess: (created) => navigate(`/cases/${created.id}`, { state: { proposed: true } }) });
  }

  const input = (field: DraftField, type: HTMLInputTypeAttribute = 'text', label = t(`fields.${field}`), hint?: string) => (
    <Field id={`proposal-${field}`} label={label} required hint={hint} error={errorOf(field)}>
      {(control) => (
        <input
          {...control}
          type={type}
          inputMode={type === 'number' ? 'numeric' : undefined}
          min={type === 'number' ? 0 : undefined}
          value={draft[field]}
          onChange={(e) => change({ [field]: e.target.value })}
        />
      )}
    </Field>
  );
  const lines = (field: 'potentials' | 'problems') => (
    <Field id={`proposal-${field}`} label={t(`fields.${field}`)} hint={t('proposal.onePerLine')} error={errorOf(field)}>
      {(control) => <textarea {...control} rows={4} value={draft[field]} onChange={(e) => change({ [field]: e.target.value })} />}
    </Field>
  );

  return (
    <form className="form proposal-form" onSubmit={submit} noValidate>
      {clientErrors && (
        <p className="alert alert--error" role="alert">
          {t('validation.fixFields')}
        </p>
      )}
      <ProblemAlert error={mutation.error} fieldPaths={fieldPaths} />
      <fieldset className="fieldset">
        <legend>{t('proposal.place')}</legend>
        <RegionFields draft={draft} onChange={change} errorOf={errorOf} />
        {input('rw', 'text', t('fields.rw'), t('validation.rw'))}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('proposal.kampung')}</legend>
        {input('name')}
        {input('theme')}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('proposal.profile')}</legend>
        {input('households', 'number')}
        {input('poorHouseholds', 'number')}
        {lines('potentials')}
        {lines('problems')}
      </fieldset>
      <fieldset className="fieldset">
        <legend>{t('proposal.proposer')}</legend>
        {input('proposerName', 'text', t('proposal.proposerName'))}
        {input('organisation')}
      </fieldset>
      <FormActions pending={mutation.isPending} submitLabel={t('proposal.submit')} pendingLabel={t('proposal.submitting')} cancel={{ label: t('proposal.cancel'), onClick: () => navigate('/') }} />
    </form>
  );
}
