import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { inboxQueries } from '../api/inbox.queries';
import '../inbox.css';

/** More than this shows as "99+" (a screen reader still hears the number). */
const MOST_SHOWN = 99;

/** The navigation's "Kotak masuk (3)": the inbox with how many of its items are unread, asked
 * about once a minute and again after an item is read or done. A screen reader hears
 * "Kotak masuk (3 belum dibaca)". */
export function InboxNavLabel() {
  const { t, i18n } = useTranslation();
  const unread = useQuery(inboxQueries.unread()).data?.unread ?? 0;
  return (
    <>
      {t('nav.inbox')}
      {unread > 0 && (
        <>
          {' '}
          <span className="app-nav__count" aria-hidden="true" data-testid="inbox-unread-count">
            ({unread > MOST_SHOWN ? `${MOST_SHOWN}+` : formatNumber(unread, i18n.language)})
          </span>
          <span className="visually-hidden">{t('nav.inboxUnread', { count: unread, n: formatNumber(unread, i18n.language) })}</span>
        </>
      )}
    </>
  );
}
