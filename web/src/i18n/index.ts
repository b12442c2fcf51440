import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { idCore } from './id-core';

export const LANGUAGES = ['id', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'kampung.lang';

function storedLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  return saved === 'en' ? 'en' : 'id';
}

/** The locale used to format dates and numbers for a UI language. */
export function localeOf(language: string): string {
  return language === 'en' ? 'en-GB' : 'id-ID';
}

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  void i18n.changeLanguage(language);
}

i18n.on('languageChanged', (language) => {
  // No document outside a browser (unit tests format with the same i18n).
  if (typeof document !== 'undefined') document.documentElement.lang = language;
});

/** English is fetched when it is chosen: most readers never download it. */
const otherLanguages: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (language !== 'en') return callback(null, {});
    import('./en').then(
      (module) => callback(null, module.en),
      (error: unknown) => callback(error instanceof Error ? error : String(error), null),
    );
  },
};

/** Settles once the chosen language can be shown (English after its download). */
export const i18nReady: Promise<unknown> = i18n
  .use(otherLanguages)
  .use(initReactI18next)
  .init({
    resources: { id: { translation: idCore } },
    partialBundledLanguages: true,
    lng: storedLanguage(),
    fallbackLng: 'id',
    interpolation: { escapeValue: false },
  })
  .catch(() => undefined);

let pageTexts: Promise<void> | undefined;
/** The Indonesian texts of the pages (the first download has only the header's and the errors'):
 * fetched once, with the first page. English, when chosen, comes whole. */
export function loadPageTexts(): Promise<void> {
  pageTexts ??= import('./id').then(
    (module) => {
      i18n.addResourceBundle('id', 'translation', module.id, true, true);
    },
    (error: unknown) => {
      pageTexts = undefined; // asked again with the next page
      throw error;
    },
  );
  return pageTexts;
}

export default i18n;
