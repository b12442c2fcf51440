import { STAGES } from '@kampung/domain/stages';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProgramOptions } from '../../reference/components/ProgramOptions';
import { useProgramRegions } from '../../reference/hooks/useProgramRegions';
import { CASE_SORT_OPTIONS, useCaseFilters } from '../hooks/useCaseFilters';

export function CaseFilters() {
  const { t } = useTranslation();
  const { filters, setFilters, clear } = useCaseFilters();
  const { programs, kecamatan } = useProgramRegions(filters.program);
  const [q, setQ] = useState(filters.q ?? '');

  function search(event: FormEvent) {
    event.preventDefault();
    setFilters({ q: q.trim() });
  }

  return (
    <form className="filters" role="search" aria-label={t('list.filters')} onSubmit={search}>
      <div className="field">
        <label htmlFor="filter-program">{t('fields.programCode')}</label>
        <select id="filter-program" value={filters.program ?? ''} onChange={(e) => setFilters({ program: e.target.value })}>
          <option value="">{t('list.allPrograms')}</option>
          <ProgramOptions programs={programs} />
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-kecamatan">{t('fields.kecamatan')}</label>
        <select
          id="filter-kecamatan"
          value={filters.kecamatan ?? ''}
          disabled={!filters.program}
          title={filters.program ? undefined : t('list.pickProgramFirst')}
          onChange={(e) => setFilters({ kecamatan: e.target.value })}
        >
          <option value="">{t('list.allKecamatan')}</option>
          {kecamatan.map((k) => (
            <option key={k.code} value={k.code}>
              {k.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-stage">{t('list.colStage')}</label>
        <select id="filter-stage" value={filters.stage ?? ''} onChange={(e) => setFilters({ stage: e.target.value })}>
          <option value="">{t('list.allStages')}</option>
          {STAGES.map((stage) => (
            <option key={stage} value={stage}>
              {t(`stages.${stage}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-sort">{t('list.sort')}</label>
        <select id="filter-sort" value={filters.sort ?? '-created'} onChange={(e) => setFilters({ sort: e.target.value === '-created' ? '' : e.target.value })}>
          {CASE_SORT_OPTIONS.map((sort) => (
            <option key={sort} value={sort}>
              {t(`list.sorts.${sort}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field filters__search">
        <label htmlFor="filter-q">{t('list.search')}</label>
        <div className="filters__search-row">
          <input id="filter-q" type="search" maxLength={100} value={q} onChange={(e) => setQ(e.target.value)} />
          <button type="submit" className="button button--secondary">
            {t('list.searchButton')}
          </button>
        </div>
      </div>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => {
          setQ('');
          clear();
        }}
      >
        {t('list.reset')}
      </button>
    </form>
  );
}
