import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/http';
import { fieldProblemText } from '../lib/validation';

interface ProblemAlertProps {
  error: unknown;
  /** Paths the form shows beside its fields; other field errors are listed here. */
  fieldPaths?: readonly string[];
}

/** Explains a refusal in the reader's language: the message of its stable error code, and the field
 * problems. The server's English detail is shown to English readers only; a failure of the server
 * carries a small help code (the request id) to quote to support. */
export function ProblemAlert({ error, fieldPaths = [] }: ProblemAlertProps) {
  const { t, i18n } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  const code = problem?.code ?? 'INTERNAL';
  const english = i18n.language === 'en';
  const detail = !english ? undefined : problem ? problem.detail : error instanceof Error ? error.message : String(error);
  const fieldLabel = (path: string) => {
    const name = path.split('.').filter((part) => part && !/^\d+$/.test(part)).pop();
    return name ? t(`fields.${name}`, { defaultValue: english ? path : t('errors.field') }) : '—';
  };
  const unshown = (problem?.errors ?? []).filter((e) => !fieldPaths.includes(e.path));
  const helpCode = problem?.requestId && problem.status >= 500 ? problem.requestId : undefined;
  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">{t(`errors.${code}`)}</p>
      {detail && <p className="alert__detail">{detail}</p>}
      {unshown.length > 0 && (
        <>
          <p>{t('errors.fieldList')}</p>
          <ul>
            {unshown.map((e) => (
              <li key={`${e.path}:${e.message}`}>
                <strong>{fieldLabel(e.path)}</strong>: {fieldProblemText(e, t, i18n.language)}
              </li>
            ))}
          </ul>
        </>
      )}
      {helpCode && <p className="alert__meta">{t('errors.helpCode', { code: helpCode })}</p>}
    </div>
  );
}
