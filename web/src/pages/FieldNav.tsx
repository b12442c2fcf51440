import { may, ROLE_REACH, type UserRole } from '@kampung/domain/access';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { InboxNavLabel } from '../modules/inbox/components/InboxNavLabel';

/** Those who work in the field on the kampung assigned to them and log its visits: the mentor and
 * the IAI architect. On a phone their navigation is the bar at the bottom of the screen. */
export function worksInTheField(role: UserRole): boolean {
  return ROLE_REACH[role] === 'ASSIGNED' && may(role, 'visit.log');
}

/** The bar's own entries (the rest of the navigation is under "Menu"), each with a line icon. */
export const FIELD_TABS: { to: string; label: string; icon: string }[] = [
  { to: '/worklist', label: 'worklist', icon: 'M9 6h11M9 12h11M9 18h11M4 6l1 1 2-2M4 12l1 1 2-2M4 18l1 1 2-2' },
  { to: '/', label: 'casesShort', icon: 'M3 7a1 1 0 0 1 1-1h5l2 2h9a1 1 0 0 1 1 1v9a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1z' },
  { to: '/inbox', label: 'inbox', icon: 'M3 13l3-8h12l3 8v6H3zM3 13h5l1 3h6l1-3h5' },
];
const MENU_ICON = 'M4 6h16M4 12h16M4 18h16';

function Icon({ path }: { path: string }) {
  return (
    <svg className="field-nav__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={path} fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

/** A link in the menu closes the menu as it navigates. */
const closeMenu = (event: MouseEvent<HTMLElement>) => event.currentTarget.closest('details')?.removeAttribute('open');

/** The bottom navigation of a field role on a phone (styles.css shows it only there, and hides the
 * header's list): worklist, cases and inbox in reach of the thumb, and the role's other entries
 * (`more`, as the header lists them) under "Menu". */
export function FieldNav({ more }: { more: { to: string; label: string }[] }) {
  const { t } = useTranslation();
  return (
    <nav className="field-nav" aria-label={t('nav.label')} data-testid="field-nav">
      {FIELD_TABS.map((tab) => (
        <NavLink key={tab.to} to={tab.to} end={tab.to === '/'} className="field-nav__link">
          <Icon path={tab.icon} />
          <span>{tab.to === '/inbox' ? <InboxNavLabel /> : t(`nav.${tab.label}`)}</span>
        </NavLink>
      ))}
      <details className="field-nav__more">
        <summary className="field-nav__link">
          <Icon path={MENU_ICON} />
          <span>{t('nav.more')}</span>
        </summary>
        <div className="field-nav__menu">
          {more.map((item) => (
            <NavLink key={item.to} to={item.to} className="field-nav__menu-link" onClick={closeMenu}>
              {t(`nav.${item.label}`)}
            </NavLink>
          ))}
        </div>
      </details>
    </nav>
  );
}
