import { IMPORT_TYPES, type ImportExtension } from './api/households.api';

/** The extension of a file the import takes (.csv or .xlsx, any case); undefined for others. */
export function importExtension(name: string): ImportExtension | undefined {
  const extension = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase();
  return extension && extension in IMPORT_TYPES ? (extension as ImportExtension) : undefined;
}

/** What the file picker offers: the extensions and their content types. */
export const IMPORT_ACCEPT = [...Object.keys(IMPORT_TYPES).map((e) => `.${e}`), ...Object.values(IMPORT_TYPES)].join(',');
