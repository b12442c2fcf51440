import type { CaseDetail } from '@kampung/domain/case-views';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../../lib/format';
import { StageBadge } from './StageBadge';

export function CaseHeader({ detail }: { detail: CaseDetail }) {
  const { t, i18n } = useTranslation();
  return (
    <header className="case-header">
      <h1>{detail.name}</h1>
      <p className="case-header__theme">{detail.theme}</p>
      <dl className="facts">
        <div>
          <dt>{t('case.currentStage')}</dt>
          <dd>
            <StageBadge stage={detail.stage} testId="current-stage" />{' '}
            <span className="muted">
              {t('case.since')} <time dateTime={detail.stageEnteredAt}>{formatDate(detail.stageEnteredAt, i18n.language)}</time>
            </span>
          </dd>
        </div>
        {detail.stage === 'ON_HOLD' && detail.resumeStage && (
          <div>
            <dt>{t('case.resumesTo')}</dt>
            <dd>
              <StageBadge stage={detail.resumeStage} testId="resume-stage" />
            </dd>
          </div>
        )}
        <div>
          <dt>{t('case.program')}</dt>
          <dd>{t(`programs.${detail.programCode}`)}</dd>
        </div>
        <div>
          <dt>{t('case.place')}</dt>
          <dd>{t('case.placeValue', { kelurahan: detail.kelurahanName, kecamatan: detail.kecamatanName })}</dd>
        </div>
        <div>
          <dt>{t('case.rw')}</dt>
          <dd>{detail.rw}</dd>
        </div>
      </dl>
    </header>
  );
}
