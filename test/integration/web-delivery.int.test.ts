/**
 * Fast on the wire: text answers go out compressed, hashed assets are kept for a year and the page
 * itself is asked about again at each load.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { env } from './support/env';

interface Sent { status: number; headers: Record<string, string | string[] | undefined>; bytes: Buffer; text: string }

/** GETs a path asking for one encoding, and keeps the bytes as they came over the wire. */
function get(path: string, acceptEncoding: string): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, env.appUrl), { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const plain = encoding === 'br' ? brotliDecompressSync(bytes) : encoding === 'gzip' ? gunzipSync(bytes) : bytes;
        resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes, text: plain.toString('utf8') });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** The entry script, the modules it preloads and the style sheets the page names. */
function initialAssets(html: string): { scripts: string[]; styles: string[] } {
  const entry = [...html.matchAll(/<script type="module"[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link rel="modulepreload"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  const styles = [...html.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)].map((m) => m[1]!);
  return { scripts: [...entry, ...preloads], styles };
}

test('when the client accepts brotli or gzip, then the page, its scripts and the API answer are sent compressed', async () => {
  const page = await get('/', 'br, gzip');
  assert.equal(page.status, 200);
  assert.equal(page.headers['content-encoding'], 'br', 'the page in brotli');
  assert.match(page.text, /<div id="root">/);
  const { scripts, styles } = initialAssets(page.text);
  assert.ok(scripts.length > 0 && styles.length > 0, 'the page names its scripts and styles');

  for (const asset of [...scripts, ...styles]) {
    const br = await get(asset, 'br, gzip');
    assert.equal(br.headers['content-encoding'], 'br', `${asset} in brotli`);
    const gzip = await get(asset, 'gzip');
    assert.equal(gzip.headers['content-encoding'], 'gzip', `${asset} in gzip to a client without brotli`);
    assert.equal(br.text, gzip.text, `${asset}: the same file either way`);
    assert.ok(br.bytes.length < br.text.length, `${asset}: fewer bytes sent than the file has`);
  }

  const api = await get('/api/openapi.json', 'gzip');
  assert.equal(api.headers['content-encoding'], 'gzip', 'API JSON in gzip');
  assert.equal(JSON.parse(api.text).openapi?.startsWith('3'), true);
  assert.match(String(api.headers.vary), /accept-encoding/i, 'caches keep the encodings apart');

  const problem = await get('/api/no-such-endpoint-with-a-long-name', 'gzip');
  assert.equal(problem.status, 404);
  assert.equal(JSON.parse(problem.text).code, 'NOT_FOUND', 'a short problem is still readable');

  const plain = await get('/api/openapi.json', 'identity');
  assert.equal(plain.headers['content-encoding'], undefined, 'uncompressed to a client that asks for no encoding');
  assert.deepEqual(JSON.parse(plain.text), JSON.parse(api.text));
});

test('hashed assets are cached as immutable for a year; the page and its deep links are asked about again', async () => {
  const page = await get('/', 'gzip');
  assert.equal(page.headers['cache-control'], 'no-cache', 'index.html');
  const deepLink = await get('/cases/00000000-0000-4000-8000-000000000000', 'gzip');
  assert.equal(deepLink.headers['cache-control'], 'no-cache', 'a page path answered with index.html');
  assert.match(deepLink.text, /<div id="root">/);

  const { scripts, styles } = initialAssets(page.text);
  for (const asset of [...scripts, ...styles]) {
    assert.match(asset, /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.(js|css)$/, `${asset} is named by its content`);
    const res = await get(asset, 'br');
    assert.equal(res.status, 200);
    assert.equal(res.headers['cache-control'], 'public, max-age=31536000, immutable', asset);
  }
});

/** Issue 14's budget for the first download's scripts on a slow link, gzipped as sent. */
const INITIAL_JS_BUDGET_BYTES = 120_000;

test('the initial JavaScript (the entry and the modules it preloads) is at most 120 KB gzipped as sent', async () => {
  const page = await get('/', 'gzip');
  const { scripts } = initialAssets(page.text);
  let sent = 0;
  for (const script of scripts) {
    const res = await get(script, 'gzip');
    assert.equal(res.headers['content-encoding'], 'gzip', script);
    sent += res.bytes.length;
  }
  assert.ok(sent <= INITIAL_JS_BUDGET_BYTES, `initial JavaScript ${sent} bytes gzipped (${scripts.join(', ')}); budget ${INITIAL_JS_BUDGET_BYTES}`);
  // Server-only code stays out of the browser (zod-to-openapi builds the OpenAPI document).
  for (const script of scripts) assert.doesNotMatch((await get(script, 'gzip')).text, /extendZodWithOpenApi|openapi\(/, script);
});
