import type { PersonView } from '@kampung/domain/household';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { QualityBadge } from './QualityBadge';

/** The household's members: name, NIK (masked unless unmasked was asked for), relation to the
 * head, sex, birth date, and the data quality with what is wrong with the NIK. */
export function MemberList({ members }: { members: readonly PersonView[] }) {
  const { t, i18n } = useTranslation();
  if (members.length === 0) return <p className="muted">{t('household.noMembers')}</p>;
  return (
    <ul className="item-list" aria-label={t('household.membersHeading')}>
      {members.map((m) => (
        <li key={m.id} className="item-list__item person" data-testid="member" data-id={m.id}>
          <p className="item-list__title">
            <strong>{m.name}</strong> <QualityBadge quality={m.quality} />
          </p>
          <dl className="person__facts">
            <div>
              <dt>{t('person.nik')}</dt>
              <dd className="nik" data-testid="member-nik" data-masked={m.nikMasked}>
                {m.nik}
              </dd>
            </div>
            <div>
              <dt>{t('person.relation')}</dt>
              <dd>{t(`relations.${m.relation}`, { defaultValue: m.relation })}</dd>
            </div>
            <div>
              <dt>{t('person.sex')}</dt>
              <dd>{t(`sexes.${m.sex}`)}</dd>
            </div>
            <div>
              <dt>{t('person.birthDate')}</dt>
              <dd>
                <time dateTime={m.birthDate}>{formatDate(m.birthDate, i18n.language)}</time>
              </dd>
            </div>
          </dl>
          {m.nikProblems.length > 0 && (
            <p className="item-list__meta" data-testid="nik-problems">
              {t('person.nikProblems', { problems: m.nikProblems.map((p) => t(`nikProblems.${p}`, { defaultValue: p })).join('; ') })}
            </p>
          )}
          {m.mergedInto && <p className="item-list__meta">{t('person.merged')}</p>}
        </li>
      ))}
    </ul>
  );
}
