import { useTranslation } from 'react-i18next';

export interface FilterChip {
  /** The URL parameter(s) the chip stands for; a stable key. */
  id: string;
  label: string;
  onRemove: () => void;
}

/** The filters in force that have no control of their own on the page (set by a link, e.g. from
 * the dashboard), each with a button that removes it. Nothing when there are none. */
export function FilterChips({ chips }: { chips: readonly FilterChip[] }) {
  const { t } = useTranslation();
  if (chips.length === 0) return null;
  return (
    <ul className="chips" aria-label={t('filters.active')} data-testid="filter-chips">
      {chips.map((chip) => (
        <li key={chip.id} className="chip" data-testid="filter-chip" data-filter={chip.id}>
          <span className="chip__label">{chip.label}</span>
          <button type="button" className="chip__remove" aria-label={t('filters.remove', { label: chip.label })} onClick={chip.onRemove}>
            <span aria-hidden="true">×</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
