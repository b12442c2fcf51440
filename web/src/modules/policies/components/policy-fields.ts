import { ASSIGNMENT_ROLES, programPolicySchema, type ProgramPolicy } from '@kampung/domain/program-policy';
import { FORWARD_CHAIN, type ChainStage } from '@kampung/domain/stages';
import type { TFunction } from 'i18next';
import { isoDurationSchema } from '@kampung/domain/duration';
import { parseIsoDuration } from '../../../lib/duration';
import { fieldErrorsFromIssues, type FieldErrors } from '../../../lib/validation';

/** One value of a policy, named by its path in the API's terms (`visitCadence.MENTOR`, `reminderLead`). */
export interface PolicyField {
  path: string;
  kind: 'duration' | 'percent' | 'score';
  /** A role or stage may have no value (no visits, no stage limit). */
  optional?: boolean;
  /** The label's key, or for a role or stage the role's or stage's name. */
  label: { key: string } | { role: string } | { stage: ChainStage };
  /** What the value means (`policies.hints.…`); roles and stages share their section's. */
  hintKey?: string;
}

export interface PolicySection {
  id: 'visits' | 'deadlines' | 'monitoring' | 'evaluation' | 'stages';
  fields: PolicyField[];
}

/** The policy's own durations (roles and stages have theirs under `visitCadence` and `stageMaxDuration`). */
const DURATIONS: readonly string[] = [
  'reminderLead',
  'visitGrace',
  'escalationDelay',
  'monitoringReportPeriod',
  'monitoringReportDueAfter',
  'evaluationInterval',
  'graduatedMonitoringCadence',
];

const own = (path: string, kind: PolicyField['kind'] = 'duration'): PolicyField => {
  const name = path.split('.').at(-1)!;
  return { path, kind, label: { key: `policies.fields.${name}` }, hintKey: `policies.hints.${name}` };
};

/** Stage limits shown: every stage up to evaluation, and GRADUATED only when a policy has one. */
export function policyStages(policy: ProgramPolicy): ChainStage[] {
  return FORWARD_CHAIN.filter((stage) => stage !== 'GRADUATED' || policy.stageMaxDuration.GRADUATED !== undefined);
}

/** Every value of a policy, grouped as the page shows and edits them. */
export function policySections(policy: ProgramPolicy): PolicySection[] {
  return [
    {
      id: 'visits',
      fields: ASSIGNMENT_ROLES.map((role) => ({ path: `visitCadence.${role}`, kind: 'duration', optional: true, label: { role } })),
    },
    { id: 'deadlines', fields: [own('reminderLead'), own('visitGrace'), own('escalationDelay')] },
    {
      id: 'monitoring',
      fields: [
        own('monitoringReportPeriod'),
        own('monitoringReportDueAfter'),
        own('monitoringTargetPercent', 'percent'),
        own('graduatedMonitoringCadence'),
      ],
    },
    {
      id: 'evaluation',
      fields: [
        own('evaluationInterval'),
        own('ratingClasses.baikMin', 'score'),
        own('ratingClasses.sedangMin', 'score'),
      ],
    },
    {
      id: 'stages',
      fields: policyStages(policy).map((stage) => ({ path: `stageMaxDuration.${stage}`, kind: 'duration', optional: true, label: { stage } })),
    },
  ];
}

export function fieldLabel(field: PolicyField, t: TFunction): string {
  if ('role' in field.label) return t(`roles.${field.label.role}`);
  if ('stage' in field.label) return t(`stages.${field.label.stage}`);
  return t(field.label.key);
}

