import type { HistoryEntry } from '@kampung/domain/case-views';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';
import { DataList } from '../../../ui/DataList';

/** Every stage move, oldest first: from → to, when, who, why, and the data it carried. */
export function StageTimeline({ history }: { history: readonly HistoryEntry[] }) {
  const { t } = useTranslation();
  const entries = [...history].sort((a, b) => a.seq - b.seq);
  return (
    <section className="card" aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('case.timeline')}</h2>
      <ol className="timeline">
        {entries.map((entry) => (
          <TimelineEntry key={entry.seq} entry={entry} />
        ))}
      </ol>
    </section>
  );
}

function TimelineEntry({ entry }: { entry: HistoryEntry }) {
  const { t, i18n } = useTranslation();
  const to = t(`stages.${entry.to}`);
  return (
    <li className="timeline__entry" data-testid="timeline-entry">
      <p className="timeline__move">
        {entry.from ? (
          <>
            {t(`stages.${entry.from}`)} → {to}
          </>
        ) : (
          t('case.created', { stage: to })
        )}
      </p>
      <p className="timeline__meta">
        <time dateTime={entry.at}>{formatDateTime(entry.at, i18n.language)}</time> · {t('case.by', { name: entry.actor.name })}
      </p>
      {entry.reason && (
        <p className="timeline__reason">
          <strong>{t('case.reason')}:</strong> {entry.reason}
        </p>
      )}
      {entry.data && <DataList data={entry.data} />}
    </li>
  );
}
