/**
 * `npm test`
 *   Phase 0: `npm run typecheck` and `npm run lint`, one test each (a run filtered by words runs only
 *            the checks it names: `npm test -- typecheck`).
 *   Phase 1: every *.unit.test.ts (no services).
 *   Phase 2: a throwaway stack (PostgreSQL, in-memory Temporal, worker, api), started beside
 *            phases 0 and 1; then every *.int.test.ts and *.e2e.test.ts against it, one file at a
 *            time, except those marked to run beside it (their own services), which run one at a
 *            time in a second runner from the moment the stack is up.
 * Always tears the stack down; exits non-zero if anything failed.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { colourEnabled, createLog, describeError } from '@kampung/tools/stack/log';
import { describeExit, spawnManaged } from '@kampung/tools/stack/processes';
import { formatMs } from '@kampung/tools/stack/stack';
import { ROOT, startTestStack, type TestStack } from '@kampung/tools/stack/throwaway-stack';

const colour = colourEnabled();
const log = createLog('test', { colour });
const SKIP_DIRS = new Set(['node_modules', 'dist', 'data', 'test-results', 'coverage']);

interface Counts {
  pass: number;
  fail: number;
  skipped: number;
  todo: number;
}
interface PhaseResult extends Counts {
  name: string;
  ok: boolean;
  ms: number;
  note?: string;
}

async function findTestFiles(dir: string, suffixes: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || SKIP_DIRS.has(entry.name)) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await findTestFiles(path, suffixes)));
    else if (entry.isFile() && suffixes.some((suffix) => entry.name.endsWith(suffix))) found.push(path);
  }
  return found.sort();
}

/** The runner's final `# pass N` etc. (TAP, written to a file next to the spec output on the console). */
function parseTapSummary(tap: string): Counts {
  const last = (key: string) => {
    const matches = [...tap.matchAll(new RegExp(`^# ${key} (\\d+)$`, 'gm'))];
    return Number(matches.at(-1)?.[1] ?? 0);
  };
  return { pass: last('pass'), fail: last('fail') + last('cancelled'), skipped: last('skipped'), todo: last('todo') };
}

/** The `node --test` processes running now (two in phase 2: the shared stack's files and those beside them). */
const runners = new Set<ReturnType<typeof spawn>>();
const stopRunners = () => {
  for (const runner of runners) runner.kill('SIGTERM');
};

/** Each failed test with its diagnostics, printed again at the very end: a CI log that keeps only
 * its last lines still says which test failed and why, under the service logs. */
const failureRecaps: string[] = [];
const RECAP_LINES = 60;

/** TAP's `not ok` lines with their indented YAML block (error, location, stack). A failed suite
 * (whose failure is the failed test inside it) is left out when it only says so. */
function failuresIn(tap: string): string[] {
  const lines = tap.split('\n');
  const found: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const head = /^(\s*)not ok \d+ - (.*)$/.exec(lines[i] ?? '');
    if (!head) continue;
    const indent = head[1]?.length ?? 0;
    const block: string[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const line = lines[j] ?? '';
      if (line.trim() === '') continue;
      if (line.length - line.trimStart().length <= indent) break;
      block.push(line.slice(indent));
    }
    const body = block.join('\n');
    if (/failureType: 'subtestsFailed'/.test(body)) continue;
    const shown = block.length > RECAP_LINES ? [...block.slice(0, RECAP_LINES), `  … ${block.length - RECAP_LINES} more lines`] : block;
    found.push([`not ok - ${head[2]}`, ...shown].join('\n'));
  }
  return found;
}

/** `node --test` on the files; with a prefix, each line of its output is marked with it (two runs
 * print side by side). */
async function runNodeTests(files: string[], env: NodeJS.ProcessEnv, extraArgs: string[] = [], prefix?: string): Promise<Counts & { ok: boolean }> {
  const tapDir = await mkdtemp(join(tmpdir(), 'kampung-tap-'));
  const tapFile = join(tapDir, 'report.tap');
  try {
    const args = [
      '--import', 'tsx',
      '--test',
      ...extraArgs,
      '--test-reporter=spec', '--test-reporter-destination=stdout',
      '--test-reporter=tap', `--test-reporter-destination=${tapFile}`,
      ...files.map((file) => relative(ROOT, file)),
    ];
    const code = await new Promise<number>((resolve) => {
      const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', prefix ? 'pipe' : 'inherit', prefix ? 'pipe' : 'inherit'] });
      if (prefix) {
        for (const [stream, out] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
          createInterface({ input: stream! }).on('line', (line) => out.write(`${prefix}${line}\n`));
        }
      }
      runners.add(child);
      child.on('error', () => resolve(1));
      child.on('close', (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0)));
      child.on('close', () => runners.delete(child));
    });
    const tap = await readFile(tapFile, 'utf8').catch(() => '');
    const counts = parseTapSummary(tap);
    failureRecaps.push(...failuresIn(tap));
    return { ...counts, ok: code === 0 && counts.fail === 0 };
  } finally {
    await rm(tapDir, { recursive: true, force: true });
  }
}

