import { useTranslation } from 'react-i18next';
import { localeOf } from '../../../i18n';
import { answeredAt } from '../../../lib/http';
import '../offline-texts';

/** An instant as "3 Des, 07.20" (Indonesian) or "3 Dec, 07:20" (English), in the device's zone. */
export function formatAsOf(instant: number, language: string): string {
  return new Intl.DateTimeFormat(localeOf(language), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(instant);
}

interface DataAsOfProps {
  /** The API path whose answer the page shows. */
  path: string;
  /** When the page's data changed (the query's dataUpdatedAt): the line is drawn again with it. */
  updatedAt: number;
}

/** "Data per 3 Des, 07.20": when the server last brought the shown data up to date (a copy kept on
 * the device, read with no signal, keeps its time). */
export function DataAsOf({ path, updatedAt }: DataAsOfProps) {
  const { t, i18n } = useTranslation();
  const at = answeredAt.get(path) ?? (updatedAt || undefined);
  if (at === undefined) return null;
  return (
    <p className="muted data-as-of" data-testid="data-as-of">
      {t('offline.dataAsOf', { time: formatAsOf(at, i18n.language) })}
    </p>
  );
}
