import type { PolicyVersion } from '@kampung/domain/program-policy';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '../../../ui/Loading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { policyQueries } from '../api/policies.queries';
import { PolicyForm } from './PolicyForm';
import { PolicyHistory } from './PolicyHistory';
import { PolicySummary } from './PolicySummary';
import { PolicyView } from './PolicyView';

/** One program's policy: the current version and its values (or, for admins, the form to change
 * them), beside the version history. */
export function ProgramPolicyPanel({ programCode, canEdit }: { programCode: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const query = useQuery(policyQueries.current(programCode));
  const current = query.data;
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState<PolicyVersion | null>(null);
  // Once saved, the form is gone: the confirmation takes the focus.
  const focus = useCallback((element: HTMLElement | null) => element?.focus(), []);
  return (
    <div className="case-grid">
      <div className="case-grid__main">
        {query.isPending && <Loading />}
        <ProblemAlert error={query.error} />
        {current && (
          <>
            <PolicySummary version={current}>
              {saved && saved.version === current.version && (
                <p className="alert alert--success" role="status" data-testid="policy-saved" tabIndex={-1} ref={focus}>
                  {t('policies.saved', { version: saved.version })}
                </p>
              )}
              {!canEdit && <p className="muted">{t('policies.readOnly')}</p>}
              {canEdit && !editing && (
                <div className="button-row">
                  <button
                    type="button"
                    className="button button--primary"
                    aria-expanded={false}
                    onClick={() => {
                      setSaved(null);
                      setEditing(true);
                    }}
                  >
                    {t('policies.edit')}
                  </button>
                </div>
              )}
            </PolicySummary>
            {canEdit && editing ? (
              <PolicyForm
                programCode={programCode}
                initial={current}
                latestVersion={current.version}
                onSaved={(version) => {
                  setSaved(version);
                  setEditing(false);
                }}
                onCancel={() => setEditing(false)}
              />
            ) : (
              <section className="card" aria-labelledby="policy-values-heading" data-testid="policy-values">
                <h2 id="policy-values-heading">{t('policies.valuesHeading', { version: current.version })}</h2>
                <PolicyView policy={current.policy} />
              </section>
            )}
          </>
        )}
      </div>
      <PolicyHistory programCode={programCode} currentVersion={current?.version} />
    </div>
  );
}
