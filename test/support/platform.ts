/**
 * Starts the real platform for tests: in this process (server + worker on a free port), or as separate OS
 * processes running the built CLI (`dist/platform/cli.js`), the way production runs them.
 */
import { TEST_MODEL_CACHE_DIR } from './model-cache';
import type { WhatsAppClientFactory } from '../../bots/channels/whatsapp-web';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import pino from 'pino';
import { loadConfig, type Config } from '../../config';
import { bootstrap } from '../../platform/processes/bootstrap';
import { createContext, type PlatformContext } from '../../platform/processes/context';
import { startServer, type RunningServer } from '../../platform/processes/server';
import { startWorker, type RunningWorker } from '../../platform/processes/worker';
import { platformProcessArgs } from '../../platform/node-flags';
import { projectRoot } from '../../platform/paths';
import { REDIS_URL, deleteRedisPrefix, uniquePrefix } from './services';

/** A platform running inside the test process. */
export interface InProcessPlatform {
  url: string;
  config: Config;
  context: PlatformContext;
  server: RunningServer;
  worker?: RunningWorker;
  adminToken: string;
  close(): Promise<void>;
}

/** A fresh SQLite file in a temporary folder. */
export function tempSqliteUrl(): string {
  return `sqlite:${join(mkdtempSync(join(tmpdir(), 'pgdesk-')), 'test.sqlite')}`;
}

/** Starts server (and worker unless `worker: false`) in-process on a unique Redis prefix and a free port. */
export async function startInProcessPlatform(
  options: {
    databaseUrl?: string;
    worker?: boolean;
    overrides?: Record<string, Record<string, unknown>>;
    /** Test seams of the server (e.g. a fake whatsapp-web.js Client). */
    server?: { whatsAppWebClientFactory?: WhatsAppClientFactory };
  } = {},
): Promise<InProcessPlatform> {
  const adminToken = `test-admin-token-${uniquePrefix('adm')}`;
  const ownDatabase = options.databaseUrl === undefined;
  const config = loadConfig({
    env: {},
    overrides: {
      server: { port: 0 },
      database: { url: options.databaseUrl ?? tempSqliteUrl() },
      redis: { url: REDIS_URL, keyPrefix: uniquePrefix('p'), startLocal: false },
      auth: { adminToken },
      log: { level: 'silent' },
      nlu: { modelCacheDir: TEST_MODEL_CACHE_DIR },
      // The demo risk history trains a model in the background; only the tests about it turn it on.
      risk: { seedDemo: false },
      // The demo shoppers' history and its first recommender training: only the tests about them turn it on.
      recommender: { seedDemoHistory: false },
      // The one apertium-apy of the test run (global-setup.ts), when it could be started.
      ...(process.env.TEST_APERTIUM_URL ? { translation: { engine: 'auto', apertiumUrl: process.env.TEST_APERTIUM_URL } } : {}),
      ...options.overrides,
    },
  });
  const context = await createContext(config, { role: 'all', logger: pino({ level: 'silent' }) });
  await bootstrap(context);
  const worker = options.worker === false ? undefined : await startWorker(context);
  const server = await startServer(context, { localTurns: worker?.runTurnLocally, ...options.server });
  return {
    url: server.url,
    config,
    context,
    server,
    worker,
    adminToken,
    async close() {
      await server.close();
      await worker?.close();
      await context.close();
      await deleteRedisPrefix(config.redis.keyPrefix);
      if (ownDatabase) rmSync(dirname(config.database.url.slice('sqlite:'.length)), { recursive: true, force: true });
    },
  };
}

/** A platform role running as its own OS process. */
export interface PlatformProcess {
  child: ChildProcess;
  /** Everything it wrote so far. */
  output(): string;
  /** Resolves when a line of its output matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /**
   * Resolves with the port of the server's "server listening" line. Start servers with PORT=0 and use this: a port
   * picked by the test can already be taken (CI once failed on a random port in the ephemeral range that another
   * connection held).
   */
  listeningPort(timeoutMs?: number): Promise<number>;
  /** Sends a signal and waits for the exit; resolves with the exit code (null when killed by signal). */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Runs `node dist/platform/cli.js <role>` with the given environment (needs `npm run build` first). */
export function spawnPlatform(role: 'all' | 'server' | 'worker', env: Record<string, string>): PlatformProcess {
  const child = spawn(process.execPath, platformProcessArgs(role), {
    cwd: projectRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      REDIS_START_LOCAL: 'false',
      LOG_LEVEL: 'info',
      NLU_MODEL_CACHE_DIR: TEST_MODEL_CACHE_DIR,
      // The demo shoppers' history and its training, as in startInProcessPlatform: only tests about them turn it on.
      REC_SEED_DEMO_HISTORY: 'false',
      ...(process.env.TEST_APERTIUM_URL ? { TRANSLATION_APERTIUM_URL: process.env.TEST_APERTIUM_URL } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const waitFor = (pattern: RegExp, timeoutMs = 45_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const done = () => {
        listeners.delete(check);
        clearTimeout(timer);
        child.off('exit', onExit);
      };
      const check = () => {
        const match = pattern.exec(output);
        if (match) {
          done();
          resolve(match[0]);
        }
      };
      // A process that dies before printing the line fails the wait at once, not after the timeout.
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        check();
        if (!listeners.has(check)) return;
        done();
        reject(new Error(`${role} exited (${code ?? signal}) before printing ${pattern}; output:\n${output}`));
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`Timed out waiting for ${pattern} from ${role}; output so far:\n${output}`));
      }, timeoutMs);
      listeners.add(check);
      child.once('exit', onExit);
      check();
    });
  return {
    child,
    output: () => output,
    waitFor,
    async listeningPort(timeoutMs) {
      const line = await waitFor(/"url":"http:\/\/[^"]*:(\d+)"[^\n]*"msg":"server listening"/, timeoutMs);
      return Number(/:(\d+)"/.exec(line)![1]);
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill(signal);
      return exited;
    },
  };
}
