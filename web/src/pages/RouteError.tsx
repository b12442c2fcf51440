import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Last resort when a page fails to render (e.g. its code could not be downloaded). */
export function RouteError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  return (
    <main className="app-main">
      <div className="alert alert--error" role="alert">
        <p className="alert__title">{t('errors.INTERNAL')}</p>
        {i18n.language === 'en' && <p className="alert__detail">{error instanceof Error ? error.message : String(error)}</p>}
        <p>
          <a href="/">{t('app.backToList')}</a>
        </p>
      </div>
    </main>
  );
}

/** Shows RouteError instead of the pages when one of them throws while rendering. */
export class RouteErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  override state: { error: unknown } = { error: undefined };

  static getDerivedStateFromError(error: unknown) {
    return { error: error ?? new Error('Unknown error') };
  }

  override render() {
    return this.state.error === undefined ? this.props.children : <RouteError error={this.state.error} />;
  }
}
