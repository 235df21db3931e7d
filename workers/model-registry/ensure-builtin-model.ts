/**
 * Start-up step: makes sure a component's built-in model is live and matches the shipped training data. If the live
 * version was trained on other data (first start, or an upgrade changed the data), the artefact is installed from
 * the cache when present, otherwise a training job is queued and the bot answers without intents until it is live.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { TrainableComponent } from '../../platform/models/trainable-component';
import { jobIds, type TrainModelJobData } from '../queues';
import type { ArtefactCache } from './artefact-cache';
import { publishModelEvent } from './model-events';
import type { ModelRegistry } from './model-registry';

/** What happened. */
export type BuiltinModelState = 'live' | 'installed-from-cache' | 'training-queued';

/** Dependencies. */
export interface EnsureBuiltinDeps {
  registry: ModelRegistry;
  cache: ArtefactCache;
  trainingQueue: Queue<TrainModelJobData>;
  redis: Redis;
  keyPrefix: string;
  logger: Logger;
}

/** See the file comment. */
export async function ensureBuiltinModel(
  deps: EnsureBuiltinDeps,
  component: TrainableComponent<unknown, unknown>,
): Promise<BuiltinModelState> {
  const set = await component.collect(null);
  const live = await deps.registry.live(null, component.name);
  if (live && live.dataFingerprint === set.fingerprint) return 'live';
  const cached = deps.cache.read(component.name, set.fingerprint);
  if (cached && cached.kind === set.kind) {
    // The shipped data's own artefact: installed as the new built-in version without a promotion contest.
    const version = await deps.registry.startVersion(null, component.name, set.kind, set.fingerprint);
    await deps.registry.completeVersion(version.id, cached.artefact, cached.metrics);
    await deps.registry.promote(version.id);
    await publishModelEvent(deps.redis, deps.keyPrefix, {
      type: 'promoted',
      scope: null,
      component: component.name,
      version: version.version,
      reason: 'installed from the artefact cache',
    });
    deps.logger.info({ component: component.name, version: version.version }, 'built-in model installed from cache');
    return 'installed-from-cache';
  }
  await deps.trainingQueue.add(
    'train-model',
    { scope: null, component: component.name, requestedBy: 'startup', promotion: 'always' },
    { deduplication: { id: jobIds.training(null, component.name) } },
  );
  deps.logger.info({ component: component.name }, 'built-in model training queued; intents are answered once it is live');
  return 'training-queued';
}
