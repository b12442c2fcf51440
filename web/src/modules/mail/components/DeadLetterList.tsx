import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTimeWib } from '../../../lib/format';
import { Loading } from '../../../ui/Loading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { mailQueries } from '../api/mail.queries';

/** The mail that could not be delivered after every attempt (dead letters): to whom, what, when,
 * and the SMTP server's last answer, so an admin can tell the colleague another way. */
export function DeadLetterList() {
  const { t, i18n } = useTranslation();
  const query = useQuery(mailQueries.deadLetters());
  const items = query.data?.items ?? [];
  return (
    <section aria-labelledby="dead-letters-heading">
      <h2 id="dead-letters-heading">{t('mail.deadHeading')}</h2>
      <p className="muted">{t('mail.deadIntro')}</p>
      <ProblemAlert error={query.error} />
      {query.isPending && <Loading />}
      {query.data && items.length === 0 && <p className="muted">{t('mail.deadEmpty')}</p>}
      {items.length > 0 && (
        <ul className="work-list" aria-label={t('mail.deadHeading')}>
          {items.map((item) => (
            <li key={item.id} className="work-item">
              <strong>{t(`mail.template.${item.template}`, { defaultValue: item.template })}</strong>
              {' · '}
              {item.recipient.name} &lt;{item.recipient.email}&gt;
              <div className="muted">
                {t('mail.deadWhen', { when: item.deadAt ? formatDateTimeWib(item.deadAt, i18n.language) : '—', attempts: item.attempts })}
              </div>
              {item.lastError && <code className="dead-letter-error">{item.lastError}</code>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
