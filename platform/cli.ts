/**
 * Process entry point: `node dist/platform/cli.js [all|server|worker]`.
 * `all` (npm start) runs server and worker in one process on the embedded defaults; `server` and `worker` run them
 * apart, for scaling out. SIGTERM/SIGINT drain in-flight work and exit 0.
 */
import { createServer } from 'node:http';
import express from 'express';
import { ConfigError, loadConfig, redactConfig } from '../config';
import { healthRoutes } from './http/health-routes';
import { missingNodeFlags } from './node-flags';
import { bootstrap } from './processes/bootstrap';
import { createContext, type PlatformContext } from './processes/context';
import { startServer, type RunningServer } from './processes/server';
import { startWorker, type RunningWorker } from './processes/worker';

type Role = 'all' | 'server' | 'worker';

function parseRole(argument: string | undefined): Role {
  if (argument === undefined || argument === 'all' || argument === 'server' || argument === 'worker') return argument ?? 'all';
  process.stderr.write(`Unknown role "${argument}". Use: all | server | worker\n`);
  process.exit(64);
}

function startWorkerHttp(context: PlatformContext, port: number): () => Promise<void> {
  const app = express();
  app.use(healthRoutes({ db: context.database.db as never, redis: context.redis, metrics: context.metrics, isAccepting: () => true }));
  const http = createServer(app).listen(port, context.config.server.host);
  return () => new Promise((resolve) => http.close(() => resolve()));
}

async function main(): Promise<void> {
  const role = parseRole(process.argv[2]);
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const context = await createContext(config, { role });
  context.logger.info({ config: redactConfig(config) }, 'starting');
  const missingFlags = missingNodeFlags(process.execArgv, process.env.NODE_OPTIONS);
  if (missingFlags.length) context.logger.info({ missingFlags }, 'started without the recommended Node flags (see platform/node-flags.ts): event-loop pauses will be longer');
  const setup = await bootstrap(context);

  let server: RunningServer | undefined;
  let worker: RunningWorker | undefined;
  let closeWorkerHttp: (() => Promise<void>) | undefined;
  // In one process (npm start) the server hands turns straight to the local worker instead of a queue round trip.
  if (role !== 'server') worker = await startWorker(context);
  if (role !== 'worker') server = await startServer(context, { localTurns: worker?.runTurnLocally });
  if (role === 'worker' && config.worker.httpPort > 0) closeWorkerHttp = startWorkerHttp(context, config.worker.httpPort);

  if (setup.generatedAdminToken) {
    // Shown once, on stdout only (not in the JSON logs); only its hash is stored.
    process.stdout.write(
      `\n  First admin API token for workspace "${setup.workspaceSlug}" (shown once, store it now):\n    ${setup.generatedAdminToken}\n\n`,
    );
  }
  if (server) process.stdout.write(`  Demo store: ${server.url}/   (widget script: ${server.url}/widget.js)\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    context.logger.info({ signal }, 'shutting down: draining in-flight work');
    const forced = setTimeout(() => {
      context.logger.error({ graceMs: config.shutdown.graceMs }, 'shutdown took too long; exiting anyway');
      process.exit(1);
    }, config.shutdown.graceMs);
    forced.unref();
    try {
      await server?.close();
      await worker?.close();
      await closeWorkerHttp?.();
      await context.close();
      context.logger.info('stopped cleanly');
      process.exit(0);
    } catch (error) {
      context.logger.error({ err: error }, 'error while shutting down');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  const known = error instanceof Error && /Error$/.test(error.name) && error.name !== 'Error';
  process.stderr.write(`${known ? `${(error as Error).name}: ${(error as Error).message}` : String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
