/**
 * Start-up check that Redis answers. When it does not, say so with the fix, and for a local URL optionally start a
 * private `redis-server` so `npm start` works on a fresh machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { Redis } from 'ioredis';
import type { Logger } from '../logging';

/** Raised when Redis cannot be reached; the message says how to fix it. */
export class RedisUnavailableError extends Error {
  override readonly name = 'RedisUnavailableError';
}

async function ping(url: string, timeoutMs: number): Promise<boolean> {
  const client = new Redis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
    enableOfflineQueue: false,
  });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}

function findRedisServer(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  const path = found.stdout.trim();
  return found.status === 0 && path ? path : undefined;
}

/**
 * Resolves when Redis answers PING. Otherwise, if allowed and the URL is local, starts a daemonised
 * `redis-server` (persisting nothing, data dir `./data/redis`) and waits for it.
 *
 * @throws RedisUnavailableError with the command that fixes the problem.
 */
export async function ensureRedisReachable(
  url: string,
  options: { startLocal: boolean; logger: Logger; dataDir?: string },
): Promise<void> {
  if (await ping(url, 2000)) return;
  const parsed = new URL(url);
  const local = ['127.0.0.1', 'localhost', '::1', '[::1]'].includes(parsed.hostname);
  const binary = options.startLocal && local ? findRedisServer() : undefined;
  if (binary) {
    const port = parsed.port || '6379';
    const dir = resolve(options.dataDir ?? './data/redis');
    mkdirSync(dir, { recursive: true });
    options.logger.warn({ port, dir }, 'Redis is not running; starting a private redis-server (REDIS_START_LOCAL=true)');
    spawnSync(binary, [
      '--daemonize', 'yes', '--bind', '127.0.0.1', '--port', port, '--save', '', '--appendonly', 'no',
      '--dir', dir, '--logfile', resolve(dir, 'redis.log'), '--pidfile', resolve(dir, 'redis.pid'),
    ]);
    for (let attempt = 0; attempt < 50; attempt += 1) {
      if (await ping(url, 500)) return;
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  throw new RedisUnavailableError(
    `Redis is not reachable at ${parsed.host} (redis.url / REDIS_URL). ` +
      (local
        ? 'Start it with `redis-server --daemonize yes` (Debian: `apt-get install redis-server`), ' +
          'or let the platform start one by installing redis-server and keeping REDIS_START_LOCAL=true.'
        : 'Check that the server is up and the URL, password and TLS (rediss://) are right.'),
  );
}
