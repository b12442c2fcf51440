import type { Dashboard } from '@kampung/domain/obligation';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { stageFunnels } from '../dashboard-figures';
import { stageLink } from '../dashboard-links';
import { Bar, BarRow, CountLink } from './Bar';
import { DashboardSection } from './DashboardSection';

/** Cases per stage, as a funnel per program; each count opens the case list of that program and stage. */
export function StageFunnel({ dashboard, programOrder }: { dashboard: Dashboard; programOrder: readonly string[] }) {
  const { t, i18n } = useTranslation();
  const funnels = stageFunnels(dashboard.stages, programOrder);
  return (
    <DashboardSection title={t('dashboard.stages.heading')} hint={t('dashboard.stages.hint')} testId="dashboard-stages">
      {funnels.length === 0 && <p className="muted">{t('dashboard.stages.empty')}</p>}
      {funnels.map((funnel) => {
        const program = t(`programs.${funnel.programCode}`, { defaultValue: funnel.programCode });
        return (
          <div key={funnel.programCode} className="dash-group">
            {(funnels.length > 1 || !dashboard.program) && <h3>{program}</h3>}
            <ol className="bars" aria-label={t('dashboard.stages.listLabel', { program })}>
              {funnel.rows.map((row) => {
                const stage = t(`stages.${row.stage}`, { defaultValue: row.stage });
                const count = formatNumber(row.count, i18n.language);
                return (
                  <BarRow
                    key={row.stage}
                    testId="stage-row"
                    data={row.stage}
                    label={stage}
                    bar={<Bar value={row.count} max={funnel.max} />}
                    figure={<CountLink count={row.count} to={stageLink(funnel.programCode, row.stage)} label={t('dashboard.stages.link', { n: count, stage })} />}
                  />
                );
              })}
            </ol>
          </div>
        );
      })}
    </DashboardSection>
  );
}
