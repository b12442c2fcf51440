import { fileURLToPath } from 'node:url';
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
  plugins: [zodWithoutOpenApi, react(), offlineApp],
  server: {
    proxy: { '/api': api, '/healthz': api },
  },
  build: { outDir: 'dist', sourcemap: true },
});
