/**
 * Event intake benchmark: `POST /api/events` over real HTTP on loopback, with the real routes, the real micro-batcher
 * and a fresh database (SQLite file by default, or PostgreSQL with --database). N clients post in a closed loop for
 * a fixed time, for each batch size asked; prints one JSON line with events/s, requests/s and the POST's latency.
 *
 *   npm run build && node dist/bench/events-bench.js --json [--clients 32] [--duration 10] [--batches 1,10,100]
 *                                                         [--database postgres://...]
 *
 * The clients run in a worker thread of this process (their own event loop), the server on the main thread.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import express from 'express';
import pino from 'pino';
import { Registry } from 'prom-client';
import { CatalogImporter, CommerceStore } from '../commerce';
import { ApiTokenStore } from '../platform/auth';
import { migrateToLatest, openDatabase } from '../platform/database';
import { errorHandler } from '../platform/http/errors';
import { WorkspaceStore } from '../platform/workspaces';
import { createRecommenderRoutes, createRecommenderServices } from '../recommender/api';

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    clients: { type: 'string', default: '32' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    batches: { type: 'string', default: '1,10,100' },
    products: { type: 'string', default: '1000' },
    database: { type: 'string' },
  },
});

interface Scenario {
  batch: number;
  requests: number;
  events: number;
  eventsPerSecond: number;
  requestsPerSecond: number;
  p50ms: number;
  p99ms: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

async function main(): Promise<void> {
  const clients = Number(args.clients);
  const duration = Number(args.duration) * 1000;
  const warmup = Number(args.warmup) * 1000;
  const productCount = Number(args.products);
  const folder = args.database ? undefined : mkdtempSync(join(tmpdir(), 'pgdesk-events-bench-'));
  const handle = openDatabase(args.database ?? `sqlite:${join(folder as string, 'bench.sqlite')}`);
  await migrateToLatest(handle.db as never);
  const slug = `bench-${Date.now()}`;
  const workspaceId = (await new WorkspaceStore(handle.db).ensure({ slug, name: slug, defaultLanguage: 'en' })).workspace.id;
  const products = Array.from({ length: productCount }, (_, n) => ({ sku: `SKU-${n}`, name: `Product ${n}`, price: '10.00', currency: 'EUR', stock: 5 }));
  await new CatalogImporter(handle.db).import(workspaceId, 'json', { products });
  const tokens = new ApiTokenStore(handle.db);
  const key = (await tokens.create({ workspaceId, role: 'events', name: 'bench' })).token;
  const registry = new Registry();
  const services = createRecommenderServices({ db: handle.db, engine: handle.engine, commerce: new CommerceStore(handle.db), metricsRegistry: registry });
  const routes = createRecommenderRoutes({ services, tokens, catalogImporter: new CatalogImporter(handle.db), webAssetsDir: '/nonexistent' });
  const app = express();
  app.use(routes.rawRouter);
  app.use(errorHandler(pino({ level: 'silent' })));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;

  async function scenario(batch: number): Promise<Scenario> {
    const job: ClientJob = { port, key, batch, clients, warmup, duration, productCount };
    const worker = new Worker(__filename, { workerData: job });
    const { latencies, errors } = await new Promise<{ latencies: number[]; errors: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    await worker.terminate();
    latencies.sort((a, b) => a - b);
    const seconds = duration / 1000;
    return {
      batch,
      requests: latencies.length,
      events: latencies.length * batch,
      eventsPerSecond: Math.round((latencies.length * batch) / seconds),
      requestsPerSecond: Math.round(latencies.length / seconds),
      p50ms: round(percentile(latencies, 0.5)),
      p99ms: round(percentile(latencies, 0.99)),
      errors,
    };
  }

  const scenarios: Scenario[] = [];
  for (const batch of args.batches.split(',').map(Number)) scenarios.push(await scenario(batch));
  await routes.stop();
  const flushes = ((await registry.getSingleMetric('pgdesk_events_flush_size')?.get())?.values ?? []) as Array<{ value: number; metricName?: string }>;
  const flushCount = flushes.find((v) => v.metricName === 'pgdesk_events_flush_size_count')?.value ?? 0;
  const flushed = flushes.find((v) => v.metricName === 'pgdesk_events_flush_size_sum')?.value ?? 0;
  const stored = await services.events.count(workspaceId);
  const result = {
    bench: 'events',
    engine: handle.engine,
    clients,
    durationSeconds: duration / 1000,
    products: productCount,
    scenarios,
    storedEvents: stored,
    flushes: flushCount,
    meanEventsPerFlush: flushCount ? round(flushed / flushCount, 1) : 0,
  };
  await services.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await handle.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
  if (args.json) console.log(JSON.stringify(result));
  else {
    console.log(`${result.engine}, ${clients} clients, ${result.durationSeconds} s per batch size`);
    for (const s of scenarios) console.log(`  batch ${s.batch}: ${s.eventsPerSecond} events/s, ${s.requestsPerSecond} req/s, p50 ${s.p50ms} ms, p99 ${s.p99ms} ms, errors ${s.errors}`);
    console.log(`  ${stored} events stored in ${flushCount} bulk writes (${result.meanEventsPerFlush} per write)`);
  }
}

/** What a client thread is asked to do. */
interface ClientJob {
  port: number;
  key: string;
  batch: number;
  clients: number;
  warmup: number;
  duration: number;
  productCount: number;
}

/** The client side, in a worker thread: `clients` closed loops of POSTs; posts back the measured latencies. */
async function runClients(job: ClientJob): Promise<{ latencies: number[]; errors: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: job.clients });
  const post = (body: string) =>
    new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: job.port,
          path: '/api/events',
          method: 'POST',
          agent,
          headers: { authorization: `Bearer ${job.key}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const latencies: number[] = [];
  let errors = 0;
  let visitor = 0;
  const started = Date.now();
  const measureFrom = started + job.warmup;
  const stopAt = measureFrom + job.duration;
  const loop = async () => {
    while (Date.now() < stopAt) {
      const v = `bench-${job.batch}-${++visitor}`;
      const body = JSON.stringify(
        Array.from({ length: job.batch }, (_, i) => ({ type: i % 5 === 4 ? 'add_to_cart' : 'view', sku: `SKU-${(visitor * 31 + i * 7) % job.productCount}`, visitorId: v })),
      );
      const t0 = process.hrtime.bigint();
      const status = await post(body);
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (status !== 202) errors += 1;
      if (Date.now() >= measureFrom) latencies.push(ms);
    }
  };
  await Promise.all(Array.from({ length: job.clients }, loop));
  agent.destroy();
  return { latencies, errors };
}

if (isMainThread) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  void runClients(workerData as ClientJob).then((result) => parentPort?.postMessage(result));
}
