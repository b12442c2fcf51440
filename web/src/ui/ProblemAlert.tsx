import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/http';

interface ProblemAlertProps {
  error: unknown;
  /** Paths the form shows beside its fields; other field errors are listed here. */
  fieldPaths?: readonly string[];
}

/** Explains a refusal: the translated error code, the server's detail, and field problems. */
export function ProblemAlert({ error, fieldPaths = [] }: ProblemAlertProps) {
  const { t } = useTranslation();
  if (!error) return null;
  const problem = error instanceof ApiError ? error.problem : undefined;
  const code = problem?.code ?? 'INTERNAL';
  const detail = problem ? problem.detail : error instanceof Error ? error.message : String(error);
  const fieldLabel = (path: string) => {
    const name = path.split('.').filter((part) => part && !/^\d+$/.test(part)).pop();
    return name ? t(`fields.${name}`, { defaultValue: path }) : '—';
  };
  const unshown = (problem?.errors ?? []).filter((e) => !fieldPaths.includes(e.path));
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
                <strong>{fieldLabel(e.path)}</strong>: {e.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {problem?.requestId && <p className="alert__meta">ID: {problem.requestId}</p>}
    </div>
  );
}
