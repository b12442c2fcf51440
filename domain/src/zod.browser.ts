import { z } from 'zod';

// What the web build uses instead of zod.ts (see web/vite.config.ts): in the browser the schemas
// validate forms, and their OpenAPI metadata is the API's business, so `.openapi()` keeps the schema
// as it is and zod-to-openapi stays out of the download.
const prototype = z.ZodType.prototype as { openapi?: unknown };
prototype.openapi ??= function openapi(this: unknown) {
  return this;
};
export { z };
