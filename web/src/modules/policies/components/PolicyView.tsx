import type { ProgramPolicy } from '@kampung/domain/program-policy';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { DurationText } from './DurationText';
import { fieldLabel, policySections, valueAt, type PolicyField } from './policy-fields';

interface PolicyViewProps {
  policy: ProgramPolicy;
  /** 3 on the page, 4 inside the version history. */
  headingLevel?: 3 | 4;
}

/** Every value of a policy, read-only, grouped (visits, deadlines, monitoring, evaluation, stages);
 * durations as written and in words. Each value carries `data-field` with its path. */
export function PolicyView({ policy, headingLevel = 3 }: PolicyViewProps) {
  const { t } = useTranslation();
  const prefix = useId();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="policy-view">
      {policySections(policy).map((section) => {
        const headingId = `${prefix}-${section.id}`;
        return (
          <section key={section.id} className="policy-section" aria-labelledby={headingId}>
            <Heading id={headingId} className="policy-section__heading">
              {t(`policies.sections.${section.id}`)}
            </Heading>
            <p className="policy-section__hint">{t(`policies.sectionHints.${section.id}`)}</p>
            <dl className="policy-values">
              {section.fields.map((field) => (
                <div key={field.path} className="policy-values__item" data-field={field.path}>
                  <dt>{fieldLabel(field, t)}</dt>
                  <dd>
                    <PolicyValue field={field} value={valueAt(policy, field.path)} />
                    {field.hintKey && <p className="policy-values__hint">{t(field.hintKey)}</p>}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </div>
  );
}

function PolicyValue({ field, value }: { field: PolicyField; value: string | number | undefined }) {
  const { t, i18n } = useTranslation();
  if (value === undefined) {
    return <span className="muted">{field.path.startsWith('visitCadence.') ? t('policies.noVisits') : t('policies.noLimit')}</span>;
  }
  if (typeof value === 'string') return <DurationText value={value} />;
  const number = formatNumber(value, i18n.language);
  return <>{field.kind === 'percent' ? `${number}%` : number}</>;
}
