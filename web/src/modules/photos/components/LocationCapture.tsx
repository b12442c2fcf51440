import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../../i18n';
import { formatNumber } from '../../../lib/format';
import { askPosition, type LocationState } from '../location';

/**
 * "Sertakan lokasi": once ticked, the phone is asked where it is (the person may refuse); what it
 * answered is shown, or why there is none. The visit is saved all the same, with or without it.
 */
export function LocationCapture({ value, onChange }: { value: LocationState; onChange: (state: LocationState) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const asked = useRef(0);
  // An answer that comes after the box was unticked (or ticked again) is not taken.
  useEffect(() => {
    if (value.state === 'off') asked.current++;
  }, [value.state]);
  const ask = () => {
    const attempt = ++asked.current;
    onChange({ state: 'asking' });
    askPosition(globalThis.navigator?.geolocation, (next) => {
      if (attempt === asked.current) onChange(next);
    });
  };
  const coordinate = (degrees: number) => new Intl.NumberFormat(localeOf(i18n.language), { minimumFractionDigits: 5, maximumFractionDigits: 5 }).format(degrees);
  return (
    <div className="field visit-location" data-testid="visit-location">
      <label className="checkbox" htmlFor={id}>
        <input id={id} type="checkbox" checked={value.state !== 'off'} onChange={(e) => (e.target.checked ? ask() : onChange({ state: 'off' }))} />
        {t('location.include')}
      </label>
      <p className="field__hint" role="status">
        {value.state === 'off' && t('location.hint')}
        {value.state === 'asking' && t('location.asking')}
        {value.state === 'captured' &&
          t('location.captured', {
            latitude: coordinate(value.location.latitude),
            longitude: coordinate(value.location.longitude),
            accuracy: value.location.accuracyM === undefined ? '?' : formatNumber(value.location.accuracyM, i18n.language),
          })}
        {(value.state === 'denied' || value.state === 'unavailable' || value.state === 'unsupported') && (
          <span className="text-warning">{t(`location.${value.state}`)}</span>
        )}
      </p>
      {value.state === 'unavailable' && (
        <button type="button" className="button button--quiet" onClick={ask}>
          {t('location.retry')}
        </button>
      )}
    </div>
  );
}
