import { MAX_PHOTOS_PER_VISIT } from '@kampung/domain/visit-evidence';
import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../../i18n';
import type { PickedPhotos } from '../hooks/usePickedPhotos';
import { formatBytes } from '../photo-size';
import '../photos.css';

/**
 * "Foto" in the visit form: take photos with the camera or choose them from the gallery (up to 10),
 * each made small on the phone as soon as it is picked; a thumbnail with its size as it will be sent
 * (and as it was), and a button to remove it.
 */
export function VisitPhotoPicker({ photos, error }: { photos: PickedPhotos; error?: string }) {
  const { t, i18n } = useTranslation();
  const prefix = useId();
  const [leftOut, setLeftOut] = useState(0);
  const locale = localeOf(i18n.language);
  const full = photos.entries.length >= MAX_PHOTOS_PER_VISIT;
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    // The same photo may be picked again after it was removed.
    event.target.value = '';
    if (files.length > 0) setLeftOut(photos.add(files));
  };
  return (
    <fieldset className="fieldset visit-photos" aria-describedby={`${prefix}-hint`}>
      <legend>{t('photos.legend')}</legend>
      <p id={`${prefix}-hint`} className="field__hint">
        {t('photos.hint', { max: MAX_PHOTOS_PER_VISIT })}
      </p>
      <div className="visit-photos__pickers">
        <label className="visit-photos__picker">
          <span>{t('photos.take')}</span>
          <input type="file" accept="image/*" capture="environment" multiple disabled={full} onChange={pick} />
        </label>
        <label className="visit-photos__picker">
          <span>{t('photos.choose')}</span>
          <input type="file" accept="image/*" multiple disabled={full} onChange={pick} />
        </label>
      </div>
      {leftOut > 0 && (
        <p className="field__error" role="alert">
          {t('photos.leftOut', { count: leftOut, max: MAX_PHOTOS_PER_VISIT })}
        </p>
      )}
      {error && <p className="field__error">{error}</p>}
      {photos.entries.length > 0 && (
        <ul className="visit-photos__list" aria-label={t('photos.listLabel')}>
          {photos.entries.map((entry, index) => {
            const n = index + 1;
            return (
              <li key={entry.id} className="visit-photos__item" data-testid="picked-photo" data-state={entry.state}>
                {entry.previewUrl ? (
                  <img className="visit-photos__thumb" src={entry.previewUrl} alt={t('photos.alt', { n })} />
                ) : (
                  <span className="visit-photos__thumb visit-photos__thumb--empty" aria-hidden="true" />
                )}
                <span className="visit-photos__size">
                  {entry.state === 'shrinking' && t('photos.shrinking')}
                  {entry.state === 'ready' &&
                    entry.photo &&
                    t('photos.size', { size: formatBytes(entry.photo.blob.size, locale), original: formatBytes(entry.originalBytes, locale) })}
                  {(entry.state === 'unreadable' || entry.state === 'tooLarge') && <span className="text-warning">{t(`photos.${entry.state}`)}</span>}
                </span>
                <button type="button" className="button button--quiet" onClick={() => photos.remove(entry.id)}>
                  {t('photos.remove')}
                  <span className="visually-hidden"> {t('photos.alt', { n })}</span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
