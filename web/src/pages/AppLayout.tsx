import { may, type Action } from '@kampung/domain/access';
import { lazy, Suspense, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router-dom';
import { LogoutButton } from '../modules/auth/components/LogoutButton';
import { SessionGate } from '../modules/auth/components/SessionGate';
import { useSession } from '../modules/auth/hooks/useAuth';
import { InboxNavLabel } from '../modules/inbox/components/InboxNavLabel';
import { LanguageSwitch } from '../ui/LanguageSwitch';
import { Loading } from '../ui/Loading';
import { FIELD_TABS, FieldNav, worksInTheField } from './FieldNav';
import { LoginPage } from './lazy';

// "Tanpa sinyal", "Menunggu dikirim (3)": loaded after the first render, outside the first download.
const OfflineStatus = lazy(() => import('../modules/offline/components/OfflineStatus').then((m) => ({ default: m.OfflineStatus })));

/** A link in the user menu closes the menu as it navigates. */
const closeMenu = (event: MouseEvent<HTMLElement>) => event.currentTarget.closest('details')?.removeAttribute('open');

/** "AF" for "Ahmad Fauzi (Pendamping)": the user menu's face on a phone. */
const initials = (name: string) =>
  name
    .replace(/\(.*?\)/g, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word.charAt(0).toUpperCase())
    .join('');

/** The shell: header (product, language, the user's menu) with the entries the user's role may
 * open, and the page, or the login form. */
/** The navigation, each entry shown to the roles the policy table lets take its action. */
const NAV: { to: string; label: string; action?: Action }[] = [
  { to: '/', label: 'cases' },
  { to: '/dashboard', label: 'dashboard', action: 'dashboard.read' },
  { to: '/worklist', label: 'worklist' },
  { to: '/worklists', label: 'worklists' },
  { to: '/inbox', label: 'inbox' },
  // A figure of the dashboard, for those who follow the programs up.
  { to: '/red-reports', label: 'redReports', action: 'dashboard.read' },
  { to: '/households', label: 'households', action: 'household.read' },
  { to: '/duplicates', label: 'duplicates', action: 'duplicate.read' },
  { to: '/policies', label: 'policies' },
  { to: '/users', label: 'users', action: 'user.manage' },
  { to: '/audit', label: 'audit', action: 'audit.read' },
];

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
          <span className="app-header__title-full">{t('app.title')}</span>
          {/* On a phone the header is one slim row: "Kampung", and the user's initials. */}
          <span className="app-header__title-short" aria-hidden="true">
            {t('app.shortTitle')}
          </span>
        </Link>
        <div className="app-header__tools">
          <LanguageSwitch />
          {me && (
            <>
              <details className="app-header__menu">
                <summary className="app-header__user" title={t('app.signedInAs', { name: me.name })} data-testid="current-user">
                  <span className="app-header__initials" aria-hidden="true">
                    {initials(me.name)}
                  </span>
                  <span className="app-header__name">{me.name}</span>
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
            {NAV.filter((item) => !item.action || may(me.role, item.action)).map((item) => (
              <NavLink key={item.to} to={item.to} end={item.to === '/'} className="app-nav__link">
                {item.to === '/inbox' ? <InboxNavLabel /> : t(`nav.${item.label}`)}
              </NavLink>
            ))}
          </nav>
        )}
      </header>
      <main id="main" className="app-main">
        <Suspense fallback={null}>
          <OfflineStatus />
        </Suspense>
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
      {me && worksInTheField(me.role) && (
        <FieldNav more={NAV.filter((item) => (!item.action || may(me.role, item.action)) && !FIELD_TABS.some((tab) => tab.to === item.to))} />
      )}
    </>
  );
}
