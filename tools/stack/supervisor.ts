/**
 * Keeps one component of `npm start` running: when its process exits without being asked to, it
 * is started again after a pause that doubles with each quick failure (1 s, 2 s, 4 s … 30 s by
 * default) and goes back to the first once the component has run for a while. After too many
 * quick failures in a row the component cannot start at all: the supervisor gives up with one
 * message, and the stack stops. Each exit and each restart is logged.
 */
import type { Log } from './log';
import { describeExit, type Exit, type ManagedProcess } from './processes';

export interface RestartPolicy {
  /** The pause before the first restart; doubled after each quick failure. */
  initialDelayMs: number;
  maxDelayMs: number;
  /** A component that ran this long was healthy: its next failure counts as the first again. */
  healthyAfterMs: number;
  /** Quick failures in a row (a run shorter than healthyAfterMs, or a start that fails) after which it gives up. */
  maxQuickFailures: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  initialDelayMs: 1_000,
  maxDelayMs: 30_000,
  healthyAfterMs: 60_000,
  maxQuickFailures: 5,
};

/** A started component: its process, and how to stop it (and whatever belongs to it). */
export interface Running {
  process: ManagedProcess;
  stop(): Promise<void>;
}

export interface SupervisedComponent {
  /** The component's process now (another one after each restart). */
  readonly current: ManagedProcess;
  /** Restarts so far. */
  readonly restarts: number;
  /** Stops the component, or a restart under way, and ends the supervision. */
  stop(): Promise<void>;
}

export interface SuperviseOptions {
  /** Name in the log (`worker`, `api`, `PostgreSQL`, `Temporal`). */
  name: string;
  /** The component as the stack started it. */
  first: Running;
  /** Starts it again; resolves once it is ready. Aborted when the supervision is stopped. */
  start(signal: AbortSignal): Promise<Running>;
  policy?: RestartPolicy;
  log: Log;
  /** Called once, when the component failed `maxQuickFailures` times in a row. */
  onGiveUp(message: string): void;
  /** The clock (tests). */
  now?: () => number;
}

export function supervise(options: SuperviseOptions): SupervisedComponent {
  const { name, log } = options;
  const policy = options.policy ?? DEFAULT_RESTART_POLICY;
  const now = options.now ?? Date.now;
  const stopping = new AbortController();
  let running = options.first;
  let startedAt = now();
  let restarts = 0;
  let quickFailures = 0;
  let delayMs = policy.initialDelayMs;

  /** Counts a quick failure; false when that was one too many (and the supervisor gave up). */
  const failed = (what: string): boolean => {
    quickFailures += 1;
    if (quickFailures < policy.maxQuickFailures) return true;
    const tail = running.process.tail().split('\n').slice(-10).join('\n');
    options.onGiveUp(
      `${name} failed ${quickFailures} times in a row, each time within ${seconds(policy.healthyAfterMs)} of its start ` +
        `(last: ${what}); it cannot run here, so the stack stops.${tail.trim() ? `\nIts last output:\n${tail}` : ''}`,
    );
    return false;
  };

  const keepRunning = async (): Promise<void> => {
    for (;;) {
      const exit: Exit = await running.process.exited;
      if (stopping.signal.aborted || running.process.stopping) return;
      const ranMs = now() - startedAt;
      if (ranMs >= policy.healthyAfterMs) {
        quickFailures = 0;
        delayMs = policy.initialDelayMs;
      }
      const what = `exited with ${describeExit(exit)} after ${seconds(ranMs)}`;
      if (!failed(what)) return;
      log.warn(`${name} ${what}; starting it again in ${seconds(delayMs)} (quick failure ${quickFailures} in a row; the stack gives up at ${policy.maxQuickFailures})`);
      for (;;) {
        if (!(await pause(delayMs, stopping.signal))) return;
        delayMs = Math.min(delayMs * 2, policy.maxDelayMs);
        try {
          running = await options.start(stopping.signal);
        } catch (error) {
          if (stopping.signal.aborted) return;
          const reason = firstLine(error);
          if (!failed(`could not start: ${reason}`)) return;
          log.warn(`${name} could not start again (${reason}); next try in ${seconds(delayMs)}`);
          continue;
        }
        if (stopping.signal.aborted) {
          await running.stop();
          return;
        }
        startedAt = now();
        restarts += 1;
        log.info(`${name} started again (pid ${running.process.pid}, restart ${restarts})`);
        break;
      }
    }
  };
  const supervision = keepRunning().catch((error: unknown) => {
    options.onGiveUp(`supervising ${name} failed: ${firstLine(error)}`);
  });

  return {
    get current() {
      return running.process;
    },
    get restarts() {
      return restarts;
    },
    stop: async () => {
      stopping.abort();
      await Promise.all([running.stop(), supervision]);
      // A restart that was under way may have started it again meanwhile.
      await running.stop();
    },
  };
}

/** Resolves true after `ms`, or false as soon as `signal` is aborted. */
function pause(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function seconds(ms: number): string {
  return ms < 1_000 ? `${ms} ms` : `${Number((ms / 1000).toFixed(1))} s`;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';
}
