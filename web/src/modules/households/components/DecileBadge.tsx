import { useTranslation } from 'react-i18next';

/** "Desil 1" (poorest tenth) … "Desil 10", or "Desil belum ada". */
export function DecileBadge({ decile }: { decile: number | null }) {
  const { t } = useTranslation();
  if (decile === null) return <span className="badge badge--ended">{t('households.noDecile')}</span>;
  return (
    <span className={decile <= 2 ? 'badge badge--hold' : 'badge badge--active'} data-testid="decile">
      {t('households.decile', { decile })}
    </span>
  );
}
