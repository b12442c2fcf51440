import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildOpenApiDocument } from './openapi';
import { declaredRoutes } from './routes';

test('the OpenAPI document describes every route the API declares', () => {
  const doc = buildOpenApiDocument();
  const documented = new Set(Object.entries(doc.paths ?? {}).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
  const undocumented = declaredRoutes()
    .filter((r) => r !== 'GET /{*path}' && r !== 'GET /api/openapi.json') // the web app's pages; the document itself
    .map((r) => r.replace(/:(\w+)/g, '{$1}'))
    .filter((r) => !documented.has(r));
  assert.deepEqual(undocumented, [], 'every route is in /api/openapi.json');
});
