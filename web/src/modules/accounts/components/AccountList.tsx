import type { Program } from '@kampung/domain/program';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from '../../../i18n';
import { Loading } from '../../../ui/Loading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useCitiesRegions } from '../../reference/hooks/useCitiesRegions';
import { accountQueries } from '../api/accounts.queries';
import { AccountCard } from './AccountCard';

interface AccountListProps {
  meId: string;
  /** Every program (to name the kecamatan of any account), and those the admin may give. */
  allPrograms: readonly Program[];
  programs: readonly Program[];
  limited: boolean;
}

/** The accounts the admin manages, by name, with a search on name and email. */
export function AccountList({ meId, allPrograms, programs, limited }: AccountListProps) {
  const { t, i18n } = useTranslation();
  const query = useQuery(accountQueries.list());
  const regions = useCitiesRegions([...new Set(allPrograms.map((p) => p.cityCode))]);
  const [search, setSearch] = useState('');
  const needle = useDeferredValue(search.trim().toLowerCase());
  const kecamatanNames = new Map(regions.cities.flatMap((city) => city.kecamatan.map((k) => [k.code, k.name] as const)));
  const all = [...(query.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, localeOf(i18n.language)));
  const shown = needle ? all.filter((a) => a.name.toLowerCase().includes(needle) || a.email.includes(needle)) : all;
  return (
    <section aria-labelledby="accounts-heading">
      <h2 id="accounts-heading">{t('users.listHeading')}</h2>
      <div className="field account-search">
        <label htmlFor="account-search">{t('users.search')}</label>
        <input id="account-search" type="search" autoComplete="off" value={search} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <ProblemAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && (
        <>
          <p className="muted" aria-live="polite">
            {t('users.shown', { shown: shown.length, total: all.length })}
          </p>
          {all.length === 0 && <p className="muted">{t('users.empty')}</p>}
          {all.length > 0 && shown.length === 0 && <p className="muted">{t('users.noMatch')}</p>}
          <ul className="work-list">
            {shown.map((account) => (
              <AccountCard
                key={account.id}
                account={account}
                self={account.id === meId}
                programs={programs}
                limited={limited}
                kecamatanName={(code) => kecamatanNames.get(code)}
              />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
