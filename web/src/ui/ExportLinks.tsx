import { useTranslation } from 'react-i18next';

/** Downloads of the list on screen, with the same filters, as CSV or XLSX (headers in the user's language). */
export function ExportLinks({ path, filters }: { path: string; filters: Record<string, string | number | undefined | null> }) {
  const { t, i18n } = useTranslation();
  const href = (format: 'csv' | 'xlsx') => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(filters)) {
      if (key === 'page' || key === 'pageSize' || value === undefined || value === null || value === '') continue;
      params.set(key, String(value));
    }
    params.set('format', format);
    params.set('lang', i18n.language.startsWith('en') ? 'en' : 'id');
    return `${path}?${params.toString()}`;
  };
  return (
    <p className="export-links">
      <span className="muted">{t('export.label')}</span>{' '}
      <a href={href('csv')} download>
        {t('export.csv')}
      </a>{' '}
      <a href={href('xlsx')} download>
        {t('export.xlsx')}
      </a>
    </p>
  );
}
