/**
 * Years in minutes, many seeds: runs the seeded simulation test (test/simulation/
 * years-in-minutes.int.test.ts, on Temporal's time-skipping test server with the real workflows,
 * activities and PostgreSQL) with `seeds` seeds, and reports its throughput: simulated case-years
 * per wall-clock minute and seeds per minute. `npm test` runs the same test with a few seeds.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SimulationBenchOptions {
  seeds: number;
}

export async function benchSimulation({ seeds }: SimulationBenchOptions): Promise<string> {
  const started = Date.now();
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/run.ts', 'years-in-minutes'], {
      cwd: ROOT,
      env: { ...process.env, SIM_SEEDS: String(seeds) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let text = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (text += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(text) : reject(new Error(`the simulation failed (exit ${code}):\n${text.slice(-4000)}`))));
  });
  const minutes = (Date.now() - started) / 60_000;
  const throughput = /SIMULATION THROUGHPUT: (\d+) seeds x (\d+) years = (\d+) simulated case-years in ([\d.]+) min wall-clock: ([\d.]+) simulated case-years per minute, ([\d.]+) seeds per minute/.exec(output);
  const checked = /checked after each of (\d+) steps \(every (\d+) simulated days\): (\d+) messages, (\d+) worker restarts, (\d+) workflow runs, longest run (\d+) events/.exec(output);
  if (!throughput || !checked) throw new Error(`the simulation printed no throughput:\n${output.slice(-4000)}`);
  const [, n, years, caseYears, simMinutes, perMinute, seedsPerMinute] = throughput;
  const [, steps, stepDays, messages, restarts, runs, longest] = checked;
  return [
    `### Years in minutes: ${n} seeds × ${years} simulated years (time-skipping test server)`,
    '',
    '| seeds | simulated case-years | wall-clock (simulation) | case-years / min | seeds / min | steps (days each) | messages | worker restarts | workflow runs | longest run (events) | whole command |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    `| ${n} | ${caseYears} | ${simMinutes} min | ${perMinute} | ${seedsPerMinute} | ${steps} (${stepDays}) | ${messages} | ${restarts} | ${runs} | ${longest} | ${minutes.toFixed(1)} min |`,
  ].join('\n');
}
