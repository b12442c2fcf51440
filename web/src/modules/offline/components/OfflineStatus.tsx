import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useSession } from '../../auth/hooks/useAuth';
import { fieldWork, startOffline, useFieldWork, useOnline } from '../offline-writes';
import { refusalKey } from '../offline-texts';
import { waitingSummary } from '../queued-requests';
import type { QueuedWrite } from '../write-queue';
import { formatAsOf } from './DataAsOf';
import '../offline.css';

/**
 * The small line a field worker watches: "Tanpa sinyal", "Menunggu dikirim (3) · 2 foto" (a visit
 * with its photos counts as one record; the list opens under it), and each record the server refused, in words, with what to do and a button to dismiss
 * it. Shows nothing while online with nothing on the device.
 */
export function OfflineStatus() {
  const queryClient = useQueryClient();
  useEffect(() => startOffline(queryClient), [queryClient]);
  const me = useSession().data;
  const online = useOnline();
  if (!me) return online ? null : <StatusBar online={false} waiting={[]} refused={[]} />;
  return <SignedInStatus userId={me.id} online={online} />;
}

function SignedInStatus({ userId, online }: { userId: string; online: boolean }) {
  const { waiting, refused } = useFieldWork(userId);
  if (online && waiting.length === 0 && refused.length === 0) return null;
  return <StatusBar online={online} waiting={waiting} refused={refused} />;
}

function StatusBar({ online, waiting, refused }: { online: boolean; waiting: QueuedWrite[]; refused: QueuedWrite[] }) {
  const { t, i18n } = useTranslation();
  const kind = (w: QueuedWrite) => t(`offline.kinds.${w.kind}`);
  const time = (w: QueuedWrite) => formatAsOf(Date.parse(w.recordedAt), i18n.language);
  const { records, photos, lines } = waitingSummary(waiting);
  const photoCount = (count: number) => t('offline.photoCount', { count });
  const waitingText =
    photos === 0
      ? t('offline.waiting', { count: records })
      : records === 0
        ? t('offline.waitingPhotosOnly', { photos: photoCount(photos) })
        : t('offline.waitingWithPhotos', { count: records, photos: photoCount(photos) });
  return (
    <div className="offline-status">
      <div className="offline-status__line" role="status" data-testid="offline-status">
        {!online && <span className="offline-status__badge">{t('offline.noSignal')}</span>}
        {waiting.length > 0 && (
          <details className="offline-status__waiting">
            <summary data-testid="waiting-count">{waitingText}</summary>
            <ul aria-label={t('offline.listLabel')}>
              {lines.map(({ write: w, photos: withPhotos }) => {
                const record = t('offline.recorded', { kind: kind(w), time: time(w) });
                return <li key={w.key}>{withPhotos > 0 ? t('offline.withPhotos', { record, photos: photoCount(withPhotos) }) : record}</li>;
              })}
            </ul>
          </details>
        )}
      </div>
      {refused.map((w) => (
        <div key={w.key} className="alert alert--warning offline-status__refused" role="alert" data-testid="queued-refused">
          <p className="alert__title">{t('offline.refusedTitle', { kind: kind(w), time: time(w) })}</p>
          <p>{t(refusalKey(w.refused!))}</p>
          <p className="offline-status__actions">
            <Link to={`/cases/${encodeURIComponent(w.caseId)}`}>{t('offline.openCase')}</Link>
            <button type="button" className="button button--quiet" onClick={() => void fieldWork.dismiss(w.key)}>
              {t('offline.dismiss')}
            </button>
          </p>
        </div>
      ))}
    </div>
  );
}
