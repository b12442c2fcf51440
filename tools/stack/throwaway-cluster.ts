/**
 * A throwaway cluster form (./cluster.ts) for the cluster test and the cluster benchmark:
 * temporary data directory, free ports, a mail catcher, every process's output in a log file of
 * its own; a process that dies is reported, not restarted. stop() removes everything.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMailCatcher, type MailCatcher } from '../mail/catcher';
import { kampungApp } from './app';
import { startCluster, type RunningCluster } from './cluster';
import { createLog } from './log';
import { freePort } from './postgres';
import type { Exit } from './processes';
import { ROOT } from './throwaway-stack';

export interface ThrowawayCluster extends RunningCluster {
  tempDir: string;
  mailCatcherUrl: string;
  /** For clients: APP_URL (the round-robin proxy), DATABASE_URL, TEMPORAL_ADDRESS, and one demo
   * login per role (E2E_<ROLE>_EMAIL, E2E_<ROLE>_PASSWORD), as the test stack's env. */
  env: Record<string, string>;
  /** The last `lines` lines of each process's log. */
  readLogs(lines?: number): Promise<string>;
}

export const CLUSTER_NAMESPACE = 'default';
export const CLUSTER_TASK_QUEUE = 'kampung-cases';

export async function startThrowawayCluster(options: {
  replicas?: number;
  onUnexpectedExit?: (name: string, exit: Exit) => void;
  signal?: AbortSignal;
} = {}): Promise<ThrowawayCluster> {
  const tempDir = await mkdtemp(join(tmpdir(), 'kampung-cluster-'));
  const streams: WriteStream[] = [];
  const files = new Map<string, string>();
  const sinkFor = (name: string) => {
    const file = join(tempDir, `${name}.log`);
    const stream = createWriteStream(file, { flags: 'a' });
    streams.push(stream);
    files.set(name, file);
    return (line: string) => void stream.write(`${line}\n`);
  };
  let catcher: MailCatcher | undefined;
  const cleanUp = async () => {
    await catcher?.stop();
    await Promise.all(streams.map((stream) => new Promise((resolve) => stream.end(resolve))));
    if (process.env.KEEP_CLUSTER_LOGS) process.stdout.write(`cluster logs kept in ${tempDir}\n`);
    else await rm(tempDir, { recursive: true, force: true });
  };
  try {
    catcher = await startMailCatcher({ smtpPort: 0, webPort: 0 });
    const apiPorts: number[] = [];
    for (let i = 0; i < (options.replicas ?? 2); i++) apiPorts.push(await freePort());
    const cluster = await startCluster({
      root: ROOT,
      dataDir: tempDir,
      app: kampungApp,
      log: createLog('cluster', { colour: false, sink: sinkFor('cluster') }),
      colour: false,
      pgPort: await freePort(),
      apiPorts,
      proxyPort: 0,
      namespace: CLUSTER_NAMESPACE,
      taskQueue: CLUSTER_TASK_QUEUE,
      logLevel: 'info',
      users: kampungApp.demoUsers,
      mail: { SMTP_URL: catcher.smtpUrl, MAIL_FROM: 'Kampung Cluster <no-reply@kampung.test>', MAIL_EVERY: 'PT2S' },
      sinkFor,
      onUnexpectedExit: options.onUnexpectedExit,
      temporalServerDir: process.env.TEMPORAL_SERVER_DIR || undefined,
      signal: options.signal,
    });
    const env: Record<string, string> = {
      APP_URL: cluster.appUrl,
      DATABASE_URL: cluster.databaseUrl,
      TEMPORAL_ADDRESS: cluster.temporalAddress,
      TEMPORAL_NAMESPACE: CLUSTER_NAMESPACE,
      TEMPORAL_TASK_QUEUE: CLUSTER_TASK_QUEUE,
      MAIL_CATCHER_URL: catcher.webUrl,
      ...Object.fromEntries(
        kampungApp.demoUsers.flatMap((user) => [[`E2E_${user.role}_EMAIL`, user.email], [`E2E_${user.role}_PASSWORD`, user.password]]),
      ),
    };
    return {
      ...cluster,
      // Getters of the running cluster stay live (the spread would freeze them).
      get temporalPid() {
        return cluster.temporalPid;
      },
      tempDir,
      mailCatcherUrl: catcher.webUrl,
      env,
      readLogs: async (lines = 60) => {
        const parts: string[] = [];
        for (const [name, file] of files) {
          const text = (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(Boolean);
          parts.push(`----- ${name} (${file}) -----`, ...text.slice(-lines));
        }
        return parts.join('\n');
      },
      stop: async () => {
        try {
          await cluster.stop();
        } finally {
          await cleanUp();
        }
      },
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
