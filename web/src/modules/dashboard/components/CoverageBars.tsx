import type { Dashboard } from '@kampung/domain/obligation';
import type { Program } from '@kampung/domain/program';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format';
import { programOfKecamatan } from '../../reference/program-of-kecamatan';
import { coverageLink } from '../dashboard-links';
import { Bar, BarRow, CountLink } from './Bar';
import { DashboardSection } from './DashboardSection';

/** Per kecamatan, the kelurahan with at least one kampung still running, as bars to compare them;
 * each figure opens the case list of that kecamatan. Grouped by program when both are shown. */
export function CoverageBars({ dashboard, programs }: { dashboard: Dashboard; programs: readonly Program[] }) {
  const { t, i18n } = useTranslation();
  // In the order of the programs (as the stage funnels are); a kecamatan of no known program last.
  const rank = (code: string) => (code ? programs.findIndex((p) => p.code === code) : programs.length);
  const groups = new Map<string, Dashboard['coverage']>();
  for (const row of dashboard.coverage) {
    const code = programOfKecamatan(row.kecamatan.code, programs)?.code ?? '';
    groups.set(code, [...(groups.get(code) ?? []), row]);
  }
  return (
    <DashboardSection title={t('dashboard.coverage.heading')} hint={t('dashboard.coverage.hint')} testId="dashboard-coverage">
      {dashboard.coverage.length === 0 && <p className="muted">{t('dashboard.coverage.empty')}</p>}
      {[...groups].sort(([a], [b]) => rank(a) - rank(b)).map(([programCode, rows]) => {
        const program = programCode ? t(`programs.${programCode}`, { defaultValue: programCode }) : '';
        return (
          <div key={programCode} className="dash-group">
            {groups.size > 1 && program && <h3>{program}</h3>}
            <ul className="bars" aria-label={program ? t('dashboard.coverage.listLabel', { program }) : t('dashboard.coverage.heading')}>
              {rows.map((row) => {
                const covered = formatNumber(row.covered, i18n.language);
                const total = formatNumber(row.kelurahan, i18n.language);
                return (
                  <BarRow
                    key={row.kecamatan.code}
                    testId="coverage-row"
                    data={row.kecamatan.code}
                    label={row.kecamatan.name}
                    bar={<Bar value={row.covered} max={row.kelurahan} tone="done" />}
                    figure={
                      <CountLink
                        count={row.covered}
                        to={coverageLink(row.kecamatan.code, programs)}
                        label={t('dashboard.coverage.link', { covered, total, name: row.kecamatan.name })}
                      >
                        {t('dashboard.coverage.value', { covered, total })}
                      </CountLink>
                    }
                  />
                );
              })}
            </ul>
          </div>
        );
      })}
    </DashboardSection>
  );
}