/** The value at a path (`ratingClasses.baikMin`), or undefined when the policy has none. */
export function valueAt(policy: ProgramPolicy, path: string): string | number | undefined {
  let node: unknown = policy;
  for (const part of path.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' || typeof node === 'number' ? node : undefined;
}

/** The form's text of every value, by path. */
export type PolicyFormValues = Record<string, string>;

export function toFormValues(policy: ProgramPolicy): PolicyFormValues {
  const values: PolicyFormValues = {};
  for (const section of policySections(policy)) {
    for (const field of section.fields) values[field.path] = String(valueAt(policy, field.path) ?? '');
  }
  return values;
}

function numberOrUndefined(text: string | undefined): number | undefined {
  const trimmed = (text ?? '').trim();
  return trimmed === '' ? undefined : Number(trimmed);
}

/** The policy the form describes; a role or stage left empty has no value. */
export function toPolicyInput(values: PolicyFormValues, base: ProgramPolicy): Record<string, unknown> {
  const entries = (prefix: string) =>
    Object.fromEntries(
      Object.entries(values)
        .filter(([path, value]) => path.startsWith(`${prefix}.`) && value.trim() !== '')
        .map(([path, value]) => [path.slice(prefix.length + 1), value.trim()]),
    );
  const text = (path: string) => (values[path] ?? '').trim();
  return {
    visitCadence: entries('visitCadence'),
    reminderLead: text('reminderLead'),
    visitGrace: text('visitGrace'),
    escalationDelay: text('escalationDelay'),
    monitoringReportPeriod: text('monitoringReportPeriod'),
    monitoringReportDueAfter: text('monitoringReportDueAfter'),
    monitoringTargetPercent: numberOrUndefined(values.monitoringTargetPercent),
    evaluationInterval: text('evaluationInterval'),
    ratingClasses: { baikMin: numberOrUndefined(values['ratingClasses.baikMin']), sedangMin: numberOrUndefined(values['ratingClasses.sedangMin']) },
    // Stages the form does not show keep their value.
    stageMaxDuration: { ...notIn(values, 'stageMaxDuration', base.stageMaxDuration), ...entries('stageMaxDuration') },
    graduatedMonitoringCadence: text('graduatedMonitoringCadence'),
  };
}

/** The entries of `record` the form has no field for (`prefix.key` absent from the values). */
function notIn(values: PolicyFormValues, prefix: string, record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !(`${prefix}.${key}` in values)));
}

/** Whether a path names a duration: a role's visit cadence, a stage limit or one of the policy's own. */
/** Whether a policy duration is acceptable: positive by the domain's own rule (what the API checks),
 * and written as one whole ISO-8601 duration (the API's parser would also take `P14Dx`). */
export function isPolicyDuration(value: string): boolean {
  return parseIsoDuration(value) !== null && isoDurationSchema.safeParse(value).success;
}

export function isDurationPath(path: string): boolean {
  return path.startsWith('visitCadence.') || path.startsWith('stageMaxDuration.') || DURATIONS.includes(path);
}

/** Checks the form with the domain's schema (what the API checks) and translates the problems; a
 * duration must also be one whole ISO-8601 duration. Returns the policy to send when it is valid. */
export function validatePolicy(values: PolicyFormValues, base: ProgramPolicy, t: TFunction): { policy?: ProgramPolicy; errors: FieldErrors } {
  const parsed = programPolicySchema.safeParse(toPolicyInput(values, base));
  const errors: FieldErrors = parsed.success ? {} : fieldErrorsFromIssues(parsed.error.issues, t);
  if (!parsed.success && parsed.error.issues.some((i) => i.code === 'custom' && i.path.join('.') === 'ratingClasses.baikMin')) {
    errors['ratingClasses.baikMin'] = t('policies.baikAboveSedang');
  }
  for (const [path, value] of Object.entries(values)) {
    if (!isDurationPath(path)) continue;
    const text = value.trim();
    if (text === '') {
      if (!path.startsWith('visitCadence.') && !path.startsWith('stageMaxDuration.')) errors[path] = t('validation.required');
    } else if (!isPolicyDuration(text)) {
      errors[path] = t('policies.invalidDuration');
    } else {
      delete errors[path];
    }
  }
  const ok = parsed.success && Object.keys(errors).length === 0;
  return { policy: ok ? parsed.data : undefined, errors };
}

/** A field error the API sent, in the user's language where the form knows the rule; `otherwise`
 * (the general wording of the problem) where it does not. */
export function serverFieldMessage(path: string, message: string, t: TFunction, otherwise = message): string {
  if (isDurationPath(path)) return t('policies.invalidDuration');
  if (path === 'ratingClasses.baikMin' && /sedangMin/.test(message)) return t('policies.baikAboveSedang');
  return otherwise;
}
