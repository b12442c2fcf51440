import type { Assignment } from '@kampung/domain/obligation';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';

/** The handovers of one position, oldest first: from → to, why, when, by whom, what moved. */
export function HandoverHistory({ handovers }: { handovers: Assignment['handovers'] }) {
  const { t, i18n } = useTranslation();
  if (handovers.length === 0) return null;
  const entries = [...handovers].sort((a, b) => a.at.localeCompare(b.at));
  return (
    <div className="handovers">
      <p className="handovers__heading">{t('handover.history')}</p>
      <ol className="handovers__list">
        {entries.map((h) => (
          <li key={h.id} className="handovers__entry" data-testid="handover">
            <p className="handovers__move">
              {h.from.name} → {h.to.name}
            </p>
            <p className="item-list__meta">
              <time dateTime={h.at}>{formatDateTime(h.at, i18n.language)}</time>
              {h.by && <> · {t('case.by', { name: h.by.name })}</>} · {t('handover.moved', { count: h.movedObligations })}
            </p>
            <p className="handovers__reason">
              <strong>{t('case.reason')}:</strong> {h.reason}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
