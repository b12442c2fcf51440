import type { HouseholdView } from '@kampung/domain/household';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { DecileBadge } from './DecileBadge';

/** Where the household lives, its family card number, and its welfare decile with the date and
 * list the figure comes from. */
export function HouseholdFacts({ household: h }: { household: HouseholdView }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="facts household-facts">
      <div>
        <dt>{t('household.kk')}</dt>
        <dd className="nik" data-testid="household-kk" data-masked={h.kkMasked}>
          {h.kk}
        </dd>
      </div>
      <div>
        <dt>{t('household.address')}</dt>
        <dd data-testid="household-address">
          {h.address}
          <br />
          {t('household.addressArea', { rt: h.rt, rw: h.rw, kelurahan: h.kelurahan.name, kecamatan: h.kecamatan.name })}
        </dd>
      </div>
      <div>
        <dt>{t('household.decileLabel')}</dt>
        <dd>
          <DecileBadge decile={h.decile} />{' '}
          <span className="muted">
            {t('household.decileSource', {
              date: formatDate(h.dataDate, i18n.language),
              source: t(`importSources.${h.source}`, { defaultValue: h.source }),
            })}
          </span>
        </dd>
      </div>
      {h.dtksId && (
        <div>
          <dt>{t('household.dtksId')}</dt>
          <dd>{h.dtksId}</dd>
        </div>
      )}
    </dl>
  );
}
