import { useTranslation } from 'react-i18next';
import { InvitationForm } from '../modules/auth/components/InvitationForm';

/** `/invitation#<token>`: opened from the invitation email, without a session. */
export function InvitationPage() {
  const { t } = useTranslation();
  const token = window.location.hash.slice(1);
  return (
    <div className="login-page">
      <title>{`${t('invitation.heading')} · ${t('app.title')}`}</title>
      <InvitationForm token={token} />
    </div>
  );
}
