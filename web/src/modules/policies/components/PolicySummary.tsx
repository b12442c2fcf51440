import { POLICY_APPLIES_TO, type PolicyVersion } from '@kampung/domain/program-policy';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../../lib/format';

/** The current version: its number, who changed it and when, why, and how it reaches running cases. */
export function PolicySummary({ version, children }: { version: PolicyVersion; children?: ReactNode }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="card policy-summary" aria-labelledby="policy-summary-heading" data-testid="policy-current">
      <h2 id="policy-summary-heading">{t('policies.currentHeading')}</h2>
      <p className="policy-summary__version">
        <span className="badge badge--active" data-testid="policy-version">
          {t('policies.version', { version: version.version })}
        </span>
      </p>
      <p className="muted">
        {t('policies.changedBy', { name: authorName(version, t) })} ·{' '}
        <time dateTime={version.createdAt}>{formatDateTime(version.createdAt, i18n.language)}</time>
      </p>
      <p className="policy-summary__note">
        <strong>{t('policies.changeNote')}:</strong> <span data-testid="policy-change-note">{version.changeNote}</span>
      </p>
      <p className="alert alert--info policy-summary__applies" data-testid="policy-applies-to">
        <strong>{t('policies.appliesToTitle')}</strong> {appliesTo(version, t)}
      </p>
      {children}
    </section>
  );
}

/** The person who made a version; the starting policies were made by the system. */
export function authorName(version: PolicyVersion, t: TFunction): string {
  return version.createdBy.id === null ? t('policies.system') : version.createdBy.name;
}

/** The API's sentence in the user's language when it is the one the page knows, else as sent. */
export function appliesTo(version: PolicyVersion, t: TFunction): string {
  return version.appliesTo === POLICY_APPLIES_TO ? t('policies.appliesTo') : version.appliesTo;
}
