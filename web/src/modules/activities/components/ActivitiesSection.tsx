import type { CaseDetail } from '@kampung/domain/case-views';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../ui/Loading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { activityQueries } from '../api/activities.queries';
import { useCreateActivity } from '../hooks/useActivityMutations';
import { ActivityCard } from './ActivityCard';
import { ActivityForm } from './ActivityForm';

interface ActivitiesSectionProps {
  detail: CaseDetail;
  /** May add activities (only while the kampung is in implementation). */
  canManage: boolean;
  /** May enrol participants, take attendance and record outputs. */
  canRecord: boolean;
  canOpenHouseholds: boolean;
  /** Agency staff add activities of their own agency only. */
  ownAgency: string | null;
}

/** "Kegiatan": the trainings and services agencies and partners run for the kampung's residents,
 * and, while it is in implementation, the form to add one. */
export function ActivitiesSection({ detail, canManage, canRecord, canOpenHouseholds, ownAgency }: ActivitiesSectionProps) {
  const { t } = useTranslation();
  const query = useQuery(activityQueries.byCase(detail.id));
  const activities = query.data ?? [];
  const implementing = detail.stage === 'IMPLEMENTATION';
  // Before implementation, with nothing recorded, the section would only say that it is too early.
  if (query.data && activities.length === 0 && !implementing) return null;
  return (
    <section className="card" aria-labelledby="activities-heading" data-testid="activities">
      <h2 id="activities-heading">{t('activities.heading')}</h2>
      {query.isPending && <Loading />}
      <ProblemAlert error={query.error} />
      {query.data && activities.length === 0 && <p className="muted">{t('activities.empty')}</p>}
      {activities.length > 0 && (
        <ul className="item-list" aria-label={t('activities.listLabel')}>
          {activities.map((a) => (
            <ActivityCard
              key={a.id}
              activity={a}
              caseId={detail.id}
              // Agency staff record on their own agency's activities only (the server refuses the others).
              canRecord={canRecord && (ownAgency === null || a.agency.code === ownAgency)}
              canOpenHouseholds={canOpenHouseholds}
            />
          ))}
        </ul>
      )}
      {canManage && (implementing ? <AddActivity caseId={detail.id} ownAgency={ownAgency} /> : <p className="muted">{t('activities.onlyInImplementation')}</p>)}
    </section>
  );
}

/** "Tambah kegiatan": opens the form in place and confirms once the activity is added. */
function AddActivity({ caseId, ownAgency }: { caseId: string; ownAgency: string | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const create = useCreateActivity(caseId);
  return (
    <div className="add-activity">
      {added && !open && (
        <p className="alert alert--success" role="status" data-testid="activity-added">
          {t('activities.added', { title: added })}
        </p>
      )}
      {open ? (
        <ActivityForm
          ownAgency={ownAgency}
          pending={create.isPending}
          error={create.error}
          onEdit={() => create.error && create.reset()}
          onCancel={() => {
            create.reset();
            setOpen(false);
          }}
          onSubmit={(request) =>
            create.mutate(request, {
              onSuccess: (activity) => {
                setAdded(activity.title);
                setOpen(false);
              },
            })
          }
        />
      ) : (
        <button
          type="button"
          className="button button--primary"
          aria-expanded={false}
          onClick={() => {
            setAdded(null);
            setOpen(true);
          }}
        >
          {t('activities.addHeading')}
        </button>
      )}
    </div>
  );
}
