import { useTranslation } from 'react-i18next';
import { formatNumber } from '../lib/format';

interface ListEndProps {
  /** Rows loaded so far, and how many the filters match. */
  shown: number;
  total: number;
  hasMore: boolean;
  loading: boolean;
  /** Loads the next page (the list also does as it is scrolled near its end). */
  onMore: () => void;
}

/** The foot of a long list: how many of the total are loaded, and a button for the next page (it
 * loads by itself as the list is scrolled; the button is for keyboards and screen readers). */
export function ListEnd({ shown, total, hasMore, loading, onMore }: ListEndProps) {
  const { t, i18n } = useTranslation();
  if (total === 0) return null;
  const n = (value: number) => formatNumber(value, i18n.language);
  return (
    <div className="list-end" data-testid="list-end">
      <p className="muted" aria-live="polite">
        {hasMore ? t('longList.shown', { shown: n(shown), total: n(total) }) : t('longList.allShown', { total: n(total) })}
      </p>
      {hasMore && (
        <button type="button" className="button button--secondary" onClick={onMore} disabled={loading}>
          {loading ? t('longList.loading') : t('longList.more')}
        </button>
      )}
    </div>
  );
}
