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

test('every write the API declares documents the optional Idempotency-Key header', () => {
  const doc = buildOpenApiDocument();
  const parameter = doc.components?.parameters?.IdempotencyKey;
  assert.ok(parameter && 'in' in parameter && parameter.in === 'header' && parameter.name === 'Idempotency-Key' && !parameter.required);
  const writes = declaredRoutes()
    .filter((r) => /^(POST|PUT|PATCH|DELETE) \/api\//.test(r))
    .map((r) => r.replace(/:(\w+)/g, '{$1}'));
  assert.ok(writes.length > 10, 'the routes were read');
  const without = writes.filter((r) => {
    const [method, path] = r.split(' ') as [string, string];
    const operation = (doc.paths?.[path] as Record<string, { parameters?: { $ref?: string }[] }> | undefined)?.[method.toLowerCase()];
    return !operation?.parameters?.some((p) => p.$ref === '#/components/parameters/IdempotencyKey');
  });
  assert.deepEqual(without, [], 'every write names the header');
});
