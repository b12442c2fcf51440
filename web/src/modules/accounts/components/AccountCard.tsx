import type { Program } from '@kampung/domain/program';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTimeWib } from '../../../lib/format';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import type { UserAccount } from '../api/accounts.api';
import { scopeInWords } from '../account-scope';
import { useChangeAccount, useResendInvitation } from '../hooks/useAccountMutations';
import { AccountForm } from './AccountForm';

const STATE_BADGES: Record<UserAccount['state'], string> = {
  ACTIVE: 'badge badge--done',
  INVITED: 'badge badge--hold',
  DEACTIVATED: 'badge badge--ended',
};

interface AccountCardProps {
  account: UserAccount;
  /** The admin's own account: no deactivation, no role change. */
  self: boolean;
  programs: readonly Program[];
  limited: boolean;
  kecamatanName: (code: string) => string | undefined;
}

/** One account: name, email, role and scope in words, and its state; the admin changes its role
 * and scope, deactivates or reactivates it (after a confirmation), or sends an invitation again. */
export function AccountCard({ account: a, self, programs, limited, kecamatanName }: AccountCardProps) {
  const { t, i18n } = useTranslation();
  return (
    <li className="work-card account-card" data-testid="account" data-email={a.email} data-state={a.state}>
      <p className="work-card__title">
        {a.name} {self && <span className="badge badge--active">{t('users.you')}</span>}
      </p>
      <p className="work-card__meta account-card__email">{a.email}</p>
      <p className="account-card__role">
        <span className={STATE_BADGES[a.state]} data-testid="account-state">
          {t(`users.states.${a.state}`)}
        </span>{' '}
        <span data-testid="account-role">{t(`userRoles.${a.role}`)}</span>
      </p>
      <p className="work-card__meta" data-testid="account-scope">
        {scopeInWords(a, kecamatanName, t)}
      </p>
      <p className="work-card__meta">{t('users.createdAt', { when: formatDate(a.createdAt, i18n.language) })}</p>
      <AccountActions account={a} self={self} programs={programs} limited={limited} />
    </li>
  );
}

type Mode = 'idle' | 'edit' | 'deactivate' | 'reactivate';

function AccountActions({ account, self, programs, limited }: Omit<AccountCardProps, 'kecamatanName'>) {
  const { t, i18n } = useTranslation();
  const [mode, setMode] = useState<Mode>('idle');
  const [done, setDone] = useState<string | null>(null);
  const change = useChangeAccount();
  const resend = useResendInvitation();
  const close = () => {
    change.reset();
    setMode('idle');
  };
  const start = (next: Mode) => {
    setDone(null);
    resend.reset();
    setMode(next);
  };

  if (mode === 'edit') {
    return (
      <AccountForm
        mode="edit"
        account={account}
        self={self}
        label={t('users.editHeading', { name: account.name })}
        programs={programs}
        limited={limited}
        submitLabel={t('users.save')}
        pendingLabel={t('users.saving')}
        pending={change.isPending}
        error={change.error}
        onEdit={() => change.error && change.reset()}
        onCancel={close}
        onSubmit={(changes) => {
          if (Object.keys(changes).length === 0) {
            close();
            return;
          }
          change.mutate(
            { id: account.id, change: changes },
            {
              onSuccess: (saved) => {
                setDone(t('users.saved', { name: saved.name }));
                setMode('idle');
              },
            },
          );
        }}
      />
    );
  }
  if (mode === 'deactivate' || mode === 'reactivate') {
    const active = mode === 'reactivate';
    return (
      <div className="inline-form" role="group" aria-label={active ? t('users.reactivate') : t('users.deactivate')}>
        <p>{t(active ? 'users.reactivateConfirm' : 'users.deactivateConfirm', { name: account.name })}</p>
        <ProblemAlert error={change.error} />
        <div className="form__actions">
          <button
            type="button"
            className={active ? 'button button--primary' : 'button button--danger'}
            disabled={change.isPending}
            onClick={() =>
              change.mutate(
                { id: account.id, change: { active } },
                {
                  onSuccess: () => {
                    setDone(t(active ? 'users.reactivated' : 'users.deactivated', { name: account.name }));
                    setMode('idle');
                  },
                },
              )
            }
          >
            {change.isPending ? t('users.confirming') : t(active ? 'users.reactivateYes' : 'users.deactivateYes')}
          </button>
          <button type="button" className="button button--quiet" onClick={close}>
            {t('case.cancel')}
          </button>
        </div>
      </div>
    );
  }
  return (
    <>
      {done && (
        <p className="alert alert--success" role="status" data-testid="account-done">
          {done}
        </p>
      )}
      {resend.isSuccess && (
        <p className="alert alert--success" role="status" data-testid="account-done">
          {t('users.resent', { email: account.email, when: formatDateTimeWib(resend.data.invitationExpiresAt, i18n.language) })}
        </p>
      )}
      <ProblemAlert error={resend.error} />
      <div className="account-actions">
        <button type="button" className="button button--quiet" onClick={() => start('edit')}>
          {t('users.edit')}
        </button>
        {account.state === 'INVITED' && (
          <button type="button" className="button button--quiet" disabled={resend.isPending} onClick={() => {
              setDone(null);
              resend.mutate(account.id);
            }}>
            {resend.isPending ? t('users.resending') : t('users.resend')}
          </button>
        )}
        {!self && account.active && (
          <button type="button" className="button button--quiet" onClick={() => start('deactivate')}>
            {t('users.deactivate')}
          </button>
        )}
        {!self && !account.active && (
          <button type="button" className="button button--quiet" onClick={() => start('reactivate')}>
            {t('users.reactivate')}
          </button>
        )}
      </div>
    </>
  );
}
