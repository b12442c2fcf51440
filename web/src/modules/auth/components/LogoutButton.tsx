import { useTranslation } from 'react-i18next';
import { useLogout } from '../hooks/useAuth';

export function LogoutButton() {
  const { t } = useTranslation();
  const logout = useLogout();
  return (
    <button type="button" className="button button--quiet" disabled={logout.isPending} onClick={() => logout.mutate()}>
      {t('app.logout')}
    </button>
  );
}
