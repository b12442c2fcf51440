import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useRunDuplicates } from '../hooks/useDuplicateMutations';

/** "Cari data ganda": looks for duplicates across the registry now (imports also do) and says how
 * many pairs there are and how many are new to the queue. */
export function RunDuplicates() {
  const { t, i18n } = useTranslation();
  const run = useRunDuplicates();
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <div className="run-duplicates">
      <button type="button" className="button button--secondary" disabled={run.isPending} onClick={() => run.mutate()}>
        {run.isPending ? t('duplicates.running') : t('duplicates.run')}
      </button>
      {run.isSuccess && (
        <p className="alert alert--success" role="status" data-testid="duplicates-found">
          {t('duplicates.found', { candidates: n(run.data.candidates), new: n(run.data.new) })}
        </p>
      )}
      <ProblemAlert error={run.error} />
    </div>
  );
}
