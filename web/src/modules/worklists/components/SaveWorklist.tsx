import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { filtersOf } from '../../../lib/useUrlFilters';
import type { SavedWorklist, WorklistTarget } from '../api/worklists.api';
import { useCreateWorklist } from '../hooks/useWorklistMutations';
import { WorklistForm } from './WorklistForm';

/** "Simpan sebagai daftar kerja": keeps the list's filters (from the URL) under a name, private or
 * shared with colleagues; the saved worklists are at /worklists. */
export function SaveWorklist({ target }: { target: WorklistTarget }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [open, setOpen] = useState(false);
  const [saved, setSaved] = useState<SavedWorklist | null>(null);
  const mutation = useCreateWorklist();

  function close() {
    setOpen(false);
    mutation.reset();
  }

  return (
    <div className="save-worklist">
      {saved && !open && (
        <p className="alert alert--success" role="status" data-testid="worklist-saved">
          {t(saved.visibility === 'SHARED' ? 'worklists.savedShared' : 'worklists.saved', { name: saved.name })}{' '}
          <Link to="/worklists">{t('worklists.openAll')}</Link>
        </p>
      )}
      {open ? (
        <WorklistForm
          label={t('worklists.saveHeading')}
          submitLabel={t('worklists.save')}
          pending={mutation.isPending}
          error={mutation.error}
          onEdit={() => mutation.error && mutation.reset()}
          onCancel={close}
          onSubmit={({ name, visibility }) =>
            mutation.mutate(
              { target, name, visibility, filters: filtersOf(params) },
              {
                onSuccess: (worklist) => {
                  setSaved(worklist);
                  close();
                },
              },
            )
          }
        />
      ) : (
        <button
          type="button"
          className="button button--secondary"
          aria-expanded={false}
          onClick={() => {
            setSaved(null);
            setOpen(true);
          }}
        >
          {t('worklists.saveAs')}
        </button>
      )}
    </div>
  );
}