/** One package.json script as one test: passed when it exits 0; its whole output is printed when it fails. */
async function runCheck(script: string): Promise<boolean> {
  const started = Date.now();
  const output: string[] = [];
  const child = spawnManaged({
    name: script,
    command: 'npm',
    args: ['run', script],
    cwd: ROOT,
    sink: (line) => output.push(line),
    colour,
    signal: controller.signal,
  });
  const exit = await child.exited;
  const took = formatMs(Date.now() - started);
  if (exit.code === 0) {
    log.info(`ok   npm run ${script} (${took})`);
    return true;
  }
  log.error(`FAIL npm run ${script} (${describeExit(exit)}, ${took}):`);
  // On the log's stream, so the output stays under its heading when stdout and stderr part.
  process.stdout.write(`${output.join('\n')}\n`);
  return false;
}

const CHECKS = ['typecheck', 'lint'];

async function staticPhase(): Promise<PhaseResult> {
  // A run filtered by words stays fast: it runs a check only when a word names it.
  const checks = filters.length ? CHECKS.filter((check) => filters.includes(check)) : CHECKS;
  if (checks.length === 0) {
    log.info('Phase 0: typecheck and lint skipped (a run filtered by words; `npm test` alone runs them, `npm test -- typecheck lint` only them)');
    return { name: 'typecheck+lint', ok: true, ms: 0, pass: 0, fail: 0, skipped: 0, todo: 0, note: 'skipped: filtered run' };
  }
  const started = Date.now();
  log.info(`Phase 0: ${checks.map((check) => `npm run ${check}`).join(' and ')}`);
  // Side by side: each is a single-threaded process.
  const passed = await Promise.all(checks.map(runCheck));
  const pass = passed.filter(Boolean).length;
  return { name: 'typecheck+lint', ok: pass === passed.length, ms: Date.now() - started, pass, fail: passed.length - pass, skipped: 0, todo: 0 };
}

async function unitPhase(): Promise<PhaseResult> {
  const started = Date.now();
  const files = selected(await findTestFiles(ROOT, ['.unit.test.ts']));
  log.info(`Phase 1: ${files.length} unit test file(s), no services`);
  if (files.length === 0) return { name: 'unit', ok: true, ms: 0, pass: 0, fail: 0, skipped: 0, todo: 0, note: 'no files' };
  const result = await runNodeTests(files, process.env);
  return { name: 'unit', ms: Date.now() - started, ...result };
}

/** `npm test -- worker-crash replay` runs only the files whose path contains one of the words (and
 * only the checks of phase 0 that a word names). */
const filters = process.argv.slice(2);
function selected(files: string[]): string[] {
  return filters.length ? files.filter((f) => filters.some((word) => f.includes(word))) : files;
}

let stack: TestStack | undefined;
const controller = new AbortController();
let unexpected: string | undefined;

/** The stack starts at once, and the files beside it run as soon as it is up, while phases 0 and 1
 * run; the files that share it wait for `sharedMayStart` (the end of phase 1). */
