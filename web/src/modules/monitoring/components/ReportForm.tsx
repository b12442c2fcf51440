import { monitoringReportRequestSchema, type MonitoringReport } from '@kampung/domain/obligation';
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber, formatPeriod, formatRupiah } from '../../../lib/format';
import { ApiError } from '../../../lib/http';
import { fieldErrorsFromIssues, fieldErrorsFromProblem, type FieldErrors } from '../../../lib/validation';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { Confirmation } from '../../../ui/Confirmation';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { isQueued } from '../../offline/offline-writes';
import { referenceKeys } from '../../reference/api/reference.queries';
import { useSubmitReport } from '../hooks/useSubmitReport';
import { currentMonthWib, isMonth, periodProblemText } from './report-period';

const FIELD_PATHS = ['period', 'progressPercent', 'budgetRealised', 'problems', 'explanation'];

interface ReportFormProps {
  caseId: string;
  programCode: string;
  /** The period of the case's oldest open report obligation, if any: the form starts with it. */
  defaultPeriod: string | undefined;
  /** The program's target (percent); below it a report is red and must be explained. */
  targetPercent: number | undefined;
}

/** "Kirim laporan monitoring": the month, physical progress, budget realised and problems; below
 * the program's target the report is red and the explanation becomes required. */
