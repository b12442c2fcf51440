import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PasswordChangeForm } from '../modules/auth/components/PasswordChangeForm';

/** "Ubah kata sandi" at `/account/password`, from the user menu in the header. */
export function PasswordPage() {
  const { t } = useTranslation();
  return (
    <div className="narrow-page">
      <title>{`${t('password.heading')} · ${t('app.title')}`}</title>
      <p>
        <Link to="/">← {t('app.backToList')}</Link>
      </p>
      <h1>{t('password.heading')}</h1>
      <PasswordChangeForm />
    </div>
  );
}
