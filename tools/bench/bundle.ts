/**
 * The web app's first download as the server sends it: the page, the entry script, the modules it
 * preloads and its style sheets, each fetched with Accept-Encoding identity, gzip and br from a
 * running API (which serves web/dist), counting the bytes that came over the wire.
 */
import { request } from 'node:http';

/** Issue 14: the initial JavaScript at most 120 KB gzipped. */
export const INITIAL_JS_BUDGET_BYTES = 120_000;

interface Sent { bytes: number; encoding: string; body: Buffer }

function fetchAs(url: URL, acceptEncoding: string): Promise<Sent> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': acceptEncoding } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`${url.pathname}: ${res.statusCode}`));
        const body = Buffer.concat(chunks);
        resolve({ bytes: body.length, encoding: String(res.headers['content-encoding'] ?? 'identity'), body });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

export interface AssetSize { path: string; kind: 'page' | 'entry' | 'preload' | 'style'; raw: number; gzip: number; brotli: number }

/** Every file of the first download with its size as sent raw, in gzip and in brotli. */
export async function measureFirstDownload(appUrl: string): Promise<AssetSize[]> {
  const base = new URL(appUrl);
  const page = await fetchAs(new URL('/', base), 'identity');
  const html = page.body.toString('utf8');
  const named = (pattern: RegExp, kind: AssetSize['kind']) => [...html.matchAll(pattern)].map((m) => ({ path: m[1]!, kind }));
  const files = [
    { path: '/', kind: 'page' as const },
    ...named(/<script type="module"[^>]*src="([^"]+)"/g, 'entry'),
    ...named(/<link rel="modulepreload"[^>]*href="([^"]+)"/g, 'preload'),
    ...named(/<link rel="stylesheet"[^>]*href="([^"]+)"/g, 'style'),
  ];
  const sizes: AssetSize[] = [];
  for (const file of files) {
    const url = new URL(file.path, base);
    const [raw, gzip, brotli] = await Promise.all([fetchAs(url, 'identity'), fetchAs(url, 'gzip'), fetchAs(url, 'br')]);
    if (gzip.encoding !== 'gzip' || brotli.encoding !== 'br') throw new Error(`${file.path} was not sent compressed (${gzip.encoding}, ${brotli.encoding})`);
    sizes.push({ ...file, raw: raw.bytes, gzip: gzip.bytes, brotli: brotli.bytes });
  }
  return sizes;
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);

/** A Markdown table of the first download, with the initial JavaScript's total against its budget. */
export async function benchBundle(appUrl: string): Promise<string> {
  const sizes = await measureFirstDownload(appUrl);
  const scripts = sizes.filter((s) => s.kind === 'entry' || s.kind === 'preload');
  const sum = (list: AssetSize[], key: 'raw' | 'gzip' | 'brotli') => list.reduce((total, s) => total + s[key], 0);
  const row = (label: string, raw: number, gzip: number, brotli: number) => `| ${label} | ${kb(raw)} | ${kb(gzip)} | ${kb(brotli)} |`;
  return [
    '### Web app: first download as sent (KB = 1,000 bytes)',
    '',
    '| file | raw | gzip | brotli |',
    '|---|---|---|---|',
    ...sizes.map((s) => row(`${s.path} (${s.kind})`, s.raw, s.gzip, s.brotli)),
    row('initial JavaScript (entry + preloads)', sum(scripts, 'raw'), sum(scripts, 'gzip'), sum(scripts, 'brotli')),
    row('everything above', sum(sizes, 'raw'), sum(sizes, 'gzip'), sum(sizes, 'brotli')),
    '',
    `Initial JavaScript ${kb(sum(scripts, 'gzip'))} KB gzipped, budget ${kb(INITIAL_JS_BUDGET_BYTES)} KB.`,
  ].join('\n');
}
