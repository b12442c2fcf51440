import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../../lib/http';
import { fieldProblemText } from '../../../lib/validation';
import { Field } from '../../../ui/Field';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { formatAgingDays, parseAgingDays } from '../aging-days';
import { dashboardQueries } from '../api/dashboard.queries';
import { useSaveDashboardSettings } from '../hooks/useSaveDashboardSettings';

const FIELD = 'stalledAgingDays';

/** Admins: the edges of the stalled-case aging buckets, as comma-separated days. Checked as the
 * API checks them before sending; the API's own refusal shows beside the field too. */
export function AgingSettingsForm() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const settings = useQuery(dashboardQueries.settings());
  const save = useSaveDashboardSettings();
  const [text, setText] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const [saved, setSaved] = useState(false);

  const current = settings.data ? formatAgingDays(settings.data.stalledAgingDays) : '';
  const value = text ?? current;
  const parsed = parseAgingDays(value);
  const problem = save.error instanceof ApiError ? save.error.problem : undefined;
  const serverErrors = (problem?.errors ?? []).filter((e) => e.path === FIELD || e.path.startsWith(`${FIELD}.`));
  const error =
    (submitted && !parsed.ok ? t(`dashboard.settings.errors.${parsed.error}`) : undefined) ??
    (serverErrors.length > 0 ? t('dashboard.settings.errors.server', { message: serverErrors.map((e) => fieldProblemText(e, t, i18n.language)).join('; ') }) : undefined);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setSaved(false);
    if (!parsed.ok) {
      save.reset();
      return;
    }
    save.mutate(
      { stalledAgingDays: parsed.days },
      {
        onSuccess: () => {
          setText(null);
          setSubmitted(false);
          setSaved(true);
        },
      },
    );
  }

  return (
    <details className="dash-settings">
      <summary>{t('dashboard.settings.open')}</summary>
      <form className="form" onSubmit={submit} noValidate aria-label={t('dashboard.settings.heading')}>
        <ProblemAlert error={settings.error} />
        <ProblemAlert error={save.error} fieldPaths={serverErrors.map((e) => e.path)} />
        {saved && (
          <p className="alert alert--success" role="status">
            {t('dashboard.settings.saved')}
          </p>
        )}
        <Field id={`${id}-days`} label={t('dashboard.settings.field')} required hint={t('dashboard.settings.hint')} error={error}>
          {(control) => (
            <input
              {...control}
              type="text"
              autoComplete="off"
              value={value}
              disabled={!settings.data}
              onChange={(e) => {
                setText(e.target.value);
                setSaved(false);
                if (save.error) save.reset();
              }}
            />
          )}
        </Field>
        <div className="form__actions">
          <button type="submit" className="button button--primary" disabled={save.isPending || !settings.data}>
            {save.isPending ? t('dashboard.settings.saving') : t('dashboard.settings.save')}
          </button>
        </div>
      </form>
    </details>
  );
}
