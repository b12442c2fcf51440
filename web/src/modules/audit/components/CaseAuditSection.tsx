import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ExportLinks } from '../../../ui/ExportLinks';
import { Loading } from '../../../ui/Loading';
import { Pagination } from '../../../ui/Pagination';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { caseAuditExportPath } from '../api/audit.api';
import { auditQueries } from '../api/audit.queries';
import { AuditEntryList } from './AuditEntryList';

/** "Log audit kasus", folded: every change to the case and every read of its personal data, newest
 * first, loaded when unfolded; with its CSV and XLSX downloads. */
export function CaseAuditSection({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const headingId = useId();
  const [open, setOpen] = useState(false);
  const [page, setPage] = useState(1);
  const query = useQuery({ ...auditQueries.byCase(caseId, page), enabled: open });
  const data = query.data;
  return (
    <section className="card" aria-labelledby={headingId} data-testid="case-audit">
      <h2 id={headingId}>{t('audit.caseHeading')}</h2>
      <p className="muted">{t('audit.caseHint')}</p>
      <details className="folded" onToggle={(e) => setOpen(e.currentTarget.open)}>
        <summary>{t('audit.caseShow')}</summary>
        {open && (
          <>
            <ExportLinks path={caseAuditExportPath(caseId)} filters={{}} />
            <ProblemAlert error={query.error} />
            {query.isPending && <Loading />}
            {data && data.total === 0 && <p className="muted">{t('audit.empty')}</p>}
            {data && data.items.length > 0 && (
              <>
                <p className="muted">{t('audit.total', { total: data.total })}</p>
                <AuditEntryList entries={data.items} showCaseLink={false} />
                <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
              </>
            )}
          </>
        )}
      </details>
    </section>
  );
}