export function ReportForm({ caseId, programCode, defaultPeriod, targetPercent }: ReportFormProps) {
  const { t, i18n } = useTranslation();
  const prefix = useId();
  const queryClient = useQueryClient();
  // The period follows the open obligation until the user picks one (the obligations load later).
  const [chosenPeriod, setChosenPeriod] = useState<string | null>(null);
  const [progress, setProgress] = useState('');
  const [budget, setBudget] = useState('');
  const [problems, setProblems] = useState('');
  const [explanation, setExplanation] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [saved, setSaved] = useState<MonitoringReport | null>(null);
  const [savedOnDevice, setSavedOnDevice] = useState(false);
  const mutation = useSubmitReport(caseId);
  const problem = mutation.error instanceof ApiError ? mutation.error.problem : undefined;
  const serverErrors = fieldErrorsFromProblem(problem?.errors);
  if (serverErrors.explanation) serverErrors.explanation = t('monitoring.explanationRequiredServer');
  if (serverErrors.period) serverErrors.period = periodProblemText(serverErrors.period, t);
  const errors = clientErrors ?? serverErrors;

  const period = chosenPeriod ?? defaultPeriod ?? '';
  const monthInput = period === '' || isMonth(period);
  const progressValue = progress.trim() === '' ? undefined : Number(progress);
  const budgetValue = budget.trim() === '' ? undefined : Number(budget);
  // Below the target: the progress shown in the hint and the target the explanation answers to.
  const below =
    targetPercent !== undefined && progressValue !== undefined && progressValue < targetPercent
      ? { progress: progressValue, target: targetPercent }
      : undefined;
  const number = (value: number) => formatNumber(value, i18n.language);

  function reset() {
    setChosenPeriod(null);
    setProgress('');
    setBudget('');
    setProblems('');
    setExplanation('');
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(null);
    setSavedOnDevice(false);
    const payload = {
      period,
      progressPercent: progressValue,
      budgetRealised: budgetValue,
      problems: problems.trim(),
      explanation: explanation.trim() || undefined,
    };
    const parsed = monitoringReportRequestSchema.safeParse(payload);
    const found = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues, t);
    if (!period) found.period = t('validation.required');
    else if (isMonth(period) && period > currentMonthWib()) found.period = t('monitoring.futurePeriod');
    if (below && !payload.explanation) found.explanation = t('monitoring.explanationRequired', { target: number(below.target) });
    if (!parsed.success || Object.keys(found).length > 0) {
      mutation.reset();
      setClientErrors(found);
      return;
    }
    setClientErrors(null);
    mutation.mutate(parsed.data, {
      onSuccess: (report) => {
        if (isQueued(report)) setSavedOnDevice(true);
        else setSaved(report);
        reset();
      },
      onError: (error) => {
        // Refused as red while this page thought otherwise: the target has changed, so fetch it again.
        if (error instanceof ApiError && error.problem.errors?.some((e) => e.path === 'explanation')) {
          void queryClient.invalidateQueries({ queryKey: referenceKeys.policy(programCode) });
        }
      },
    });
  }

  const id = (name: string) => `${prefix}-${name}`;
  const explanationHint =
    targetPercent === undefined
      ? t('monitoring.explanationHintUnknown')
      : below
        ? t('monitoring.explanationHintBelow', { progress: number(below.progress), target: number(below.target) })
        : t('monitoring.explanationHint', { target: number(targetPercent) });
  return (
    <form className="form report-form" onSubmit={submit} noValidate aria-label={t('monitoring.formHeading')}>
      <h3>{t('monitoring.formHeading')}</h3>
      {saved && (
        // In view and announced (issue 14, defect 1: on a phone it lay 362 px above the screen).
        <Confirmation key={saved.period} tone={saved.red ? 'warning' : 'success'} testId="report-saved">
          {t('monitoring.saved', { period: formatPeriod(saved.period, i18n.language) })}{' '}
          {saved.red && t('monitoring.savedRed', { target: number(saved.targetPercent) })}
        </Confirmation>
      )}
      {clientErrors && (
        <p className="alert alert--error" role="alert">
          {t('validation.fixFields')}
        </p>
      )}
      <ProblemAlert error={mutation.error} fieldPaths={FIELD_PATHS} />
      <Field
        id={id('period')}
        label={t('fields.period')}
        required
        hint={defaultPeriod ? t('monitoring.periodHintObligation', { period: formatPeriod(defaultPeriod, i18n.language) }) : t('monitoring.periodHint')}
        error={errors.period}
      >
        {(control) =>
          monthInput ? (
            <input
              {...control}
              type="month"
              placeholder="YYYY-MM"
              max={currentMonthWib()}
              value={period}
              onChange={(e) => setChosenPeriod(e.target.value)}
            />
          ) : (
            <input {...control} type="text" value={period} onChange={(e) => setChosenPeriod(e.target.value)} />
          )
        }
      </Field>
      <Field
        id={id('progress')}
        label={t('fields.progressPercent')}
        required
        hint={targetPercent === undefined ? undefined : t('monitoring.targetHint', { target: number(targetPercent) })}
        error={errors.progressPercent}
      >
        {(control) => (
          <input
            {...control}
            type="number"
            inputMode="decimal"
            min={0}
            max={100}
            step="any"
            value={progress}
            onChange={(e) => setProgress(e.target.value)}
          />
        )}
      </Field>
      <Field
        id={id('budget')}
        label={t('fields.budgetRealised')}
        required
        hint={budgetValue !== undefined && Number.isFinite(budgetValue) ? formatRupiah(budgetValue, i18n.language) : t('monitoring.budgetHint')}
        error={errors.budgetRealised}
      >
        {(control) => (
          <input {...control} type="number" inputMode="numeric" min={0} step={1} value={budget} onChange={(e) => setBudget(e.target.value)} />
        )}
      </Field>
      <Field id={id('problems')} label={t('fields.problems')} hint={t('monitoring.problemsHint')} error={errors.problems}>
        {(control) => <textarea {...control} rows={3} maxLength={4000} value={problems} onChange={(e) => setProblems(e.target.value)} />}
      </Field>
      <Field id={id('explanation')} label={t('fields.explanation')} required={Boolean(below)} hint={explanationHint} error={errors.explanation}>
        {(control) => (
          <textarea {...control} rows={3} maxLength={4000} value={explanation} onChange={(e) => setExplanation(e.target.value)} />
        )}
      </Field>
      {savedOnDevice && (
        <Confirmation tone="warning" testId="saved-on-device">
          {t('offline.savedOnDevice')}
        </Confirmation>
      )}
      <FormActions pending={mutation.isPending} submitLabel={t('monitoring.submit')} pendingLabel={t('case.submitting')} />
    </form>
  );
}
