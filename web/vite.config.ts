import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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

export default defineConfig({
  plugins: [zodWithoutOpenApi, react()],
  server: {
    proxy: { '/api': api, '/healthz': api },
  },
  build: { outDir: 'dist', sourcemap: true },
});
