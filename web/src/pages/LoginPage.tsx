import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginForm } from '../modules/auth/components/LoginForm';
import { PasswordResetRequestForm } from '../modules/auth/components/PasswordResetRequestForm';

/** The sign-in form, or (after "Lupa kata sandi?") the form that asks for a reset link. */
export function LoginPage() {
  const { t } = useTranslation();
  const [forgot, setForgot] = useState<{ email: string } | null>(null);
  const heading = forgot ? t('password.forgotHeading') : t('login.heading');
  return (
    <div className="login-page">
      <title>{`${heading} · ${t('app.title')}`}</title>
      {forgot ? (
        <PasswordResetRequestForm initialEmail={forgot.email} onBack={() => setForgot(null)} />
      ) : (
        <LoginForm onForgotPassword={(email) => setForgot({ email })} />
      )}
    </div>
  );
}
