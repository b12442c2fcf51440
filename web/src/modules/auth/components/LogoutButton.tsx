import { useTranslation } from 'react-i18next';
import { useLogout } from '../hooks/useAuth';

/** Sign out here, or on every device (a lost phone, a shared computer). */
export function LogoutButton({ everywhere = false }: { everywhere?: boolean }) {
  const { t } = useTranslation();
  const logout = useLogout({ everywhere });
  return (
    <button type="button" className="button button--quiet" disabled={logout.isPending} onClick={() => logout.mutate()}>
      {everywhere ? t('app.logoutEverywhere') : t('app.logout')}
    </button>
  );
}
