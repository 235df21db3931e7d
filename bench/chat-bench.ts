/**
 * Chat throughput benchmark: starts the platform as its own process(es) on a fresh SQLite file and a private Redis
 * prefix, connects N simulated widget clients over real sockets on loopback, each sending a message and awaiting
 * the bot's reply in a closed loop for a fixed time, and prints one JSON line.
 *
 *   npm run bench:chat -- --json [--clients 32] [--duration 15] [--split] [--database postgres://...]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import { io, type Socket } from 'socket.io-client';
import { platformProcessArgs } from '../platform/node-flags';

const { values: args } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    clients: { type: 'string', default: '32' },
    duration: { type: 'string', default: '15' },
    warmup: { type: 'string', default: '3' },
    split: { type: 'boolean', default: false },
    database: { type: 'string' },
    redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
    'worker-concurrency': { type: 'string' },
  },
});

// Shoppers' messages in several languages, so language identification and templates do real work.
const MESSAGES = [
  'Hello!',
  'Where is my order? I ordered it last week',
  '¿Dónde está mi pedido?',
  '我的订单到哪里了',
  'Bonjour, je voudrais retourner un article',
  'Hallo, wie lange dauert der Versand nach Österreich?',
  'Olá, vocês aceitam PIX?',
  'こんにちは、サイズについて質問があります',
  'ok',
  'Hola',
];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function memoryMB(pid: number | undefined): { rss: number; peak: number } {
  if (!pid) return { rss: 0, peak: 0 };
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: 0, peak: 0 };
  }
}

function startRole(role: 'all' | 'server' | 'worker', env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(process.execPath, platformProcessArgs(role, (process.env.BENCH_NODE_ARGS ?? '').split(/\s+/).filter(Boolean)), {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${role} did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/"msg":"(server listening|worker started)"/.test(output)) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        child.stdout?.resume();
        child.stderr?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${role} exited with ${code}:\n${output}`)));
  });
}

/** CPU seconds (user + system) a process has used so far. */
function cpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

interface ClientStats {
  sent: number;
  replied: number;
  errors: number;
  latencies: number[];
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Waits until the built-in intent model is live, so every measured message goes through the full NLU step (on a
 * machine without the model cache, the first start trains it, ~25 s).
 */
async function waitForIntentModel(port: number, adminToken: string): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const response = await fetch(`http://127.0.0.1:${port}/api/nlu/models`, { headers: { authorization: `Bearer ${adminToken}` } }).catch(
      () => undefined,
    );
    if (response?.ok && ((await response.json()) as { builtin: unknown }).builtin) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('The built-in intent model did not go live within 180 s');
}

