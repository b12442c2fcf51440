import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTimeWib, formatNumber } from '../../../lib/format';
import { Loading } from '../../../ui/Loading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import type { HouseholdImportView } from '../api/households.api';
import { householdKeys, householdQueries, importRunning } from '../api/households.queries';
import { useCancelImport } from '../hooks/useCancelImport';
import { importProblemText } from '../import-problems';
import { ImportStatusBadge } from './ImportStatusBadge';

/** One import as it runs and ends: a progress bar while its rows are checked and written (asked
 * again every second), then the counts, or, when refused, every problem by line and column. */
export function ImportStatus({ importId }: { importId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const queryClient = useQueryClient();
  const query = useQuery(householdQueries.import(importId));
  const view = query.data;
  const finished = view !== undefined && !importRunning(view);
  // Once it ends, the households and the recent imports show what it did.
  useEffect(() => {
    if (!finished) return;
    void Promise.all([
      queryClient.invalidateQueries({ queryKey: householdKeys.lists() }),
      queryClient.invalidateQueries({ queryKey: householdKeys.imports(), exact: true }),
    ]);
  }, [finished, queryClient]);
  return (
    <section className="card import-status" aria-labelledby={headingId} data-testid="import-status" data-status={view?.status}>
      <h2 id={headingId}>{view ? t('householdImport.statusHeading', { filename: view.filename }) : t('householdImport.statusHeadingPending')}</h2>
      {query.isPending && <Loading />}
      <ProblemAlert error={query.error} />
      {view && (
        <>
          <ImportProgress view={view} />
          {importRunning(view) && <CancelImport importId={view.id} />}
          {view.status === 'DONE' && <ImportCounts view={view} />}
          {view.status === 'REFUSED' && <ImportProblems view={view} />}
          {view.status === 'CANCELLED' && (
            <p className="alert alert--info" role="status" data-testid="import-cancelled">
              {t('householdImport.cancelled')}
            </p>
          )}
          {view.status === 'FAILED' && (
            <div className="alert alert--error" role="alert">
              <p className="alert__title">{t('householdImport.failed')}</p>
              {view.error && <p className="alert__detail">{view.error}</p>}
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** "Batalkan impor": the import stops, nothing of it is written; the progress shows it end. */
function CancelImport({ importId }: { importId: string }) {
  const { t } = useTranslation();
  const cancel = useCancelImport();
  return (
    <div className="import-cancel">
      <button type="button" className="button button--secondary" disabled={cancel.isPending} onClick={() => cancel.mutate(importId)} data-testid="import-cancel">
        {cancel.isPending ? t('householdImport.cancelling') : t('householdImport.cancel')}
      </button>
      <ProblemAlert error={cancel.error} />
    </div>
  );
}

function ImportProgress({ view }: { view: HouseholdImportView }) {
  const { t, i18n } = useTranslation();
  const progressId = useId();
  const n = (value: number) => formatNumber(value, i18n.language);
  const known = view.totalRows > 0;
  const processed = Math.min(view.processedRows, view.totalRows);
  return (
    <div className="import-progress">
      <p className="import-progress__state" role="status" aria-live="polite">
        <ImportStatusBadge status={view.status} />{' '}
        <span id={progressId} data-testid="import-progress-text">
          {known ? t(`householdImport.progress.${view.status}`, { processed: n(processed), total: n(view.totalRows) }) : t('householdImport.progressUnknown')}
        </span>
      </p>
      {/* Without a row count yet the bar is indeterminate. */}
      <progress aria-labelledby={progressId} max={known ? view.totalRows : undefined} value={known ? processed : undefined} />
      <p className="item-list__meta">
        {t('householdImport.startedAt', { when: formatDateTimeWib(view.startedAt, i18n.language) })}
        {view.finishedAt && <> · {t('householdImport.finishedAt', { when: formatDateTimeWib(view.finishedAt, i18n.language) })}</>}
      </p>
    </div>
  );
}

function ImportCounts({ view }: { view: HouseholdImportView }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const counts = [
    ['households', view.households],
    ['created', view.personsCreated],
    ['updated', view.personsUpdated],
    ['unchanged', view.personsUnchanged],
  ] as const;
  return (
    <>
      <p className="alert alert--success" role="status" data-testid="import-done">
        {t('householdImport.done', { rows: n(view.totalRows) })}
      </p>
      <dl className="facts import-counts" data-testid="import-counts">
        {counts.map(([key, value]) => (
          <div key={key} data-count={key}>
            <dt>{t(`householdImport.counts.${key}`)}</dt>
            <dd>{n(value)}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function ImportProblems({ view }: { view: HouseholdImportView }) {
  const { t, i18n } = useTranslation();
  const n = (value: number) => formatNumber(value, i18n.language);
  const columns = ['line', 'column', 'message'] as const;
  const label = (column: (typeof columns)[number]) => t(`householdImport.problemColumns.${column}`);
  return (
    <>
      <div className="alert alert--error" role="alert" data-testid="import-refused">
        <p className="alert__title">{t('householdImport.refused', { count: view.problemCount, problems: n(view.problemCount) })}</p>
        <p>{t('householdImport.refusedNext')}</p>
      </div>
      {view.problems.length < view.problemCount && (
        <p className="muted">{t('householdImport.problemsShown', { shown: n(view.problems.length), total: n(view.problemCount) })}</p>
      )}
      <table className="data-table" data-testid="import-problems">
        <caption className="visually-hidden">{t('householdImport.problemsCaption')}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {label(c)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.problems.map((p, index) => (
            <tr key={index} data-testid="import-problem" data-line={p.line} data-column={p.column}>
              <td data-label={label('line')}>{p.line > 0 ? n(p.line) : '—'}</td>
              <td data-label={label('column')}>{p.column ? <code>{p.column}</code> : '—'}</td>
              <td data-label={label('message')}>{importProblemText(p.message, t)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
