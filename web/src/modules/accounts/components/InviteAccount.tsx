import type { Program } from '@kampung/domain/program';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTimeWib } from '../../../lib/format';
import type { Invitation } from '../api/accounts.api';
import { useInviteUser } from '../hooks/useAccountMutations';
import { AccountForm } from './AccountForm';

/** "Undang pengguna": opens the invitation form; once sent, says where the link went and until when
 * it works (the link itself goes by email, never to the admin). */
export function InviteAccount({ programs, limited }: { programs: readonly Program[]; limited: boolean }) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<Invitation | null>(null);
  const invite = useInviteUser();
  return (
    <section className="invite-account" aria-labelledby="invite-heading">
      <h2 id="invite-heading">{t('users.invite')}</h2>
      {sent && (
        <p className="alert alert--success" role="status" data-testid="invitation-sent">
          {t('users.invited', { email: sent.email, when: formatDateTimeWib(sent.invitationExpiresAt, i18n.language) })}
        </p>
      )}
      {open ? (
        <AccountForm
          mode="invite"
          label={t('users.inviteHeading')}
          programs={programs}
          limited={limited}
          submitLabel={t('users.inviteSubmit')}
          pendingLabel={t('users.inviting')}
          pending={invite.isPending}
          error={invite.error}
          onEdit={() => invite.error && invite.reset()}
          onCancel={() => {
            invite.reset();
            setOpen(false);
          }}
          onSubmit={(value) =>
            invite.mutate(value, {
              onSuccess: (invitation) => {
                setSent(invitation);
                setOpen(false);
              },
            })
          }
        />
      ) : (
        <button
          type="button"
          className="button button--primary"
          aria-expanded={false}
          onClick={() => {
            setSent(null);
            invite.reset();
            setOpen(true);
          }}
        >
          {t('users.inviteHeading')}
        </button>
      )}
    </section>
  );
}
