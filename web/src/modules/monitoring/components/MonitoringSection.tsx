import type { CaseDetail } from '@kampung/domain/case-views';
import { isEndStage, type Stage } from '@kampung/domain/stages';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../ui/Loading';
import { Pagination } from '../../../ui/Pagination';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { obligationQueries } from '../../obligations/api/obligations.queries';
import { referenceQueries } from '../../reference/api/reference.queries';
import { REPORT_PAGE_SIZE } from '../api/monitoring.api';
import { monitoringQueries } from '../api/monitoring.queries';
import { oldestOpenReportPeriod } from './report-period';
import { ReportCard } from './ReportCard';
import { ReportForm } from './ReportForm';

/** Stages in which monthly reports (or, after graduation, the lighter checks) are expected. */
const REPORTING_STAGES: readonly Stage[] = ['IMPLEMENTATION', 'EVALUATION', 'GRADUATED'];

interface MonitoringSectionProps {
  detail: CaseDetail;
  canWrite: boolean;
}

/** "Laporan monitoring": the case's reports, newest first (red ones marked with their explanation),
 * and for writers the form to send the next one. */
export function MonitoringSection({ detail, canWrite }: MonitoringSectionProps) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const reports = useQuery(monitoringQueries.byCase(detail.id, page));
  // The same query as the obligations section, so the page asks once.
  const obligations = useQuery(obligationQueries.list({ case: detail.id, pageSize: 50 }));
  const policy = useQuery(referenceQueries.policy(detail.programCode));
  const defaultPeriod = oldestOpenReportPeriod(obligations.data?.items ?? []);
  const items = reports.data?.items ?? [];

  const formState = (): 'form' | 'onHold' | 'ended' | 'notYet' => {
    if (detail.stage === 'ON_HOLD') return 'onHold';
    if (isEndStage(detail.stage)) return 'ended';
    return REPORTING_STAGES.includes(detail.stage) || defaultPeriod ? 'form' : 'notYet';
  };
  const state = formState();
  // Before implementation, with nothing sent yet, the section would only say that it is too early.
  if (state === 'notYet' && reports.data?.total === 0) return null;

  return (
    <section className="card" aria-labelledby="monitoring-heading">
      <h2 id="monitoring-heading">{t('monitoring.heading')}</h2>
      {reports.isPending && <Loading />}
      <ProblemAlert error={reports.error} />
      {reports.data && items.length === 0 && <p className="muted">{t('monitoring.empty')}</p>}
      {items.length > 0 && (
        <ul className="item-list" aria-label={t('monitoring.listLabel')}>
          {items.map((r) => (
            <ReportCard key={r.id} report={r} />
          ))}
        </ul>
      )}
      {reports.data && <Pagination page={page} pageSize={REPORT_PAGE_SIZE} total={reports.data.total} onPage={setPage} />}
      {canWrite && state !== 'form' && <p className="muted">{t(`monitoring.${state}`)}</p>}
      {canWrite && state === 'form' && (
        <>
          <ProblemAlert error={policy.error} />
          <ReportForm
            caseId={detail.id}
            programCode={detail.programCode}
            defaultPeriod={defaultPeriod}
            targetPercent={policy.data?.policy.monitoringTargetPercent}
          />
        </>
      )}
    </section>
  );
}
