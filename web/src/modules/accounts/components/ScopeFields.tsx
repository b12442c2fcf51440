import type { Program } from '@kampung/domain/program';
import { useTranslation } from 'react-i18next';
import { useCitiesRegions } from '../../reference/hooks/useCitiesRegions';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { keepKecamatanOf } from '../account-draft';

interface Scope {
  programCodes: string[];
  kecamatanCodes: string[];
}

interface ScopeFieldsProps {
  idPrefix: string;
  /** The programs the admin may give (all, or the admin's own). */
  programs: readonly Program[];
  value: Scope;
  programsHint: string;
  errors: { programCodes?: string; kecamatanCodes?: string };
  onChange: (scope: Scope) => void;
}

/** Which programs an account is limited to (none ticked: all), and within them which kecamatan
 * (none ticked: all), one group of checkboxes per chosen program's city. Unticking a program drops
 * its city's kecamatan. */
export function ScopeFields({ idPrefix, programs, value, programsHint, errors, onChange }: ScopeFieldsProps) {
  const { t } = useTranslation();
  const chosen = programs.filter((p) => value.programCodes.includes(p.code));
  const regions = useCitiesRegions(chosen.map((p) => p.cityCode));
  const id = (name: string) => `${idPrefix}-${name}`;

  function toggleProgram(code: string, on: boolean) {
    const programCodes = on ? [...value.programCodes, code] : value.programCodes.filter((c) => c !== code);
    const cities = programs.filter((p) => programCodes.includes(p.code)).map((p) => p.cityCode);
    onChange({ programCodes, kecamatanCodes: keepKecamatanOf(value.kecamatanCodes, cities) });
  }

  function toggleKecamatan(code: string, on: boolean) {
    onChange({ ...value, kecamatanCodes: on ? [...value.kecamatanCodes, code] : value.kecamatanCodes.filter((c) => c !== code) });
  }

  const describedBy = (name: string, error?: string) => [id(`${name}-hint`), error ? id(`${name}-error`) : ''].filter(Boolean).join(' ');
  return (
    <>
      <fieldset className={errors.programCodes ? 'fieldset field--invalid' : 'fieldset'} aria-describedby={describedBy('programs', errors.programCodes)}>
        <legend>{t('users.fields.programs')}</legend>
        <p id={id('programs-hint')} className="field__hint">
          {programsHint}
        </p>
        {programs.map((p) => (
          <label key={p.code} className="checkbox checkbox--plain" htmlFor={id(`program-${p.code}`)}>
            <input
              id={id(`program-${p.code}`)}
              type="checkbox"
              checked={value.programCodes.includes(p.code)}
              onChange={(e) => toggleProgram(p.code, e.target.checked)}
            />
            {t(`programs.${p.code}`, { defaultValue: `${p.name} (${p.cityName})` })}
          </label>
        ))}
        {errors.programCodes && (
          <p id={id('programs-error')} className="field__error">
            {errors.programCodes}
          </p>
        )}
      </fieldset>
      <fieldset className={errors.kecamatanCodes ? 'fieldset field--invalid' : 'fieldset'} aria-describedby={describedBy('kecamatan', errors.kecamatanCodes)}>
        <legend>{t('users.fields.kecamatan')}</legend>
        <p id={id('kecamatan-hint')} className="field__hint">
          {chosen.length === 0 ? t('users.hints.pickProgramFirst') : t('users.hints.kecamatan')}
        </p>
        <ProblemAlert error={regions.error} />
        {regions.pending && chosen.length > 0 && <p className="loading">{t('app.loading')}</p>}
        {regions.cities.map((city) => (
          <div key={city.cityCode} role="group" aria-labelledby={id(`city-${city.cityCode}`)}>
            <p id={id(`city-${city.cityCode}`)} className="scope-city">
              {t('users.fields.kecamatanOf', { city: city.cityName })}
            </p>
            <div className="checkbox-grid">
              {city.kecamatan.map((k) => (
                <label key={k.code} className="checkbox checkbox--plain" htmlFor={id(`kecamatan-${k.code}`)}>
                  <input
                    id={id(`kecamatan-${k.code}`)}
                    type="checkbox"
                    checked={value.kecamatanCodes.includes(k.code)}
                    onChange={(e) => toggleKecamatan(k.code, e.target.checked)}
                  />
                  {k.name}
                </label>
              ))}
            </div>
          </div>
        ))}
        {errors.kecamatanCodes && (
          <p id={id('kecamatan-error')} className="field__error">
            {errors.kecamatanCodes}
          </p>
        )}
      </fieldset>
    </>
  );
}
