import type { ObligationEvidence, VisitEvidence } from '@kampung/domain/visit-evidence';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { photoUrl } from '../api/photos.api';
import '../photos.css';

/** "2 foto · lokasi" or "tanpa bukti" on a fulfilled visit obligation: what a manager scans a list
 * for. Nothing for an obligation that no visit fulfilled (its evidence is null). */
export function VisitEvidenceMarker({ evidence }: { evidence: ObligationEvidence | null | undefined }) {
  const { t } = useTranslation();
  if (!evidence) return null;
  const parts = [...(evidence.photos > 0 ? [t('evidence.photos', { count: evidence.photos })] : []), ...(evidence.located ? [t('evidence.located')] : [])];
  const has = parts.length > 0;
  return (
    <span className={`badge ${has ? 'badge--done' : 'badge--ended'}`} data-testid="visit-evidence" data-has-evidence={has}>
      <span className="visually-hidden">{t('evidence.label')}: </span>
      {has ? parts.join(' · ') : t('evidence.none')}
    </span>
  );
}

/** A visit's photos and location on the case timeline: small thumbnails, read only when scrolled to,
 * each opening full size over the page; "lokasi tercatat"; or "tanpa bukti". */
export function VisitEvidenceView({ caseId, evidence }: { caseId: string; evidence: VisitEvidence }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<number | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    if (shown !== null && !dialog.current?.open) dialog.current?.showModal?.();
  }, [shown]);
  const { photoIds, located } = evidence;
  if (photoIds.length === 0 && !located) return <p className="timeline__details muted" data-testid="timeline-evidence">{t('evidence.none')}</p>;
  const shownId = shown === null ? undefined : photoIds[shown];
  return (
    <div className="timeline__evidence" data-testid="timeline-evidence">
      {photoIds.length > 0 && (
        <ul className="photo-strip" aria-label={t('evidence.label')}>
          {photoIds.map((photoId, index) => (
            <li key={photoId}>
              <button type="button" className="photo-strip__open" onClick={() => setShown(index)} aria-label={t('photos.open', { n: index + 1 })}>
                <img src={photoUrl(caseId, photoId)} loading="lazy" decoding="async" width={64} height={64} alt="" />
              </button>
            </li>
          ))}
        </ul>
      )}
      {located && <p className="timeline__details">{t('evidence.locationRecorded')}</p>}
      <dialog ref={dialog} className="photo-viewer" onClose={() => setShown(null)} aria-label={shown === null ? undefined : t('photos.alt', { n: shown + 1 })}>
        {shownId && <img className="photo-viewer__image" src={photoUrl(caseId, shownId)} alt={t('photos.alt', { n: (shown ?? 0) + 1 })} />}
        <form method="dialog">
          <button type="submit" className="button button--secondary">
            {t('photos.close')}
          </button>
        </form>
      </dialog>
    </div>
  );
}
