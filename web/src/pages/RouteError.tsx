import { useTranslation } from 'react-i18next';
import { useRouteError } from 'react-router-dom';

/** Last resort when a page fails to render (e.g. its code could not be downloaded). */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  return (
    <main className="app-main">
      <div className="alert alert--error" role="alert">
        <p className="alert__title">{t('errors.INTERNAL')}</p>
        <p className="alert__detail">{error instanceof Error ? error.message : String(error)}</p>
        <p>
          <a href="/">{t('app.backToList')}</a>
        </p>
      </div>
    </main>
  );
}
