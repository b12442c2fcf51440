import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLog } from './log';
import type { Exit, ManagedProcess } from './processes';
import { supervise, type RestartPolicy, type Running } from './supervisor';

const POLICY: RestartPolicy = { initialDelayMs: 10, maxDelayMs: 40, healthyAfterMs: 1_000, maxQuickFailures: 4 };

/** A process that exits when the test says so (`die`) or when stopped. */
class FakeProcess implements ManagedProcess {
  static nextPid = 100;
  readonly name = 'worker';
  readonly pid = FakeProcess.nextPid++;
  stopping = false;
  private end!: (exit: Exit) => void;
  readonly exited = new Promise<Exit>((resolve) => (this.end = resolve));
  die(signal: NodeJS.Signals = 'SIGKILL') {
    this.end({ code: null, signal });
  }
  tail() {
    return `output of ${this.pid}`;
  }
  stop() {
    this.stopping = true;
    this.end({ code: 0, signal: null });
    return this.exited;
  }
}

function running(): Running & { process: FakeProcess } {
  const process = new FakeProcess();
  return { process, stop: async () => void (await process.stop()) };
}

/** A supervised fake: the starts it made (with the time of each), what it logged, and its give-up. */
function harness(options: { failStarts?: number; clock?: { now: number } } = {}) {
  const lines: string[] = [];
  const starts: { at: number; run: Running & { process: FakeProcess } }[] = [];
  let failStarts = options.failStarts ?? 0;
  let gaveUp: string | undefined;
  const first = running();
  const started = Date.now();
  const component = supervise({
    name: 'worker',
    first,
    start: async () => {
      if (failStarts > 0) {
        failStarts -= 1;
        throw new Error('port in use\nmore detail');
      }
      const run = running();
      starts.push({ at: Date.now() - started, run });
      return run;
    },
    policy: POLICY,
    log: createLog('stack', { sink: (line) => lines.push(line), colour: false }),
    onGiveUp: (message) => {
      assert.equal(gaveUp, undefined, 'gives up once');
      gaveUp = message;
    },
    now: options.clock ? () => options.clock!.now : undefined,
  });
  return { component, first, starts, lines, gaveUp: () => gaveUp };
}

const until = async (what: string, ready: () => boolean) => {
  const deadline = Date.now() + 2_000;
  while (!ready()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
};

describe('the supervisor of npm start', () => {
  test('when a component dies, it is started again after the first pause, and both are logged', async () => {
    const { component, first, starts, lines } = harness();
    first.process.die();
    await until('a restart', () => starts.length === 1);
    assert.ok(starts[0]!.at >= POLICY.initialDelayMs, `waited ${starts[0]!.at} ms`);
    assert.equal(component.current, starts[0]!.run.process);
    assert.equal(component.restarts, 1);
    assert.match(lines.join('\n'), /worker exited with signal SIGKILL after .*; starting it again in 10 ms/);
    assert.match(lines.join('\n'), new RegExp(`worker started again \\(pid ${starts[0]!.run.process.pid}, restart 1\\)`));
    await component.stop();
  });

  test('when it keeps dying at once, the pauses double up to the longest, and it gives up after the last quick failure with one message', async () => {
    const { component, first, starts, gaveUp } = harness();
    first.process.die();
    for (let n = 1; n < POLICY.maxQuickFailures; n++) {
      await until(`restart ${n}`, () => starts.length === n);
      if (n < POLICY.maxQuickFailures) starts[n - 1]!.run.process.die();
    }
    await until('the give-up', () => gaveUp() !== undefined);
    assert.equal(starts.length, POLICY.maxQuickFailures - 1, 'no start after giving up');
    const pauses = starts.map((s, i) => s.at - (i === 0 ? 0 : starts[i - 1]!.at));
    // 10, 20, 40 ms (each at least its pause; timers may fire late, never early)
    assert.ok(pauses[0]! >= 10 && pauses[1]! >= 20 && pauses[2]! >= 40, `pauses ${pauses.join(', ')}`);
    assert.match(gaveUp()!, /^worker failed 4 times in a row, each time within 1 s of its start \(last: exited with signal SIGKILL/);
    assert.match(gaveUp()!, /Its last output:\noutput of \d+$/);
    await component.stop();
  });

  test('when it ran long enough, its next failure counts as the first again', async () => {
    const clock = { now: 0 };
    const { component, first, starts, gaveUp } = harness({ clock });
    for (let n = 1; n <= POLICY.maxQuickFailures + 2; n++) {
      clock.now += POLICY.healthyAfterMs; // each run lasted long enough
      (n === 1 ? first : starts[n - 2]!.run).process.die();
      await until(`restart ${n}`, () => starts.length === n);
    }
    assert.equal(gaveUp(), undefined);
    assert.equal(component.restarts, POLICY.maxQuickFailures + 2);
    await component.stop();
  });

  test('when a start fails, it counts as a failure and is tried again after a longer pause', async () => {
    const { component, first, starts, lines } = harness({ failStarts: 2 });
    first.process.die();
    await until('a restart', () => starts.length === 1);
    assert.match(lines.join('\n'), /worker could not start again \(port in use\); next try in 40 ms/);
    assert.ok(starts[0]!.at >= 10 + 20 + 40, `started after ${starts[0]!.at} ms`);
    await component.stop();
  });

  test('when stopped while it waits to start again, nothing is started and stop() returns', async () => {
    const { component, first, starts } = harness();
    first.process.die();
    await new Promise((resolve) => setTimeout(resolve, 2));
    await component.stop();
    await new Promise((resolve) => setTimeout(resolve, 3 * POLICY.initialDelayMs));
    assert.equal(starts.length, 0);
  });

  test('when stopped, the current process is stopped and its exit starts nothing', async () => {
    const { component, first, starts } = harness();
    await component.stop();
    assert.equal(first.process.stopping, true);
    await new Promise((resolve) => setTimeout(resolve, 3 * POLICY.initialDelayMs));
    assert.equal(starts.length, 0);
  });
});
