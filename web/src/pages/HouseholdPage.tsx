import { may } from '@kampung/domain/access';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useMe } from '../modules/auth/hooks/useAuth';
import { householdQueries } from '../modules/households/api/households.queries';
import { HouseholdFacts } from '../modules/households/components/HouseholdFacts';
import { MemberList } from '../modules/households/components/MemberList';
import { ReceivedList } from '../modules/households/components/ReceivedList';
import { UnmaskControl } from '../modules/households/components/UnmaskControl';
import { headOf } from '../modules/households/household-head';
import { Loading } from '../ui/Loading';
import { ProblemAlert } from '../ui/ProblemAlert';

/** A household at `/households/:id`: where it lives, its decile (with date and source), its
 * members (NIK masked; "Tampilkan NIK" for the roles that may, audited), and "Bantuan yang
 * diterima": every activity its members took part in. */
export function HouseholdPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const [unmask, setUnmask] = useState(false);
  const mayUnmask = may(me.role, 'person.unmask');
  // The masked household stays on screen while the unmasked one loads.
  const query = useQuery({ ...householdQueries.detail(id, unmask && mayUnmask), enabled: may(me.role, 'household.read'), placeholderData: keepPreviousData });
  const household = query.data;
  const head = household ? headOf(household.members) : undefined;
  const title = household ? (head ? t('household.heading', { name: head.name }) : t('household.headingKk', { kk: household.kk })) : t('households.heading');
  return (
    <>
      <p>
        <Link to="/households">← {t('household.back')}</Link>
      </p>
      <title>{`${title} · ${t('app.title')}`}</title>
      {!may(me.role, 'household.read') ? (
        <>
          <h1>{t('households.heading')}</h1>
          <p className="alert alert--error" role="alert">
            {t('households.forbidden')}
          </p>
        </>
      ) : (
        <>
          {query.isPending && <Loading />}
          <ProblemAlert error={query.error} />
          {household && (
            <>
              <header className="case-header">
                <h1>{title}</h1>
                <HouseholdFacts household={household} />
              </header>
              <section className="card" aria-labelledby="members-heading">
                <h2 id="members-heading">{t('household.membersHeading')}</h2>
                {mayUnmask && <UnmaskControl unmasked={!household.kkMasked} pending={query.isFetching && unmask} onChange={setUnmask} />}
                <MemberList members={household.members} />
              </section>
              <section className="card" aria-labelledby="received-heading" data-testid="received-section">
                <h2 id="received-heading">{t('household.receivedHeading')}</h2>
                <ReceivedList received={household.received} />
              </section>
            </>
          )}
        </>
      )}
    </>
  );
}
