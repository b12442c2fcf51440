import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

const api = 'http://localhost:3000';

const domainZod = fileURLToPath(new URL('../domain/src/zod.ts', import.meta.url));
const domainZodForTheBrowser = fileURLToPath(new URL('../domain/src/zod.browser.ts', import.meta.url));

/** domain/src/zod.ts extends zod with zod-to-openapi for the API's OpenAPI document; the browser
 * gets zod.browser.ts, where `.openapi()` does nothing, and no zod-to-openapi. */
const zodWithoutOpenApi: Plugin = {
  name: 'kampung:zod-without-openapi',
  enforce: 'pre',
  async resolveId(source, importer, options) {
    if (!source.endsWith('zod') || source === 'zod') return null;
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    return resolved?.id === domainZod ? domainZodForTheBrowser : null;
  },
};

/** Each script and style sheet also as `.br` (brotli at its best, quality 11) and `.gz` (gzip level 9),
 * compressed once here instead of at each request (the API sends them as they are: api/src/http/
 * web-app.ts): about 10% fewer bytes than the API's brotli at quality 5, on a slow link a quarter
 * of a second of the first load. */
const precompressed: Plugin = {
  name: 'kampung:precompressed',
  apply: 'build',
  async closeBundle() {
    const assets = fileURLToPath(new URL('./dist/assets', import.meta.url));
    for (const name of (await readdir(assets)).filter((file) => /\.(js|css)$/.test(file))) {
      const bytes = await readFile(join(assets, name));
      await writeFile(join(assets, `${name}.br`), brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
      await writeFile(join(assets, `${name}.gz`), gzipSync(bytes, { level: 9 }));
    }
  },
};

/** The API's answers a person reads (not exports, not the OpenAPI document) are kept on the device,
 * fresh from the network when it answers (within 5 s), the last copy when it does not. */
const API_CACHE = 'kampung-api';

/**
 * Installable and offline-first: a manifest, and a service worker (Workbox) that keeps the app's
 * files (precached at each release) and serves the app for any page path without a network. The
 * page registers it after its first render (modules/offline/start.ts): nothing is added to the
 * first download.
 */
const offlineApp = VitePWA({
  injectRegister: false,
  registerType: 'autoUpdate',
  includeAssets: ['icons/apple-touch-icon.png'],
  manifest: {
    name: 'Kampung — Manajemen Kasus',
    short_name: 'Kampung',
    description: 'Pendampingan kampung: daftar kerja, kunjungan dan laporan monitoring, juga tanpa sinyal.',
    lang: 'id',
    start_url: '/worklist',
    scope: '/',
    display: 'standalone',
    theme_color: '#1f5f8b',
    background_color: '#ffffff',
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,png,webmanifest}'],
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    navigateFallback: '/index.html',
    navigateFallbackDenylist: [/^\/api\//, /^\/healthz/, /^\/metrics/],
    cleanupOutdatedCaches: true,
    clientsClaim: true,
    skipWaiting: true,
    runtimeCaching: [
      {
        urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/api/') && !/\/export$|^\/api\/openapi/.test(url.pathname),
        handler: 'NetworkFirst',
        options: {
          cacheName: API_CACHE,
          networkTimeoutSeconds: 5,
          cacheableResponse: { statuses: [200] },
          expiration: { maxEntries: 400, maxAgeSeconds: 14 * 24 * 60 * 60 },
        },
      },
    ],
  },
});

export default defineConfig({
  plugins: [zodWithoutOpenApi, react(), offlineApp, precompressed],
  server: {
    proxy: { '/api': api, '/healthz': api },
  },
  build: { outDir: 'dist', sourcemap: true },
});
