import { useTranslation } from 'react-i18next';
import { Field } from '../../../ui/Field';
import { ProgramOptions } from '../../reference/components/ProgramOptions';
import { useProgramRegions } from '../../reference/hooks/useProgramRegions';
import type { ProposalDraft } from './proposal-draft';

interface RegionFieldsProps {
  draft: ProposalDraft;
  onChange: (changes: Partial<ProposalDraft>) => void;
  errorOf: (field: 'programCode' | 'kecamatanCode' | 'kelurahanCode') => string | undefined;
}

/** Program → kecamatan of the program's city → kelurahan of that kecamatan. */
export function RegionFields({ draft, onChange, errorOf }: RegionFieldsProps) {
  const { t } = useTranslation();
  const { programs, kecamatan } = useProgramRegions(draft.programCode || undefined);
  const kelurahan = kecamatan.find((k) => k.code === draft.kecamatanCode)?.kelurahan ?? [];
  return (
    <>
      <Field id="proposal-program" label={t('fields.programCode')} required error={errorOf('programCode')}>
        {(control) => (
          <select
            {...control}
            value={draft.programCode}
            onChange={(e) => onChange({ programCode: e.target.value, kecamatanCode: '', kelurahanCode: '' })}
          >
            <option value="">{t('form.choose')}</option>
            <ProgramOptions programs={programs} />
          </select>
        )}
      </Field>
      <Field id="proposal-kecamatan" label={t('fields.kecamatan')} required error={errorOf('kecamatanCode')}>
        {(control) => (
          <select
            {...control}
            value={draft.kecamatanCode}
            disabled={kecamatan.length === 0}
            onChange={(e) => onChange({ kecamatanCode: e.target.value, kelurahanCode: '' })}
          >
            <option value="">{t('form.choose')}</option>
            {kecamatan.map((k) => (
              <option key={k.code} value={k.code}>
                {k.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="proposal-kelurahan" label={t('fields.kelurahanCode')} required error={errorOf('kelurahanCode')}>
        {(control) => (
          <select
            {...control}
            value={draft.kelurahanCode}
            disabled={kelurahan.length === 0}
            onChange={(e) => onChange({ kelurahanCode: e.target.value })}
          >
            <option value="">{t('form.choose')}</option>
            {kelurahan.map((k) => (
              <option key={k.code} value={k.code}>
                {k.name}
              </option>
            ))}
          </select>
        )}
      </Field>
    </>
  );
}