async function servicePhase(sharedMayStart: Promise<unknown>): Promise<PhaseResult> {
  const started = Date.now();
  const files = selected(await findTestFiles(ROOT, ['.int.test.ts', '.e2e.test.ts']));
  log.info(`Phase 2: ${files.length} integration/end-to-end test file(s) against a throwaway stack`);
  // No files (a filter matched none): no stack, and no `node --test` without files (it would search on its own).
  if (files.length === 0) return { name: 'integration+e2e', ok: true, ms: 0, pass: 0, fail: 0, skipped: 0, todo: 0, note: 'no files' };
  let startMs = 0;
  try {
    stack = await startTestStack({
      log: log.child('stack'),
      colour,
      signal: controller.signal,
      onUnexpectedExit: (name, exit) => {
        unexpected = `${name} exited during the tests (${describeExit(exit)})`;
        log.error(unexpected);
        stopRunners();
      },
    });
    startMs = Date.now() - started;
    log.info(`Stack up in ${formatMs(startMs)} (logs in ${join(stack.tempDir, 'logs')})`);
    // Files that start their own services (and use the shared PostgreSQL server only for databases
    // of their own) run beside the others, one at a time; the rest share the stack, one at a time.
    const beside = await filesRunningBeside(files);
    const shared = files.filter((file) => !beside.includes(file));
    if (beside.length) log.info(`${beside.length} of them with their own services, beside the others (their lines marked "beside"): ${beside.map((f) => relative(ROOT, f)).join(', ')}`);
    const testEnv = { ...process.env, ...stack.env };
    const lanes = await Promise.all([
      shared.length ? sharedMayStart.then(() => (interrupted ? undefined : runNodeTests(shared, testEnv, ['--test-concurrency=1']))) : undefined,
      beside.length ? runNodeTests(beside, testEnv, ['--test-concurrency=1'], '[beside] ') : undefined,
    ]);
    const result = lanes.reduce<Counts & { ok: boolean }>(
      (sum, lane) => (lane ? { ok: sum.ok && lane.ok, pass: sum.pass + lane.pass, fail: sum.fail + lane.fail, skipped: sum.skipped + lane.skipped, todo: sum.todo + lane.todo } : sum),
      { ok: true, pass: 0, fail: 0, skipped: 0, todo: 0 },
    );
    const ok = result.ok && !unexpected;
    if (!ok) await printServiceLogs(stack);
    return { name: 'integration+e2e', ms: Date.now() - started, ...result, ok, note: `stack start ${formatMs(startMs)}` };
  } catch (error) {
    log.error(`Phase 2 could not run: ${describeError(error)}`);
    if (stack) await printServiceLogs(stack);
    return { name: 'integration+e2e', ok: false, ms: Date.now() - started, pass: 0, fail: 1, skipped: 0, todo: 0, note: 'stack failed' };
  } finally {
    const stopping = Date.now();
    await stack?.stop();
    stack = undefined;
    if (startMs) log.info(`Stack stopped in ${formatMs(Date.now() - stopping)}`);
  }
}

/** A file that starts every service it needs says so on a line of its own:
 *   // npm test: beside the shared stack (its own services)
 * and runs beside the shared stack's files instead of after them: the suite's longest files are
 * these, and CI gives the whole run 30 minutes. */
const BESIDE_MARK = /^\/\/ npm test: beside the shared stack/m;
async function filesRunningBeside(files: string[]): Promise<string[]> {
  const marked = await Promise.all(files.map(async (file) => BESIDE_MARK.test(await readFile(file, 'utf8'))));
  return files.filter((_, i) => marked[i]);
}

async function printServiceLogs(running: TestStack): Promise<void> {
  log.error('Service logs (last lines):');
  process.stderr.write(`${await running.readLogs()}\n`);
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130); // second signal: the exit hook kills what is left
    interrupted = true;
    log.warn(`${signal}: stopping the tests and the stack…`);
    controller.abort();
    stopRunners();
    void stack?.stop().finally(() => process.exit(130));
    if (!stack) setTimeout(() => process.exit(130), 30_000).unref();
  });
}

const results: PhaseResult[] = [];
// Phases 0 and 1 need no services: the stack starts beside them (and the files beside it run).
const checksAndUnits = (async () => {
  results.push(await staticPhase());
  if (!interrupted) results.push(await unitPhase());
})();
const services = servicePhase(checksAndUnits);
await checksAndUnits;
results.push(await services);

const total = results.reduce((sum, r) => ({ pass: sum.pass + r.pass, fail: sum.fail + r.fail, skipped: sum.skipped + r.skipped, todo: sum.todo + r.todo }), {
  pass: 0,
  fail: 0,
  skipped: 0,
  todo: 0,
});
const ok = results.every((r) => r.ok) && !interrupted;
if (failureRecaps.length > 0) {
  log.error(`${failureRecaps.length} failed test(s), again:`);
  process.stdout.write(`${failureRecaps.join('\n\n')}\n`);
}
for (const r of results) {
  const note = r.note ? `, ${r.note}` : '';
  log.info(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(16)} ${formatMs(r.ms)}  (${r.pass} passed, ${r.fail} failed${note})`);
}
const extras = [total.skipped ? `${total.skipped} skipped` : '', total.todo ? `${total.todo} todo` : ''].filter(Boolean).join(', ');
const summary = `${total.pass} passed, ${total.fail} failed${extras ? ` (${extras})` : ''}`;
if (ok) log.info(summary);
else log.error(summary);
process.exit(ok ? 0 : 1);
