import type { Connection } from '@temporalio/client';
import { SEARCH_ATTRIBUTES } from '@kampung/workflows';
import proto from '@temporalio/proto'; // CommonJS: no named ESM exports

const { temporal } = proto;

export { SEARCH_ATTRIBUTES };

/** Registers the case search attributes on a server (idempotent). The dev server gets them by flag. */
export async function ensureSearchAttributes(connection: Connection, namespace: string): Promise<void> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const missing = SEARCH_ATTRIBUTES.filter((a) => !(a.name in (existing.customAttributes ?? {})));
  if (missing.length === 0) return;
  await connection.operatorService.addSearchAttributes({
    namespace,
    searchAttributes: Object.fromEntries(
      missing.map((a) => [a.name, temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD]),
    ),
  });
}
