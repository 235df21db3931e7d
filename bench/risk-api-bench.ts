/**
 * Latency of `POST /api/risk/score` over HTTP: starts the platform as its own process (`all` role, a fresh SQLite
 * file, a private Redis prefix, the demo store), waits until the demo workspace's risk model is live (it trains at
 * first start), then sends scoring requests on keep-alive connections from `--clients` closed-loop clients and
 * prints one JSON line with the percentiles. Every measured call is a real decision: token check, Redis counters
 * (one round trip), features, XGBoost with SHAP reasons, rules, and the audit-log row committed before the answer.
 * The platform runs with the flags `npm start` gives it (platform/node-flags.ts). Measuring starts once the job
 * queues are idle (the first start's other trainings are done) and `--warmup` requests have been served (the
 * first ~5 s after start, while the JIT compiles the hot path, had 2-3x the slow requests of the steady state;
 * `--warmup 300` shows them).
 *
 * The requests are built before the clock. `--client raw` (default) sends them as prepared bytes on raw keep-alive
 * sockets (see raw-http-client.ts: the client's own allocations stay out of the figures); `--client node` uses
 * node:http's client, as an application would, and reports its extra cost.
 *
 *   node dist/bench/risk-api-bench.js --json [--requests 3000] [--warmup 3000] [--clients 1] [--dry-run] [--client raw|node]
 *
 * BENCH_NODE_ARGS adds platform flags (e.g. `--cpu-prof`), BENCH_PLATFORM_LOG=FILE keeps its output, and
 * BENCH_LATENCY_LOG=FILE writes every request's start and latency.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { RawHttpClient, rawRequest } from './raw-http-client';
import { platformProcessArgs } from '../platform/node-flags';
import { bullPrefix, queueNames } from '../workers/queues';

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    requests: { type: 'string', default: '3000' },
    // The first ~5 s after start (JIT compiling the hot path) had 2-3x the slow requests of the steady state.
    warmup: { type: 'string', default: '3000' },
    clients: { type: 'string', default: '1' },
    'dry-run': { type: 'boolean', default: false },
    client: { type: 'string', default: 'raw' },
    redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
  },
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function start(env: Record<string, string>): Promise<ChildProcess> {
  // BENCH_NODE_ARGS="--cpu-prof --cpu-prof-dir=DIR" profiles the platform process (as bench:chat does).
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, platformProcessArgs('all', nodeArgs), { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the platform did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // The start-up banner is printed once the server listens (JSON logs are at warn level here).
      if (/Demo store: http/.test(output)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        // BENCH_PLATFORM_LOG=FILE keeps what the platform prints from then on (e.g. with BENCH_NODE_ARGS=--trace-gc).
        const logFile = process.env.BENCH_PLATFORM_LOG;
        if (logFile) {
          const sink = createWriteStream(logFile);
          child.stdout?.pipe(sink);
          child.stderr?.pipe(sink);
        } else {
          child.stdout?.resume();
          child.stderr?.resume();
        }
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the platform exited with ${code}:\n${output}`)));
  });
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
}

/** Waits until the demo workspace has a live risk model. @returns its metrics. */
async function waitForRiskModel(port: number, token: string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const response = await fetch(`http://127.0.0.1:${port}/api/risk/models`, { headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
    if (response?.ok) {
      const live = ((await response.json()) as { versions: Array<{ status: string; metrics: Record<string, unknown> }> }).versions.find((v) => v.status === 'live');
      if (live) return live.metrics;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('The demo risk model did not go live within 180 s');
}

/**
 * Waits until the platform's job queues hold no waiting or running job (the first start trains the other demo
 * models and indexes the knowledge base after the risk model is live; measuring beside them measures the machine's
 * two cores shared with training, not serving). @returns the seconds waited.
 */
async function waitForIdleQueues(redisUrl: string, prefix: string): Promise<number> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const queues = Object.values(queueNames).map((name) => new Queue(name, { connection, prefix }));
  const started = Date.now();
  try {
    for (let quiet = 0; quiet < 3 && Date.now() - started < 300_000; ) {
      const counts = await Promise.all(queues.map((queue) => queue.getJobCounts('waiting', 'active', 'prioritized')));
      const busy = counts.reduce((sum, c) => sum + (c.waiting ?? 0) + (c.active ?? 0) + (c.prioritized ?? 0), 0);
      quiet = busy ? 0 : quiet + 1;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
    connection.disconnect();
  }
  return (Date.now() - started) / 1000;
}

/** A plausible order: mostly new devices and customers, some shared devices, varied values and countries. */
function body(n: number): string {
  const shared = n % 7 === 0;
  const at = Date.now();
  return JSON.stringify({
    action: n % 5 === 0 ? 'change_address' : 'order',
    eventId: `bench-${n}-${randomUUID().slice(0, 8)}`,
    at,
    customer: { id: `bench-c${n % 900}`, createdAt: at - (n % 11) * 3_600_000 * 24 - (n % 3) * 60_000, email: n % 9 === 0 ? `b${n}@mailinator.com` : `b${n}@example.com` },
    order: { number: `BN${n}`, value: 20 + ((n * 37) % 600), currency: 'EUR', shippingCountry: ['DE', 'FR', 'GB', 'ES'][n % 4], billingCountry: ['DE', 'FR', 'US', 'ES'][n % 4], paymentFingerprint: `card-${n % 1200}` },
    device: { id: shared ? `shared-${n % 13}` : `dev-${n}`, ip: `203.0.${n % 250}.${(n * 7) % 250}`, browser: ['Chrome', 'Safari', 'Firefox'][n % 3] },
    channel: 'web',
    source: ['SEO', 'Ads', 'Direct'][n % 3],
  });
}

function post(agent: Agent, port: number, token: string, path: string, payload: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { agent, host: '127.0.0.1', port, path, method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        res.resume();
        res.once('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.once('error', reject);
    req.end(payload);
  });
}

async function main(): Promise<void> {
  const requests = Number(args.requests);
  const warmup = Number(args.warmup);
  const clients = Math.max(1, Number(args.clients));
  const port = await freePort();
  const database = `sqlite:${join(mkdtempSync(join(tmpdir(), 'pgdesk-risk-bench-')), 'bench.sqlite')}`;
  const token = `bench-admin-${randomUUID()}`;
  const prefix = `bench-risk-${randomUUID().slice(0, 8)}`;
  // The recommender's demo history and first training would share the process's CPU with the measured window.
  const child = await start({ PORT: String(port), DATABASE_URL: database, REDIS_URL: args.redis!, REDIS_PREFIX: prefix, REDIS_START_LOCAL: 'false', ADMIN_TOKEN: token, LOG_LEVEL: 'warn', REC_SEED_DEMO_HISTORY: 'false' });
  try {
    const metrics = await waitForRiskModel(port, token);
    const settledSeconds = await waitForIdleQueues(args.redis!, bullPrefix(prefix));
    if (args.client !== 'raw' && args.client !== 'node') throw new Error('--client must be raw or node');
    const path = `/api/risk/score${args['dry-run'] ? '?dryRun=1' : ''}`;
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    // Raw clients take prepared request bytes (or a body to wrap); the node:http client takes the body.
    let send: (payload: string | Buffer) => Promise<number>;
    let closeClients: () => void;
    if (args.client === 'node') {
      const agent = new Agent({ keepAlive: true, maxSockets: clients });
      send = (payload) => post(agent, port, token, path, payload.toString());
      closeClients = () => agent.destroy();
    } else {
      const sockets = await Promise.all(Array.from({ length: clients }, () => RawHttpClient.open('127.0.0.1', port)));
      const idle = [...sockets];
      send = async (payload) => {
        const socket = idle.pop()!;
        try {
          return (await socket.send(typeof payload === 'string' ? rawRequest('POST', `127.0.0.1:${port}`, path, headers, payload) : payload)).status;
        } finally {
          idle.push(socket);
        }
      };
      closeClients = () => sockets.forEach((socket) => socket.close());
    }
    let next = 0;
    for (let i = 0; i < warmup; i++) await send(body(next++));
    // Built before the clock starts: the client's own allocations (and GC pauses) stay out of the measured window.
    const payloads = Array.from({ length: requests }, () => body(next++));
    const prepared = args.client === 'raw' ? payloads.map((payload) => rawRequest('POST', `127.0.0.1:${port}`, path, headers, payload)) : undefined;
    const latencies: number[] = [];
    let failures = 0;
    let issued = 0;
    // BENCH_LATENCY_LOG=FILE writes each request's start (epoch ms) and latency in ms, to line slow ones up
    // with the platform's GC trace or other periodic work.
    const timeline: string[] | undefined = process.env.BENCH_LATENCY_LOG ? [] : undefined;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (issued < requests) {
          const index = issued++;
          const t0 = performance.now();
          const status = await send(prepared ? prepared[index]! : payloads[index]!);
          const t1 = performance.now();
          if (status === 200) latencies.push(t1 - t0);
          else failures++;
          timeline?.push(`${(performance.timeOrigin + t0).toFixed(2)} ${(t1 - t0).toFixed(3)}`);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    closeClients();
    if (timeline) writeFileSync(process.env.BENCH_LATENCY_LOG!, `${timeline.join('\n')}\n`);
    latencies.sort((a, b) => a - b);
    const result = {
      requests: latencies.length,
      failures,
      clients,
      dryRun: args['dry-run'],
      client: args.client,
      perSecond: Math.round(latencies.length / seconds),
      p50ms: Number(percentile(latencies, 50).toFixed(2)),
      p95ms: Number(percentile(latencies, 95).toFixed(2)),
      p99ms: Number(percentile(latencies, 99).toFixed(2)),
      maxms: Number((latencies.at(-1) ?? 0).toFixed(2)),
      modelVersion: metrics.modelVersion,
      settledSeconds: Number(settledSeconds.toFixed(1)),
    };
    if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else console.table(result);
  } finally {
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    const redis = new Redis(args.redis!);
    let cursor = '0';
    do {
      const [following, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = following;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
    rmSync(dirname(database.slice('sqlite:'.length)), { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
