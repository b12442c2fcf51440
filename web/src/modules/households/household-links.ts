/** Where a household's page is. */
export const householdPath = (id: string) => `/households/${encodeURIComponent(id)}`;

/** The import page, showing one import's progress and result when given. */
export const importPagePath = (importId?: string) => (importId ? `/households/import?import=${encodeURIComponent(importId)}` : '/households/import');
