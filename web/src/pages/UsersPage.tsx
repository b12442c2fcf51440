import { may } from '@kampung/domain/access';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AccountList } from '../modules/accounts/components/AccountList';
import { InviteAccount } from '../modules/accounts/components/InviteAccount';
import { DeadLetterList } from '../modules/mail/components/DeadLetterList';
import { useMe } from '../modules/auth/hooks/useAuth';
import { referenceQueries } from '../modules/reference/api/reference.queries';
import { ProblemAlert } from '../ui/ProblemAlert';

/** "Pengguna" at `/users`, for admins: invite colleagues, and change the role, scope and state of
 * their accounts. An admin limited to some programs gives only those. */
export function UsersPage() {
  const { t } = useTranslation();
  const me = useMe();
  const programs = useQuery(referenceQueries.programs());
  const limited = me.scope.programCodes.length > 0;
  const all = programs.data ?? [];
  const mine = limited ? all.filter((p) => me.scope.programCodes.includes(p.code)) : all;
  return (
    <>
      <title>{`${t('users.heading')} · ${t('app.title')}`}</title>
      <h1>{t('users.heading')}</h1>
      {may(me.role, 'user.manage') ? (
        <>
          <p className="muted">{t('users.intro')}</p>
          <ProblemAlert error={programs.error} />
          <InviteAccount programs={mine} limited={limited} />
          <AccountList meId={me.id} allPrograms={all} programs={mine} limited={limited} />
          <DeadLetterList />
        </>
      ) : (
        <p className="alert alert--error" role="alert">
          {t('users.forbidden')}
        </p>
      )}
    </>
  );
}
