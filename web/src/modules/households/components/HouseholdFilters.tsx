import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { referenceQueries } from '../../reference/api/reference.queries';
import { useCitiesRegions } from '../../reference/hooks/useCitiesRegions';
import { useHouseholdFilters } from '../hooks/useHouseholdFilters';

/** Search by name, NIK or KK (a whole number), and optionally narrow to a kecamatan, a kelurahan
 * of it, and an RW. The search and RW apply with "Cari"; the places at once. */
export function HouseholdFilters() {
  const { t } = useTranslation();
  const { filters, kecamatan, setFilters, clear } = useHouseholdFilters();
  const programs = useQuery(referenceQueries.programs());
  const regions = useCitiesRegions([...new Set((programs.data ?? []).map((p) => p.cityCode))]);
  const [q, setQ] = useState(filters.q ?? '');
  const [rw, setRw] = useState(filters.rw ?? '');
  const [error, setError] = useState<{ q?: string; rw?: string }>({});
  const allKecamatan = regions.cities.flatMap((city) => city.kecamatan.map((k) => ({ ...k, cityName: city.cityName })));
  const kelurahan = allKecamatan.find((k) => k.code === kecamatan)?.kelurahan ?? [];

  function search(event: FormEvent) {
    event.preventDefault();
    const text = q.trim();
    const found: { q?: string; rw?: string } = {};
    if (text.length === 1) found.q = t('validation.minLength', { minimum: 2 });
    if (rw.trim() && !/^\d{1,3}$/.test(rw.trim())) found.rw = t('validation.rw');
    setError(found);
    if (!found.q && !found.rw) setFilters({ q: text, rw: rw.trim() });
  }

  return (
    <form className="filters filters--households" role="search" aria-label={t('households.filters')} onSubmit={search} noValidate>
      <ProblemAlert error={programs.error ?? regions.error} />
      <div className={error.q ? 'field field--invalid filters__search' : 'field filters__search'}>
        <label htmlFor="household-q">{t('households.search')}</label>
        <div className="filters__search-row">
          <input
            id="household-q"
            type="search"
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            aria-describedby={error.q ? 'household-q-hint household-q-error' : 'household-q-hint'}
            aria-invalid={error.q ? true : undefined}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          <button type="submit" className="button button--secondary">
            {t('list.searchButton')}
          </button>
        </div>
        <p id="household-q-hint" className="field__hint">
          {t('households.searchHint')}
        </p>
        {error.q && (
          <p id="household-q-error" className="field__error">
            {error.q}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="household-kecamatan">{t('fields.kecamatan')}</label>
        <select id="household-kecamatan" value={kecamatan ?? ''} onChange={(e) => setFilters({ kecamatan: e.target.value, kelurahan: '' })}>
          <option value="">{t('list.allKecamatan')}</option>
          {allKecamatan.map((k) => (
            <option key={k.code} value={k.code}>
              {t('households.kecamatanOption', { name: k.name, city: k.cityName })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="household-kelurahan">{t('fields.kelurahanCode')}</label>
        <select
          id="household-kelurahan"
          value={filters.kelurahan ?? ''}
          disabled={kelurahan.length === 0}
          title={kecamatan ? undefined : t('households.pickKecamatanFirst')}
          onChange={(e) => setFilters({ kecamatan: kecamatan ?? '', kelurahan: e.target.value })}
        >
          <option value="">{t('households.allKelurahan')}</option>
          {kelurahan.map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </select>
      </div>
      <div className={error.rw ? 'field field--invalid' : 'field'}>
        <label htmlFor="household-rw">{t('fields.rw')}</label>
        <input
          id="household-rw"
          type="text"
          inputMode="numeric"
          maxLength={3}
          autoComplete="off"
          aria-describedby={error.rw ? 'household-rw-error' : undefined}
          aria-invalid={error.rw ? true : undefined}
          value={rw}
          onChange={(e) => setRw(e.target.value)}
        />
        {error.rw && (
          <p id="household-rw-error" className="field__error">
            {error.rw}
          </p>
        )}
      </div>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          setQ('');
          setRw('');
          setError({});
          clear();
        }}
      >
        {t('list.reset')}
      </button>
    </form>
  );
}
