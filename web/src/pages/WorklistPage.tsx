import { may } from '@kampung/domain/access';
import type { Obligation } from '@kampung/domain/obligation';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMe } from '../modules/auth/hooks/useAuth';
import { caseQueries } from '../modules/cases/api/cases.queries';
import { WORKLIST_PATH } from '../modules/obligations/api/obligations.api';
import { obligationQueries } from '../modules/obligations/api/obligations.queries';
import { DataAsOf } from '../modules/offline/components/DataAsOf';
import { WorkItemCard } from '../modules/obligations/components/WorkItemCard';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';

/** "Daftar kerja saya": the signed-in user's escalated, overdue and due-this-week obligations. */
export function WorklistPage() {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery(obligationQueries.worklist());
  const data = query.data;
  const [logged, setLogged] = useState<Obligation | null>(null);
  const canWrite = may(me.role, 'visit.log');
  // The cases on hold within the user's reach (a mentor's are few): their visits wait for the resume.
  const held = useInfiniteQuery({ ...caseQueries.list({ stage: 'ON_HOLD' }), enabled: canWrite });
  const heldIds = new Set(held.data?.pages.flatMap((page) => page.items.map((c) => c.id)));
  const group = { canWrite, heldIds, onLogged: setLogged };
  return (
    <>
      <title>{`${t('worklist.heading')} · ${t('app.title')}`}</title>
      <h1>{t('worklist.heading')}</h1>
      {data && <DataAsOf path={WORKLIST_PATH} updatedAt={query.dataUpdatedAt} />}
      {logged && (
        <p className="alert alert--success" role="status" data-testid="visit-logged">
          {t('worklist.logged')} <Link to={`/cases/${encodeURIComponent(logged.caseId)}`}>{logged.caseName}</Link>
        </p>
      )}
      {query.isPending && <Loading />}
      <ProblemAlert error={query.error} />
      {data && (
        <>
          <Group id="escalated" heading={t('worklist.escalated')} empty={t('worklist.emptyEscalated')} items={data.escalated} {...group} />
          <Group id="overdue" heading={t('worklist.overdue')} empty={t('worklist.emptyOverdue')} items={data.overdue} {...group} />
          <Group id="due" heading={t('worklist.dueThisWeek')} empty={t('worklist.emptyDue')} items={data.dueThisWeek} {...group} />
        </>
      )}
    </>
  );
}

interface GroupProps {
  id: string;
  heading: string;
  empty: string;
  items: Obligation[];
  canWrite: boolean;
  heldIds: ReadonlySet<string>;
  onLogged: (obligation: Obligation) => void;
}

function Group({ id, heading, empty, items, canWrite, heldIds, onLogged }: GroupProps) {
  const headingId = `worklist-${id}`;
  return (
    <section className="worklist-group" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {heading} <span className="count">({items.length})</span>
      </h2>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="work-list">
          {items.map((o) => (
            <WorkItemCard key={o.id} obligation={o} canWrite={canWrite} onHold={heldIds.has(o.caseId)} onLogged={onLogged} />
          ))}
        </ul>
      )}
    </section>
  );
}
