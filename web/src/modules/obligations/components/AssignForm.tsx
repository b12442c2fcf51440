import { ASSIGNMENT_HOLDERS } from '@kampung/domain/access';
import { ASSIGNMENT_ROLES, type AssignmentRole } from '@kampung/domain/program-policy';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/http';
import { fieldErrorsFromProblem, type FieldErrors } from '../../../lib/validation';
import { Field } from '../../../ui/Field';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { obligationQueries } from '../api/obligations.queries';
import { useAssign } from '../hooks/useObligationMutations';
import { FormActions } from '../../../ui/FormActions';

const FIELD_PATHS = ['userId', 'role', 'lead'];

/** Assigns a user to the case in a role, as lead ("Utama") or backup: the position first, then the
 * people who may hold it. The server may refuse. */
export function AssignForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const prefix = useId();
  const users = useQuery(obligationQueries.users());
  const [userId, setUserId] = useState('');
  const [role, setRole] = useState<AssignmentRole>('MENTOR');
  const [lead, setLead] = useState(true);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const mutation = useAssign(caseId);
  const problem = mutation.error instanceof ApiError ? mutation.error.problem : undefined;
  const errors = clientErrors ?? fieldErrorsFromProblem(problem?.errors);

  function submit(event: FormEvent) {
    event.preventDefault();
    setDone(null);
    if (!userId) {
      mutation.reset();
      setClientErrors({ userId: t('validation.choose') });
      return;
    }
    setClientErrors(null);
    mutation.mutate(
      { userId, role, lead },
      {
        onSuccess: (assignment) => {
          setDone(assignment.user.name);
          setUserId('');
        },
      },
    );
  }

  const id = (name: string) => `${prefix}-${name}`;
  // Only the people whose role may hold the position (ASSIGNMENT_HOLDERS).
  const holdersOf = (position: AssignmentRole) =>
    (users.data ?? []).filter((u) => (ASSIGNMENT_HOLDERS[position] as readonly string[]).includes(u.role));
  const holders = users.data ? holdersOf(role) : undefined;
  return (
    <form className="form assign-form" onSubmit={submit} noValidate aria-label={t('team.assignHeading')}>
      <h3>{t('team.assignHeading')}</h3>
      {done && (
        <p className="alert alert--success" role="status">
          {t('team.assigned', { name: done })}
        </p>
      )}
      <ProblemAlert error={mutation.error ?? users.error} fieldPaths={FIELD_PATHS} />
      <Field id={id('role')} label={t('fields.role')} required error={errors.role}>
        {(control) => (
          <select
            {...control}
            value={role}
            onChange={(e) => {
              const next = e.target.value as AssignmentRole;
              setRole(next);
              // The chosen person stays when they may hold the new position too.
              if (!holdersOf(next).some((u) => u.id === userId)) setUserId('');
            }}
          >
            {ASSIGNMENT_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={id('user')} label={t('fields.userId')} required error={errors.userId}>
        {(control) => (
          <select {...control} value={userId} onChange={(e) => setUserId(e.target.value)} disabled={users.isPending}>
            <option value="">{users.isPending ? t('app.loading') : t('form.choose')}</option>
            {holders?.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <label className="checkbox" htmlFor={id('lead')}>
        <input id={id('lead')} type="checkbox" checked={lead} onChange={(e) => setLead(e.target.checked)} />
        {t('fields.lead')}
      </label>
      {errors.lead && <p className="field__error">{errors.lead}</p>}
      <FormActions pending={mutation.isPending} submitLabel={t('team.assign')} pendingLabel={t('case.submitting')} />
    </form>
  );
}
