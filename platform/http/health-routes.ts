/** Liveness, readiness and Prometheus metrics endpoints. */
import { Router } from 'express';
import { sql, type Kysely } from 'kysely';
import type { Redis } from 'ioredis';
import type { PlatformMetrics } from '../metrics';

/** Dependencies checked by `/readyz`. */
export interface HealthDeps {
  db: Kysely<unknown>;
  redis: Redis;
  metrics: PlatformMetrics;
  /** False once shutdown started, so load balancers stop sending traffic. */
  isAccepting: () => boolean;
}

async function check(probe: () => Promise<unknown>): Promise<{ ok: boolean; error?: string }> {
  try {
    await Promise.race([probe(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 2 s')), 2000))]);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
}

/** `/healthz` (process alive), `/readyz` (database and Redis answer), `/metrics`. */
export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const [database, redis] = await Promise.all([
      check(() => sql`select 1`.execute(deps.db)),
      check(() => deps.redis.ping()),
    ]);
    const accepting = deps.isAccepting();
    const ready = database.ok && redis.ok && accepting;
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks: { database, redis, accepting } });
  });
  router.get('/metrics', async (_req, res, next) => {
    try {
      res.set('Content-Type', deps.metrics.registry.contentType);
      res.send(await deps.metrics.registry.metrics());
    } catch (error) {
      next(error);
    }
  });
  return router;
}
