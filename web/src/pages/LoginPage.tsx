import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoginForm } from '../modules/auth/components/LoginForm';
import { Loading } from '../ui/Loading';

// Loaded when asked for: it validates with zod, which the sign-in form does without (90 KB gzipped).
const PasswordResetRequestForm = lazy(() =>
  import('../modules/auth/components/PasswordResetRequestForm').then((m) => ({ default: m.PasswordResetRequestForm })),
);

/** The sign-in form, or (after "Lupa kata sandi?") the form that asks for a reset link. */
export function LoginPage() {
  const { t } = useTranslation();
  const [forgot, setForgot] = useState<{ email: string } | null>(null);
  const heading = forgot ? t('password.forgotHeading') : t('login.heading');
  return (
    <div className="login-page">
      <title>{`${heading} · ${t('app.title')}`}</title>
      {forgot ? (
        <Suspense fallback={<Loading />}>
          <PasswordResetRequestForm initialEmail={forgot.email} onBack={() => setForgot(null)} />
        </Suspense>
      ) : (
        <LoginForm onForgotPassword={(email) => setForgot({ email })} />
      )}
    </div>
  );
}
