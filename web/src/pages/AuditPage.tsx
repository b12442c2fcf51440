import { may } from '@kampung/domain/access';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';
import { AUDIT_EXPORT_PATH } from '../modules/audit/api/audit.api';
import { auditQueries } from '../modules/audit/api/audit.queries';
import { toApiFilters } from '../modules/audit/audit-filters';
import { AuditEntryList } from '../modules/audit/components/AuditEntryList';
import { AuditFilterForm } from '../modules/audit/components/AuditFilterForm';
import { useAuditFilters } from '../modules/audit/hooks/useAuditFilters';
import { useMe } from '../modules/auth/hooks/useAuth';
import { obligationQueries } from '../modules/obligations/api/obligations.queries';
import { ExportLinks } from '../ui/ExportLinks';
import { Loading } from '../ui/Loading';
import { Pagination } from '../ui/Pagination';
import { ProblemAlert } from '../ui/ProblemAlert';

/** "Log audit" at `/audit`: the whole audit log, newest first, filtered by action, actor, dates and
 * case (the URL keeps them), page by page, with CSV and XLSX downloads of the filtered log. For
 * auditors and admins without program or kecamatan limits; others read a case's log on its page. */
export function AuditPage() {
  const { t } = useTranslation();
  const me = useMe();
  const limited = me.scope.programCodes.length > 0 || me.scope.kecamatanCodes.length > 0;
  return (
    <>
      <title>{`${t('audit.heading')} · ${t('app.title')}`}</title>
      <h1>{t('audit.heading')}</h1>
      {!may(me.role, 'audit.read') ? (
        <p className="alert alert--error" role="alert">
          {t('audit.forbidden')}
        </p>
      ) : limited ? (
        <p className="alert alert--info">{t('audit.limited')}</p>
      ) : (
        <AuditLog />
      )}
    </>
  );
}

function AuditLog() {
  const { t, i18n } = useTranslation();
  const { filters, page, setFilters, setPage, clear } = useAuditFilters();
  const apiFilters = toApiFilters(filters);
  const query = useQuery(auditQueries.list(apiFilters, page));
  const people = useQuery(obligationQueries.users());
  const names = new Map((people.data ?? []).map((p) => [p.id, p.name]));
  const data = query.data;
  return (
    <>
      <p className="muted">{t('audit.intro')}</p>
      <AuditFilterForm
        // A new URL (a link, the back button) starts the form again from its filters.
        key={JSON.stringify(filters)}
        filters={filters}
        people={people.data ?? []}
        onApply={(next) => setFilters({ action: next.action ?? '', actor: next.actor ?? '', case: next.case ?? '', from: next.from ?? '', to: next.to ?? '' })}
        onClear={clear}
      />
      <ExportLinks path={AUDIT_EXPORT_PATH} filters={{ ...apiFilters }} />
      <ProblemAlert error={query.error} />
      {query.isPending && <Loading />}
      {data && (
        <div className={query.isPlaceholderData ? 'long-list--stale' : undefined} aria-busy={query.isFetching}>
          <p className="muted" aria-live="polite">
            {t('audit.total', { total: formatNumber(data.total, i18n.language) })}
          </p>
          {data.items.length === 0 ? (
            <p className="muted">{t('audit.empty')}</p>
          ) : (
            <AuditEntryList entries={data.items} personName={(id) => names.get(id)} />
          )}
          <Pagination page={data.page} pageSize={data.pageSize} total={data.total} onPage={setPage} />
        </div>
      )}
    </>
  );
}
