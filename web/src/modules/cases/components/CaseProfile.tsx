import type { CaseDetail } from '@kampung/domain/case-views';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { FoldedSection } from '../../../ui/FoldedSection';

function Lines({ items }: { items: readonly string[] }) {
  const { t } = useTranslation();
  if (items.length === 0) return <>{t('case.none')}</>;
  return (
    <ul className="plain-list">
      {items.map((item, i) => (
        <li key={i}>{item}</li>
      ))}
    </ul>
  );
}

/** "Profil kampung": what the proposal said of the kampung; folded on a phone, where it is read least. */
export function CaseProfile({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  const { profile, proposer } = detail;
  return (
    <FoldedSection heading={t('case.profile')}>
      <dl className="facts">
        <div>
          <dt>{t('fields.households')}</dt>
          <dd>{formatNumber(profile.households, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('fields.poorHouseholds')}</dt>
          <dd>{formatNumber(profile.poorHouseholds, i18n.language)}</dd>
        </div>
        <div>
          <dt>{t('fields.potentials')}</dt>
          <dd>
            <Lines items={profile.potentials} />
          </dd>
        </div>
        <div>
          <dt>{t('fields.problems')}</dt>
          <dd>
            <Lines items={profile.problems} />
          </dd>
        </div>
        <div>
          <dt>{t('case.proposer')}</dt>
          <dd>
            {proposer.name} — {proposer.organisation}
          </dd>
        </div>
      </dl>
    </FoldedSection>
  );
}
