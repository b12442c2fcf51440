import { USER_ROLES, type UserRole } from '@kampung/domain/access';
import { userChangeSchema, userInviteSchema, type UserAccount, type UserChange, type UserInvite } from '@kampung/domain/accounts';
import type { Program } from '@kampung/domain/program';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/http';
import { fieldErrorsFromIssues, type FieldErrors } from '../../../lib/validation';
import { Field } from '../../../ui/Field';
import { FormActions } from '../../../ui/FormActions';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { draftOf, EMPTY_DRAFT, toChange, toInvite, type AccountDraft } from '../account-draft';
import { ScopeFields } from './ScopeFields';

/** The fields errors are shown beside (an API path's first part: `kecamatanCodes.3` → `kecamatanCodes`). */
const FIELD_PATHS = ['email', 'name', 'role', 'programCodes', 'kecamatanCodes', 'agencyCode'];
const fieldOf = (path: string) => path.split('.')[0] ?? path;

interface CommonProps {
  label: string;
  /** The programs the admin may give: all of them, or the admin's own. */
  programs: readonly Program[];
  /** The admin is limited to some programs: an account must be limited to (some of) them too. */
  limited: boolean;
  submitLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The server's refusal: a taken email shows beside the email; field problems beside their fields. */
  error: unknown;
  onCancel: () => void;
  /** Clears the server's refusal once the form is edited. */
  onEdit?: () => void;
}

type AccountFormProps = CommonProps &
  (
    | { mode: 'invite'; onSubmit: (invite: UserInvite) => void }
    | { mode: 'edit'; account: UserAccount; /** The admin's own account: its role stays. */ self: boolean; onSubmit: (change: UserChange) => void }
  );

/** Invites a colleague (email, name, role, scope), or changes an account's name, role and scope.
 * Checked here with the API's own schemas, so problems show beside their fields in the user's
 * language before anything is sent. */
export function AccountForm(props: AccountFormProps) {
  const { label, programs, limited, submitLabel, pendingLabel, pending, error, onCancel, onEdit } = props;
  const { t } = useTranslation();
  const prefix = useId();
  const [draft, setDraft] = useState<AccountDraft>(props.mode === 'edit' ? draftOf(props.account) : EMPTY_DRAFT);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const problem = error instanceof ApiError ? error.problem : undefined;
  const serverErrors: FieldErrors = {};
  for (const e of problem?.errors ?? []) {
    const field = fieldOf(e.path);
    if (FIELD_PATHS.includes(field)) serverErrors[field] ??= problem?.code === 'CONFLICT' && field === 'email' ? t('users.errors.emailTaken') : t('users.errors.server');
  }
  const errors = clientErrors ?? serverErrors;
  // A taken email is told beside the field alone; any other refusal also in the alert.
  const alertError = problem?.code === 'CONFLICT' && serverErrors.email ? null : error;
  const self = props.mode === 'edit' && props.self;

  function change(changes: Partial<AccountDraft>) {
    setDraft((d) => ({ ...d, ...changes }));
    setClientErrors(null);
    onEdit?.();
  }

  function check(issues: Parameters<typeof fieldErrorsFromIssues>[0]): FieldErrors {
    const found: FieldErrors = {};
    for (const [path, message] of Object.entries(fieldErrorsFromIssues(issues, t))) found[fieldOf(path)] ??= message;
    if (draft.role === 'AGENCY_STAFF' && !draft.agencyCode.trim()) found.agencyCode ??= t('users.errors.agencyRequired');
    if (limited && draft.programCodes.length === 0) found.programCodes ??= t('users.errors.programRequired');
    return found;
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (props.mode === 'invite') {
      const parsed = userInviteSchema.safeParse(toInvite(draft));
      if (valid(parsed.success ? [] : parsed.error.issues) && parsed.success) props.onSubmit(parsed.data);
    } else {
      const parsed = userChangeSchema.safeParse(toChange(draft, props.account));
      if (valid(parsed.success ? [] : parsed.error.issues) && parsed.success) props.onSubmit(parsed.data);
    }
  }

  /** Shows what is wrong beside each field; true when nothing is. */
  function valid(issues: Parameters<typeof fieldErrorsFromIssues>[0]): boolean {
    const found = check(issues);
    const ok = Object.keys(found).length === 0;
    setClientErrors(ok ? null : found);
    return ok;
  }

  const id = (name: string) => `${prefix}-${name}`;
  return (
    <form className="form inline-form account-form" onSubmit={submit} noValidate aria-label={label}>
      <h3>{label}</h3>
      {clientErrors && Object.keys(clientErrors).length > 0 && (
        <p className="alert alert--error" role="alert">
          {t('validation.fixFields')}
        </p>
      )}
      <ProblemAlert error={alertError} fieldPaths={problem?.errors?.map((e) => e.path).filter((p) => FIELD_PATHS.includes(fieldOf(p)))} />
      {props.mode === 'invite' && (
        <Field id={id('email')} label={t('users.fields.email')} required hint={t('users.hints.email')} error={errors.email}>
          {(control) => (
            <input {...control} type="email" inputMode="email" autoComplete="off" value={draft.email} onChange={(e) => change({ email: e.target.value })} />
          )}
        </Field>
      )}
      <Field id={id('name')} label={t('users.fields.name')} required error={errors.name}>
        {(control) => <input {...control} type="text" autoComplete="off" value={draft.name} onChange={(e) => change({ name: e.target.value })} />}
      </Field>
      <Field
        id={id('role')}
        label={t('users.fields.role')}
        required
        hint={self ? t('users.ownRole') : draft.role ? t(`userRoleHints.${draft.role}`) : undefined}
        error={errors.role}
      >
        {(control) => (
          <select {...control} value={draft.role} disabled={self} onChange={(e) => change({ role: e.target.value as UserRole | '' })}>
            <option value="">{t('form.choose')}</option>
            {USER_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`userRoles.${role}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {draft.role === 'AGENCY_STAFF' && (
        <Field id={id('agency')} label={t('users.fields.agencyCode')} required hint={t('users.hints.agencyCode')} error={errors.agencyCode}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              autoCapitalize="characters"
              maxLength={60}
              value={draft.agencyCode}
              onChange={(e) => change({ agencyCode: e.target.value })}
            />
          )}
        </Field>
      )}
      <ScopeFields
        idPrefix={id('scope')}
        programs={programs}
        value={{ programCodes: draft.programCodes, kecamatanCodes: draft.kecamatanCodes }}
        programsHint={limited ? t('users.hints.programsLimited') : t('users.hints.programs')}
        errors={{ programCodes: errors.programCodes, kecamatanCodes: errors.kecamatanCodes }}
        onChange={(scope) => change(scope)}
      />
      <FormActions pending={pending} submitLabel={submitLabel} pendingLabel={pendingLabel} cancel={{ label: t('case.cancel'), onClick: onCancel }} />
    </form>
  );
}
