/**
 * `npm run build` (after the web build): the JavaScript production runs, in dist/ at the root.
 *
 *   dist/api/src/main.js              the API           node dist/api/src/main.js
 *   dist/worker/src/main.js           the worker        node dist/worker/src/main.js   (WORKFLOW_BUNDLE=dist/worker/workflow-bundle.js)
 *   dist/tools/migrate/migrate.js     the migrate command
 *   dist/tools/health/worker-polls.js the worker's health check
 *   dist/<pkg>/src/…/<name>.process.js  a process the API or the worker forks
 *   dist/db/migrations/*.js           the migrations, one file each (Kysely reads the folder)
 *   dist/db/seed/regions.csv          reference data
 *   dist/worker/workflow-bundle.js    the workflow code, bundled once (./workflow-bundle.ts)
 *   dist/web/dist/                    the web app (a copy of web/dist)
 *
 * dist/ mirrors the repository: each process is one esbuild bundle placed where its entry point
 * is, and each module's `import.meta.url` is rewritten to the place its own source has in that
 * mirror, so a path a module computes from where it lives (the migrations folder, the seed CSV,
 * web/dist) holds in the build as it does in the sources.
 *
 * Our workspace packages (@kampung/*) are bundled in; npm packages stay outside, imported from
 * node_modules (`npm ci --omit=dev`), except one that a workspace keeps in its own node_modules
 * (a second version, e.g. api's csv-parse), which is bundled so that it is not confused with the
 * root's copy.
 */
import { cp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { writeWorkflowBundle } from './workflow-bundle';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The entry points of the processes production runs, relative to the root; and every
 * `*.process.ts` under api/src and worker/src (a module that one of them forks, found by a path
 * computed from its own location, e.g. worker/src/duplicates/detect.process.ts). */
export const ENTRIES = ['api/src/main.ts', 'worker/src/main.ts', 'tools/migrate/migrate.ts', 'tools/health/worker-polls.ts'] as const;

async function forkedProcesses(root: string): Promise<string[]> {
  const found: string[] = [];
  for (const pkg of ['api', 'worker']) {
    const files = await readdir(join(root, pkg, 'src'), { recursive: true });
    found.push(...files.filter((file) => file.endsWith('.process.ts')).map((file) => join(pkg, 'src', file)));
  }
  return found.sort();
}
export const WORKFLOW_BUNDLE = 'worker/workflow-bundle.js';

const jsPath = (path: string) => path.replace(/\.ts$/, '.js');

/** Each module's import.meta.url becomes its own place in the mirror, relative to the bundle it is in. */
function importMetaUrlPerModule(root: string, outRoot: string): esbuild.Plugin {
  return {
    name: 'import-meta-url-per-module',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, async (args) => {
        if (args.path.includes(`${sep}node_modules${sep}`)) return undefined;
        const source = await readFile(args.path, 'utf8');
        if (!source.includes('import.meta.url')) return undefined;
        const outfile = build.initialOptions.outfile!;
        const mirrored = join(outRoot, jsPath(relative(root, args.path)));
        const fromBundle = relative(dirname(outfile), mirrored).split(sep).join('/');
        const here = `new URL(${JSON.stringify(fromBundle.startsWith('.') ? fromBundle : `./${fromBundle}`)}, import.meta.url).href`;
        return { contents: source.replaceAll('import.meta.url', here), loader: 'ts' };
      });
    },
  };
}

/** npm packages hoisted to the root node_modules stay imports; workspaces' own copies are bundled. */
function externalRootPackages(root: string): esbuild.Plugin {
  const rootModules = join(root, 'node_modules') + sep;
  return {
    name: 'external-root-packages',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData?.resolving || args.path.startsWith('@kampung/')) return undefined;
        const found = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { resolving: true } });
        if (found.errors.length > 0) return { errors: found.errors };
        // Node's built-ins, and packages npm hoisted to the root, are imported at run time. None of
        // ours is imported for its side effects alone, so an import nothing uses is left out (the
        // migrate command reaches tools/stack/postgres.ts for one string function, not for get-port).
        if (found.external || found.path.startsWith(rootModules)) return { path: args.path, external: true, sideEffects: false };
        // Our workspaces (symlinks resolved to their sources) and a workspace's own copy of a package.
        return { path: found.path };
      });
    },
  };
}

export async function buildProduction(options: { root?: string; outDir?: string; log?: (line: string) => void } = {}): Promise<{ outDir: string }> {
  const root = options.root ?? ROOT;
  const outDir = options.outDir ?? join(root, 'dist');
  const log = options.log ?? ((line: string) => console.log(line));
  const webDist = join(root, 'web', 'dist');
  if (!(await stat(join(webDist, 'index.html')).catch(() => undefined))) {
    throw new Error(`${webDist}/index.html is missing: build the web app first (npm run build --workspace web)`);
  }
  await rm(outDir, { recursive: true, force: true });

  const started = Date.now();
  const entries = [...ENTRIES, ...(await forkedProcesses(root))];
  for (const entry of entries) {
    await esbuild.build({
      entryPoints: [join(root, entry)],
      outfile: join(outDir, jsPath(entry)),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      plugins: [importMetaUrlPerModule(root, outDir), externalRootPackages(root)],
      logLevel: 'warning',
    });
  }

  const migrations = (await readdir(join(root, 'db', 'migrations'))).filter((f) => f.endsWith('.ts'));
  await esbuild.build({
    entryPoints: migrations.map((file) => join(root, 'db', 'migrations', file)),
    outdir: join(outDir, 'db', 'migrations'),
    bundle: false,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  await cp(join(root, 'db', 'seed'), join(outDir, 'db', 'seed'), { recursive: true });
  await cp(webDist, join(outDir, 'web', 'dist'), { recursive: true });
  // Node reads dist/**.js as ES modules, whatever the nearest workspace package.json says.
  await writeFile(join(outDir, 'package.json'), `${JSON.stringify({ type: 'module', private: true }, null, 2)}\n`);
  log(`${entries.length} entry points and ${migrations.length} migrations compiled (${Date.now() - started} ms)`);

  const bundleStarted = Date.now();
  const bytes = await writeWorkflowBundle(join(outDir, WORKFLOW_BUNDLE));
  log(`workflow bundle ${Math.round(bytes / 1024)} KB (${Date.now() - bundleStarted} ms)`);
  return { outDir };
}

// node --import tsx tools/build/build.ts [--out <dir>]   (default: dist/ at the root)
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const at = process.argv.indexOf('--out');
  try {
    const { outDir } = await buildProduction(at > 0 && process.argv[at + 1] ? { outDir: resolve(process.argv[at + 1]!) } : {});
    console.log(`built ${outDir}`);
  } catch (error) {
    console.error(`build failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
