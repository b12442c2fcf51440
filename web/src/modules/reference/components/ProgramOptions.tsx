import type { Program } from '@kampung/domain/program';
import { useTranslation } from 'react-i18next';

/** `<option>`s naming each program with its city, never by an ambiguous abbreviation. */
export function ProgramOptions({ programs }: { programs: readonly Program[] }) {
  const { t } = useTranslation();
  return (
    <>
      {programs.map((p) => (
        <option key={p.code} value={p.code}>
          {t(`programs.${p.code}`, { defaultValue: `${p.name} (${p.cityName})` })}
        </option>
      ))}
    </>
  );
}
