import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime } from '../../../lib/format';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import type { SavedWorklist } from '../api/worklists.api';
import { useDeleteWorklist, useUpdateWorklist } from '../hooks/useWorklistMutations';
import { worklistInput, worklistPath } from '../worklist-filters';
import { WorklistFilters } from './WorklistFilters';
import { WorklistForm } from './WorklistForm';

/** One saved worklist: its name opens the list with its filters; which list, whose, shared or not,
 * and the filters in words. Its owner may rename, share or unshare, and delete it. */
export function WorklistCard({ worklist: w }: { worklist: SavedWorklist }) {
  const { t, i18n } = useTranslation();
  return (
    <li className="work-card" data-testid="saved-worklist" data-target={w.target} data-visibility={w.visibility} data-mine={w.mine}>
      <p className="work-card__title">
        <Link to={worklistPath(w.target, w.filters)}>{w.name}</Link>
      </p>
      <p className="work-card__meta">
        {t(`worklists.targets.${w.target}`)} · {w.mine ? t('worklists.mine') : t('worklists.sharedBy', { name: w.owner.name })}{' '}
        <span className={w.visibility === 'SHARED' ? 'badge badge--active' : 'badge badge--ended'} data-testid="worklist-visibility">
          {t(`worklists.visibility.${w.visibility}`)}
        </span>
      </p>
      <WorklistFilters filters={w.filters} />
      <p className="work-card__meta">{t('worklists.updatedAt', { when: formatDateTime(w.updatedAt, i18n.language) })}</p>
      {w.mine && <OwnerActions worklist={w} />}
    </li>
  );
}

/** Rename (with the share toggle), share or unshare in one tap, delete after a confirmation. */
function OwnerActions({ worklist }: { worklist: SavedWorklist }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'idle' | 'edit' | 'delete'>('idle');
  const update = useUpdateWorklist();
  const remove = useDeleteWorklist();
  const sharing = worklist.visibility === 'SHARED';

  if (mode === 'edit') {
    return (
      <WorklistForm
        label={t('worklists.editHeading', { name: worklist.name })}
        initialName={worklist.name}
        initialVisibility={worklist.visibility}
        submitLabel={t('worklists.saveChanges')}
        pending={update.isPending}
        error={update.error}
        onEdit={() => update.error && update.reset()}
        onCancel={() => {
          update.reset();
          setMode('idle');
        }}
        onSubmit={(changes) =>
          update.mutate({ id: worklist.id, input: worklistInput(worklist, changes) }, { onSuccess: () => setMode('idle') })
        }
      />
    );
  }
  if (mode === 'delete') {
    return (
      <div className="inline-form" role="group" aria-label={t('worklists.deleteHeading')}>
        <p>{t('worklists.deleteConfirm', { name: worklist.name })}</p>
        <ProblemAlert error={remove.error} />
        <div className="form__actions">
          <button type="button" className="button button--danger" disabled={remove.isPending} onClick={() => remove.mutate(worklist.id)}>
            {remove.isPending ? t('worklists.deleting') : t('worklists.deleteYes')}
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              remove.reset();
              setMode('idle');
            }}
          >
            {t('case.cancel')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <>
      <ProblemAlert error={update.error} />
      <div className="worklist-actions">
        <button type="button" className="button button--quiet" onClick={() => setMode('edit')}>
          {t('worklists.rename')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          disabled={update.isPending}
          onClick={() => update.mutate({ id: worklist.id, input: worklistInput(worklist, { visibility: sharing ? 'PRIVATE' : 'SHARED' }) })}
        >
          {sharing ? t('worklists.unshare') : t('worklists.shareNow')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => setMode('delete')}>
          {t('worklists.delete')}
        </button>
      </div>
    </>
  );
}
