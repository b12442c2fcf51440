import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { Loading } from '../../../ui/Loading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { policyQueries } from '../api/policies.queries';
import { PolicyView } from './PolicyView';
import { authorName } from './PolicySummary';

/** "Riwayat versi": every version, newest first (number, when, who, why); opening one shows its values. */
export function PolicyHistory({ programCode, currentVersion }: { programCode: string; currentVersion: number | undefined }) {
  const { t, i18n } = useTranslation();
  const query = useQuery(policyQueries.versions(programCode));
  const [open, setOpen] = useState<number | null>(null);
  return (
    <section className="card policy-history" aria-labelledby="policy-history-heading">
      <h2 id="policy-history-heading">{t('policies.history')}</h2>
      {query.isPending && <Loading />}
      <ProblemAlert error={query.error} />
      {query.data && (
        <ol className="item-list">
          {query.data.map((v) => {
            const expanded = open === v.version;
            const panelId = `policy-version-${v.version}`;
            return (
              <li key={v.version} className="item-list__item" data-testid="policy-version-item" data-version={v.version}>
                <p className="item-list__title">
                  <strong>{t('policies.version', { version: v.version })}</strong>{' '}
                  {v.version === currentVersion && <span className="badge badge--done">{t('policies.current')}</span>}
                </p>
                <p className="item-list__meta">
                  <time dateTime={v.createdAt}>{formatDateTime(v.createdAt, i18n.language)}</time> · {t('case.by', { name: authorName(v, t) })}
                </p>
                <p className="policy-history__note">{v.changeNote}</p>
                <div>
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-expanded={expanded}
                    aria-controls={expanded ? panelId : undefined}
                    onClick={() => setOpen(expanded ? null : v.version)}
                  >
                    {expanded ? t('policies.hideVersion', { version: v.version }) : t('policies.showVersion', { version: v.version })}
                  </button>
                </div>
                {expanded && (
                  <div id={panelId} className="policy-history__values" data-testid="policy-version-values">
                    <PolicyView policy={v.policy} headingLevel={4} />
                  </div>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
