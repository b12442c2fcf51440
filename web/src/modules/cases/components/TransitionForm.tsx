import { reasonRequired, transitionDataSchema, z, type Stage } from '@kampung/domain';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/http';
import { fieldErrorsFromIssues, fieldErrorsFromProblem, type FieldErrors } from '../../../lib/validation';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { ObjectFields } from '../../../ui/schema-form/SchemaFields';
import { initialValue, schemaPaths, toPayload, type FormObject, type JsonSchema } from '../../../ui/schema-form/json-schema';
import { useTransitionCase } from '../hooks/useCaseMutations';
import { ReasonField } from './ReasonField';
import { FormActions } from '../../../ui/FormActions';

interface TransitionFormProps {
  caseId: string;
  from: Stage;
  to: Stage;
  onDone: (to: Stage) => void;
  onCancel: () => void;
}

/** The form of one move, drawn from the JSON Schema of the data that move carries. */
export function TransitionForm({ caseId, from, to, onDone, onCancel }: TransitionFormProps) {
  const { t } = useTranslation();
  const schema = transitionDataSchema(from, to);
  const jsonSchema = useMemo(() => z.toJSONSchema(schema, { io: 'input' }) as JsonSchema, [schema]);
  const [data, setData] = useState(() => initialValue(jsonSchema) as FormObject);
  const [reason, setReason] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const mutation = useTransitionCase(caseId);
  const needsReason = reasonRequired(from, to);
  const problem = mutation.error instanceof ApiError ? mutation.error.problem : undefined;
  const errors = clientErrors ?? fieldErrorsFromProblem(problem?.errors);
  const fieldPaths = [...schemaPaths(jsonSchema, data, 'data').slice(1), 'reason'];
  const hasFields = Object.keys(jsonSchema.properties ?? {}).length > 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    const payload = toPayload(jsonSchema, data);
    const parsed = schema.safeParse(payload);
    const found = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues, t, 'data');
    if (needsReason && !reason.trim()) found.reason = t('validation.required');
    if (Object.keys(found).length > 0) {
      mutation.reset();
      setClientErrors(found);
      return;
    }
    setClientErrors(null);
    mutation.mutate({ to, reason: reason.trim() || undefined, data: payload as Record<string, unknown> }, { onSuccess: () => onDone(to) });
  }

  return (
    <form id="transition-form" className="form transition-form" onSubmit={submit} noValidate>
      <h3>{t('case.moveToHeading', { stage: t(`stages.${to}`) })}</h3>
      {clientErrors && (
        <p className="alert alert--error" role="alert">
          {t('validation.fixFields')}
        </p>
      )}
      <ProblemAlert error={mutation.error} fieldPaths={fieldPaths} />
      {hasFields ? (
        <ObjectFields schema={jsonSchema} value={data} onChange={setData} path="data" errors={errors} idPrefix="step-" />
      ) : (
        <p className="field__hint">{t('form.noData')}</p>
      )}
      <ReasonField id="step-reason" value={reason} onChange={setReason} required={needsReason} error={errors.reason} />
      <FormActions pending={mutation.isPending} submitLabel={t('case.submit')} pendingLabel={t('case.submitting')} cancel={{ label: t('case.cancel'), onClick: onCancel }} />
    </form>
  );
}
