import { useTranslation } from 'react-i18next';
import { LoginForm } from '../modules/auth/components/LoginForm';

export function LoginPage() {
  const { t } = useTranslation();
  return (
    <div className="login-page">
      <title>{`${t('login.heading')} · ${t('app.title')}`}</title>
      <LoginForm />
    </div>
  );
}
