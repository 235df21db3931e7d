/**
 * Rebuilds a workspace's risk counters in Redis from the decision log when Redis has lost them (restarted without
 * persistence, flushed, moved to a new server). Without this, every device, IP and card would look new after such a
 * loss, which is exactly what a fraudster hopes for; the counters are derived data, and the decision log (with the
 * outcomes) holds everything they were built from, so a replay of that timeline in time order (the same one
 * retraining uses) restores them.
 *
 * Detection: a per-workspace marker key lives beside the counters (same `{workspace}` hash tag) and is written only
 * here, after a replay (for a new workspace, a replay of nothing). When the marker is missing the counters are
 * treated as lost. Requests scored and outcomes reported between the loss and the rebuild are counted once: the
 * counters count an event id and a chargeback id once, and the replay reads both from the logs. One worker rebuilds at
 * a time (a Redis lock).
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { RiskCounterStore } from '../features/counter-store';
import { buildTimeline, replayTimeline } from '../learning/risk-timeline';
import type { RiskDecisionLog } from './risk-decision-log';
import type { RiskLabelStore } from './risk-label-store';

/** What {@link RiskCounterRecovery.ensure} found or did. */
export type CounterState = 'present' | 'rebuilt' | 'busy';

/** What the recovery needs. */
export interface CounterRecoveryDeps {
  redis: Pick<Redis, 'exists' | 'set' | 'eval'>;
  keyPrefix: string;
  /** The live counters (RedisCounterStore) the scorer reads. */
  counters: RiskCounterStore;
  decisions: Pick<RiskDecisionLog, 'allInTimeOrder'>;
  labels: Pick<RiskLabelStore, 'allInTimeOrder'>;
  logger: Pick<Logger, 'info' | 'warn'>;
}

/** Longest a rebuild may hold the lock (a crashed rebuilder's lock frees itself after this). */
const LOCK_TTL_MS = 10 * 60_000;
const RELEASE_LOCK = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

/** See the file comment. */
export class RiskCounterRecovery {
  constructor(private readonly deps: CounterRecoveryDeps) {}

  /** The marker key of a workspace's counters (under the counters' own hash tag). */
  markerKey(workspaceId: string): string {
    return `${this.deps.keyPrefix}:risk:{${workspaceId}}:counters-built`;
  }

  /**
   * Makes sure the workspace's counters are there: nothing to do when the marker is, else replays the decision log
   * and the outcomes into them and writes the marker. `busy`: another process is rebuilding them now.
   */
  async ensure(workspaceId: string): Promise<CounterState> {
    const marker = this.markerKey(workspaceId);
    if (await this.deps.redis.exists(marker)) return 'present';
    const lock = `${this.deps.keyPrefix}:risk:{${workspaceId}}:counters-rebuild-lock`;
    const token = randomUUID();
    if ((await this.deps.redis.set(lock, token, 'PX', LOCK_TTL_MS, 'NX')) !== 'OK') return 'busy';
    try {
      // Checked again under the lock: another process may have finished a rebuild in between.
      if (await this.deps.redis.exists(marker)) return 'present';
      const started = Date.now();
      const requests = (await this.deps.decisions.allInTimeOrder(workspaceId)).map((d) => ({ request: d.request, orderNumber: d.orderNumber }));
      const labels = await this.deps.labels.allInTimeOrder(workspaceId);
      await replayTimeline(requests, buildTimeline(requests, labels), this.deps.counters);
      await this.deps.redis.set(marker, String(Date.now()));
      if (requests.length || labels.length) {
        this.deps.logger.warn(
          { workspaceId, requests: requests.length, labels: labels.length, ms: Date.now() - started },
          'risk counters were missing in Redis; rebuilt from the decision log',
        );
      }
      return 'rebuilt';
    } finally {
      await this.deps.redis.eval(RELEASE_LOCK, 1, lock, token).catch(() => undefined);
    }
  }

  /** {@link ensure} for every workspace; a failure for one is logged and the others go on. */
  async ensureAll(workspaceIds: readonly string[]): Promise<void> {
    for (const workspaceId of workspaceIds) {
      try {
        await this.ensure(workspaceId);
      } catch (error) {
        this.deps.logger.warn({ err: error, workspaceId }, 'risk counters could not be checked or rebuilt; retrying later');
      }
    }
  }
}
