import type { HouseholdImportView, HouseholdSummary, HouseholdView } from '@kampung/domain/household';
import { http, searchString } from '../../../lib/http';
import type { PageInfo } from '../../../lib/pages';

export type { HouseholdImportView, HouseholdSummary, HouseholdView };

/** The list's filters as the API takes them (`householdListQuerySchema`). */
export interface HouseholdFilters {
  kelurahan?: string;
  rw?: string;
  /** A name (part of it), or a whole NIK or KK; at least 2 characters. */
  q?: string;
}

export interface HouseholdPage extends PageInfo {
  items: HouseholdSummary[];
}

/** Households per page: the list loads the next page as it is scrolled. */
export const HOUSEHOLD_PAGE_SIZE = 50;

const householdPath = (id: string) => `/api/households/${encodeURIComponent(id)}`;
const importPath = (id: string) => `/api/household-imports/${encodeURIComponent(id)}`;

/** NIK and KK are always masked in the list. */
export const fetchHouseholds = (filters: HouseholdFilters, page: number) =>
  http<HouseholdPage>(`/api/households${searchString({ ...filters, page, pageSize: HOUSEHOLD_PAGE_SIZE })}`);

/** A household with its members and what they received; `unmask` shows NIK and KK whole (only
 * for roles that may, and the server records the read in the audit log). */
export const fetchHousehold = (id: string, unmask: boolean) =>
  http<HouseholdView>(`${householdPath(id)}${searchString({ unmask: unmask ? 'true' : undefined })}`);

/** The content types the API takes a registry list in, by file extension. */
export const IMPORT_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
export type ImportExtension = keyof typeof IMPORT_TYPES;

/** Uploads a registry list (the raw file); answers 202 with the import, VALIDATING, checked and
 * written in the background. */
export const startImport = (file: File, extension: ImportExtension) =>
  http<HouseholdImportView>(`/api/household-imports${searchString({ filename: file.name })}`, {
    method: 'POST',
    file: { data: file, type: IMPORT_TYPES[extension] },
  });

export const fetchImport = (id: string) => http<HouseholdImportView>(importPath(id));

/** Stops an import that is being checked or written: nothing of it is written, it ends CANCELLED
 * (409 once it has ended). */
export const cancelImport = (id: string) => http<HouseholdImportView>(`${importPath(id)}/cancel`, { method: 'POST' });

/** The recent imports, newest first. */
export const fetchImports = () => http<HouseholdImportView[]>('/api/household-imports');