async function main(): Promise<void> {
  const clients = Number(args.clients);
  const durationMs = Number(args.duration) * 1000;
  const warmupMs = Number(args.warmup) * 1000;
  const port = await freePort();
  const database = args.database ?? `sqlite:${join(mkdtempSync(join(tmpdir(), 'pgdesk-bench-')), 'bench.sqlite')}`;
  const env = {
    PORT: String(port),
    DATABASE_URL: database,
    REDIS_URL: args.redis ?? 'redis://127.0.0.1:6379',
    REDIS_PREFIX: `bench-${randomUUID().slice(0, 8)}`,
    REDIS_START_LOCAL: 'false',
    ADMIN_TOKEN: `bench-admin-${randomUUID()}`,
    CHAT_MESSAGES_PER_MINUTE: '1000000',
    LOG_LEVEL: 'info',
    ...(args['worker-concurrency'] ? { WORKER_CONCURRENCY: args['worker-concurrency'] } : {}),
  };
  const processes: ChildProcess[] = [];
  if (args.split) {
    processes.push(await startRole('worker', env));
    processes.push(await startRole('server', env));
  } else {
    processes.push(await startRole('all', env));
  }

  await waitForIntentModel(port, env.ADMIN_TOKEN);
  const url = `http://127.0.0.1:${port}/webchat`;
  const sockets: Socket[] = [];
  const stats: ClientStats[] = [];
  let measuring = false;
  let sending = true;
  const inFlight = new Map<Socket, number>();

  await Promise.all(
    Array.from({ length: clients }, (_, index) =>
      new Promise<void>((resolve, reject) => {
        const socket = io(url, { auth: { workspace: 'demo', locale: 'en-US' }, transports: ['websocket'], reconnection: false });
        const stat: ClientStats = { sent: 0, replied: 0, errors: 0, latencies: [] };
        sockets.push(socket);
        stats.push(stat);
        let counter = index;
        const sendNext = () => {
          if (!sending) return;
          const text = MESSAGES[counter++ % MESSAGES.length] ?? 'hello';
          const startedAt = performance.now();
          inFlight.set(socket, startedAt);
          if (measuring) stat.sent += 1;
          const countThis = measuring;
          socket.emit('message', { clientMessageId: randomUUID(), text }, (ack: { ok: boolean }) => {
            if (!ack.ok) {
              if (countThis) stat.errors += 1;
              inFlight.delete(socket);
              setImmediate(sendNext);
            }
          });
          (socket as Socket & { countThis?: boolean }).countThis = countThis;
        };
        socket.on('message', (message: { direction: string; author: string }) => {
          if (message.direction !== 'out') return;
          const startedAt = inFlight.get(socket);
          if (startedAt === undefined) return;
          inFlight.delete(socket);
          if ((socket as Socket & { countThis?: boolean }).countThis) {
            stat.replied += 1;
            stat.latencies.push(performance.now() - startedAt);
          }
          sendNext();
        });
        socket.once('session', () => {
          resolve();
          sendNext();
        });
        socket.once('connect_error', reject);
      }),
    ),
  );

  await new Promise((resolve) => setTimeout(resolve, warmupMs));
  for (const stat of stats) Object.assign(stat, { sent: 0, replied: 0, errors: 0, latencies: [] });
  const redisInfo = new Redis(env.REDIS_URL);
  const redisCpu = async () => {
    const info = await redisInfo.info('cpu');
    const value = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
    return value('used_cpu_sys') + value('used_cpu_user');
  };
  const redisCpuAtStart = await redisCpu();
  const benchCpuAtStart = process.cpuUsage();
  measuring = true;
  const cpuAtStart = processes.reduce((sum, child) => sum + cpuSeconds(child.pid), 0);
  const startedAt = performance.now();
  await new Promise((resolve) => setTimeout(resolve, durationMs));
  sending = false;
  const cpuUsed = processes.reduce((sum, child) => sum + cpuSeconds(child.pid), 0) - cpuAtStart;
  const benchCpu = process.cpuUsage(benchCpuAtStart);
  const redisCpuUsed = (await redisCpu()) - redisCpuAtStart;
  const elapsedS = (performance.now() - startedAt) / 1000;
  const repliedInWindow = stats.reduce((sum, s) => sum + s.replied, 0);
  // Let the replies still on their way arrive before counting losses.
  const drainUntil = Date.now() + 10_000;
  while (inFlight.size > 0 && Date.now() < drainUntil) await new Promise((resolve) => setTimeout(resolve, 50));

  const memory = processes.map((child) => memoryMB(child.pid));
  const latencies = stats.flatMap((s) => s.latencies).sort((a, b) => a - b);
  const sent = stats.reduce((sum, s) => sum + s.sent, 0);
  const replied = stats.reduce((sum, s) => sum + s.replied, 0);
  const errors = stats.reduce((sum, s) => sum + s.errors, 0);
  const result = {
    benchmark: 'chat',
    mode: args.split ? 'server+worker processes' : 'single process',
    database: database.split(':')[0],
    clients,
    durationS: Number(elapsedS.toFixed(2)),
    messages: repliedInWindow,
    msgsPerSec: Math.round(repliedInWindow / elapsedS),
    p50ms: Number(percentile(latencies, 50).toFixed(2)),
    p95ms: Number(percentile(latencies, 95).toFixed(2)),
    p99ms: Number(percentile(latencies, 99).toFixed(2)),
    maxms: Number((latencies.at(-1) ?? 0).toFixed(2)),
    lost: sent - replied - errors,
    errors,
    platformCpuMsPerMsg: repliedInWindow ? Number(((cpuUsed * 1000) / repliedInWindow).toFixed(3)) : null,
    clientsCpuMsPerMsg: repliedInWindow ? Number(((benchCpu.user + benchCpu.system) / 1000 / repliedInWindow).toFixed(3)) : null,
    redisCpuMsPerMsg: repliedInWindow ? Number(((redisCpuUsed * 1000) / repliedInWindow).toFixed(3)) : null,
    rssMB: Math.round(memory.reduce((sum, m) => sum + m.rss, 0)),
    peakRssMB: Math.round(memory.reduce((sum, m) => sum + m.peak, 0)),
  };
  for (const socket of sockets) socket.close();
  await Promise.all(
    processes.map(
      (child) =>
        new Promise<void>((resolve) => {
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
        }),
    ),
  );
  // Leave nothing behind: the run's Redis keys and its SQLite folder.
  let cursor = '0';
  do {
    const [next, keys] = await redisInfo.scan(cursor, 'MATCH', `${env.REDIS_PREFIX}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redisInfo.del(...keys);
  } while (cursor !== '0');
  redisInfo.disconnect();
  if (!args.database) rmSync(dirname(database.slice('sqlite:'.length)), { recursive: true, force: true });
  if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  else console.table(result);
  process.exit(result.lost === 0 ? 0 : 1);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
