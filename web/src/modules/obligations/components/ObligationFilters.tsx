import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { referenceQueries } from '../../reference/api/reference.queries';
import { ProgramOptions } from '../../reference/components/ProgramOptions';
import { programOfKecamatan } from '../../reference/program-of-kecamatan';
import { obligationQueries } from '../api/obligations.queries';
import { useObligationFilters } from '../hooks/useObligationFilters';
import { OBLIGATION_KIND_LIST, OBLIGATION_STATUS_LIST } from '../obligation-enums';

/** Program, status, kind and person of the obligation list (the URL keeps them); kecamatan, case and due
 * dates come from links and show as chips on the page. */
export function ObligationFilters() {
  const { t } = useTranslation();
  const { filters, setFilters, clear } = useObligationFilters();
  const users = useQuery(obligationQueries.users());
  const programs = useQuery(referenceQueries.programs());

  // A kecamatan (set by a link) stays when it lies in the program's city, and goes when it does not.
  function chooseProgram(program: string) {
    const kecamatanProgram = filters.kecamatan ? programOfKecamatan(filters.kecamatan, programs.data ?? [])?.code : undefined;
    const keepKecamatan = !program || !filters.kecamatan || kecamatanProgram === program;
    setFilters(keepKecamatan ? { program } : { program, kecamatan: '' });
  }
  const people = users.data ?? [];
  const unknownAssignee = filters.assignee && users.data && !people.some((u) => u.id === filters.assignee);
  return (
    <form className="filters filters--obligations" role="search" aria-label={t('obligationList.filters')} onSubmit={(e) => e.preventDefault()}>
      <div className="field">
        <label htmlFor="obligation-program">{t('fields.programCode')}</label>
        <select id="obligation-program" value={filters.program ?? ''} onChange={(e) => chooseProgram(e.target.value)}>
          <option value="">{t('list.allPrograms')}</option>
          <ProgramOptions programs={programs.data ?? []} />
          {filters.program && !programs.data && <option value={filters.program}>{filters.program}</option>}
        </select>
      </div>
      <div className="field">
        <label htmlFor="obligation-status">{t('obligationList.status')}</label>
        <select id="obligation-status" value={filters.status ?? ''} onChange={(e) => setFilters({ status: e.target.value })}>
          <option value="">{t('obligationList.allStatuses')}</option>
          {OBLIGATION_STATUS_LIST.map((status) => (
            <option key={status} value={status}>
              {t(`obligationStatuses.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="obligation-kind">{t('fields.kind')}</label>
        <select id="obligation-kind" value={filters.kind ?? ''} onChange={(e) => setFilters({ kind: e.target.value })}>
          <option value="">{t('obligationList.allKinds')}</option>
          {OBLIGATION_KIND_LIST.map((kind) => (
            <option key={kind} value={kind}>
              {t(`obligationKinds.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="obligation-assignee">{t('obligationList.assignee')}</label>
        <select id="obligation-assignee" value={filters.assignee ?? ''} onChange={(e) => setFilters({ assignee: e.target.value })}>
          <option value="">{t('obligationList.allAssignees')}</option>
          {people.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
          {(unknownAssignee || (filters.assignee && !users.data)) && <option value={filters.assignee}>{filters.assignee}</option>}
        </select>
      </div>
      <div className="field">
        <label htmlFor="obligation-sort">{t('list.sort')}</label>
        <select id="obligation-sort" value={filters.sort ?? 'due'} onChange={(e) => setFilters({ sort: e.target.value === 'due' ? '' : e.target.value })}>
          <option value="due">{t('list.sorts.due')}</option>
          <option value="-due">{t('list.sorts.-due')}</option>
        </select>
      </div>
      <button type="button" className="button button--quiet" onClick={clear}>
        {t('list.reset')}
      </button>
    </form>
  );
}
