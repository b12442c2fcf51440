import { may } from '@kampung/domain/access';
import { Suspense, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { LogoutButton } from '../modules/auth/components/LogoutButton';
import { SessionGate } from '../modules/auth/components/SessionGate';
import { useSession } from '../modules/auth/hooks/useAuth';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Loading } from '../ui/Loading';
import { LoginPage } from './lazy';

/** A link in the user menu closes the menu as it navigates. */
const closeMenu = (event: MouseEvent<HTMLElement>) => event.currentTarget.closest('details')?.removeAttribute('open');

/** The shell: header (product, language, the user's menu) with the entries the user's role may
 * open, and the page, or the login form. */
export function AppLayout() {
  const { t } = useTranslation();
  const me = useSession().data;
  // The invitation link is opened without a session.
  const open = useLocation().pathname === '/invitation';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <Link to="/" className="app-header__title">
          {t('app.title')}
        </Link>
        <div className="app-header__tools">
          <LanguageSwitch />
          {me && (
            <>
              <details className="app-header__menu">
                <summary className="app-header__user" title={t('app.signedInAs', { name: me.name })} data-testid="current-user">
                  {me.name}
                </summary>
                <div className="app-header__menu-items">
                  <Link to="/account/password" className="button button--quiet" onClick={closeMenu}>
                    {t('userMenu.password')}
                  </Link>
                  <LogoutButton />
                  <LogoutButton everywhere />
                </div>
              </details>
            </>
          )}
        </div>
        {me && (
          <nav className="app-nav" aria-label={t('nav.label')}>
            <NavLink to="/" end className="app-nav__link">
              {t('nav.cases')}
            </NavLink>
            {may(me.role, 'dashboard.read') && (
              <NavLink to="/dashboard" className="app-nav__link">
                {t('nav.dashboard')}
              </NavLink>
            )}
            <NavLink to="/worklist" className="app-nav__link">
              {t('nav.worklist')}
            </NavLink>
            <NavLink to="/worklists" className="app-nav__link">
              {t('nav.worklists')}
            </NavLink>
            <NavLink to="/inbox" className="app-nav__link">
              {t('nav.inbox')}
            </NavLink>
            {/* A figure of the dashboard, for those who follow the programs up. */}
            {may(me.role, 'dashboard.read') && (
              <NavLink to="/red-reports" className="app-nav__link">
                {t('nav.redReports')}
              </NavLink>
            )}
            {may(me.role, 'household.read') && (
              <NavLink to="/households" className="app-nav__link">
                {t('nav.households')}
              </NavLink>
            )}
            {(may(me.role, 'duplicate.review') || may(me.role, 'duplicate.approve')) && (
              <NavLink to="/duplicates" className="app-nav__link">
                {t('nav.duplicates')}
              </NavLink>
            )}
            <NavLink to="/policies" className="app-nav__link">
              {t('nav.policies')}
            </NavLink>
            {may(me.role, 'user.manage') && (
              <NavLink to="/users" className="app-nav__link">
                {t('nav.users')}
              </NavLink>
            )}
            {may(me.role, 'audit.read') && (
              <NavLink to="/audit" className="app-nav__link">
                {t('nav.audit')}
              </NavLink>
            )}
          </nav>
        )}
      </header>
      <main id="main" className="app-main">
        <Suspense fallback={<Loading />}>
          {open ? (
            <Outlet />
          ) : (
            <SessionGate signIn={<LoginPage />}>
              <Outlet />
            </SessionGate>
          )}
        </Suspense>
      </main>
    </>
  );
}
