import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDate } from '../../../lib/format';
import { QualityBadge } from '../../households/components/QualityBadge';
import { householdPath } from '../../households/household-links';
import type { DuplicateSide as Side } from '../api/duplicates.api';

interface DuplicateSideProps {
  side: Side;
  /** "Data A" or "Data B". */
  label: string;
  /** The record stays in a requested or done merge. */
  stays: boolean;
  /** The reviewer chooses which record stays: a radio of the pair's group. */
  keep?: { name: string; checked: boolean; onChange: () => void };
}

/** One record of a pair: name, NIK (masked), birth date, sex, relation, its household's KK and
 * place (a link to it), and its data quality. */
export function DuplicateSide({ side: p, label, stays, keep }: DuplicateSideProps) {
  const { t, i18n } = useTranslation();
  const radioId = keep ? `${keep.name}-${p.id}` : undefined;
  return (
    <div className="duplicate__side" data-testid="duplicate-side" data-person-id={p.id}>
      <p className="duplicate__label">
        {label} {stays && <span className="badge badge--done">{t('duplicates.stays')}</span>}
      </p>
      <p className="duplicate__name" data-testid="duplicate-name">
        <strong>{p.name}</strong>
      </p>
      <dl className="duplicate__facts">
        <dt>{t('person.nik')}</dt>
        <dd className="nik" data-testid="duplicate-nik">
          {p.nik}
        </dd>
        <dt>{t('person.birthDate')}</dt>
        <dd>
          <time dateTime={p.birthDate}>{formatDate(p.birthDate, i18n.language)}</time>
        </dd>
        <dt>{t('person.sex')}</dt>
        <dd>{t(`sexes.${p.sex}`)}</dd>
        <dt>{t('person.relation')}</dt>
        <dd>{t(`relations.${p.relation}`, { defaultValue: p.relation })}</dd>
        <dt>{t('household.kk')}</dt>
        <dd className="nik">{p.household.kk}</dd>
        <dt>{t('duplicates.place')}</dt>
        <dd>
          <Link to={householdPath(p.household.id)}>{t('households.place', { kelurahan: p.household.kelurahanName, rw: p.household.rw, rt: p.household.rt })}</Link>
        </dd>
        <dt>{t('duplicates.quality')}</dt>
        <dd>
          <QualityBadge quality={p.quality} />
        </dd>
      </dl>
      {keep && (
        <label className="checkbox" htmlFor={radioId}>
          <input id={radioId} type="radio" name={keep.name} checked={keep.checked} onChange={keep.onChange} />
          {t('duplicates.keepThis')}
        </label>
      )}
    </div>
  );
}
