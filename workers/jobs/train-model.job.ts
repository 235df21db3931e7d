/**
 * Processor of `train-model` jobs: gathers a component's training data for a scope, skips when nothing changed since
 * the live version (unless forced), trains a new version with progress events, and promotes it only when its
 * held-out primary metric is no worse than the live version's.
 */
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { TrainableComponent } from '../../platform/models/trainable-component';
import { publishModelEvent } from '../model-registry/model-events';
import type { ModelRegistry } from '../model-registry/model-registry';
import { decidePromotion } from '../model-registry/promotion-policy';
import type { TrainModelJobData } from '../queues';

/** What a run did. */
export type TrainModelResult =
  | { outcome: 'unchanged'; liveVersion: number }
  | { outcome: 'promoted' | 'rejected'; version: number; reason: string; metrics: Record<string, unknown> };

/** Dependencies of the processor. */
export interface TrainModelDependencies {
  registry: ModelRegistry;
  components: ReadonlyMap<string, TrainableComponent<unknown, unknown>>;
  redis: Redis;
  keyPrefix: string;
  logger: Logger;
  /** Called with every completed artefact (the process caches built-in ones). */
  onTrained?: (scope: string | null, componentName: string, fingerprint: string, trained: { kind: string; artefact: Buffer; metrics: Record<string, unknown> }) => void;
}

/** Builds the processor for the training queue's worker. */
export function trainModelProcessor(deps: TrainModelDependencies) {
  // `signal`: BullMQ aborts it when the job is cancelled (Worker.cancelJob); components stop at their next check.
  return async (job: Pick<Job<TrainModelJobData>, 'data' | 'updateProgress'>, _token?: string, signal?: AbortSignal): Promise<TrainModelResult> => {
    const { scope, component: componentName, force } = job.data;
    const component = deps.components.get(componentName);
    if (!component) throw new Error(`No trainable component named ${componentName}`);
    const set = await component.collect(scope);
    const live = await deps.registry.live(scope, component.name);
    if (!force && live && live.dataFingerprint === set.fingerprint) {
      deps.logger.info({ scope, component: component.name, version: live.version }, 'training data unchanged; live model kept');
      return { outcome: 'unchanged', liveVersion: live.version };
    }
    const version = await deps.registry.startVersion(scope, component.name, set.kind, set.fingerprint);
    const base = { scope, component: component.name, version: version.version };
    let lastReported = -1;
    try {
      const trained = await component.train(set, {
        onProgress: (fraction) => {
          // Whole percents only: progress is shown to people, and each report is a Redis round trip.
          const percent = Math.floor(fraction * 100);
          if (percent === lastReported) return;
          lastReported = percent;
          void job.updateProgress(percent).catch(() => undefined);
          void publishModelEvent(deps.redis, deps.keyPrefix, { type: 'progress', ...base, fraction }).catch(() => undefined);
        },
        ...(signal ? { signal } : {}),
      });
      await deps.registry.completeVersion(version.id, trained.artefact, trained.metrics);
      deps.onTrained?.(scope, component.name, set.fingerprint, { kind: set.kind, ...trained });
      await publishModelEvent(deps.redis, deps.keyPrefix, { type: 'completed', ...base, metrics: trained.metrics });
      const decision =
        job.data.promotion === 'always'
          ? { promote: true, reason: 'promotion forced by the request' }
          : decidePromotion(component.primaryMetric, trained.metrics, live?.metrics);
      if (decision.promote) {
        await deps.registry.promote(version.id);
        await publishModelEvent(deps.redis, deps.keyPrefix, { type: 'promoted', ...base, reason: decision.reason });
        deps.logger.info({ ...base, reason: decision.reason }, 'model version promoted');
        return { outcome: 'promoted', version: version.version, reason: decision.reason, metrics: trained.metrics };
      }
      await deps.registry.rejectVersion(version.id, decision.reason);
      await publishModelEvent(deps.redis, deps.keyPrefix, { type: 'rejected', ...base, reason: decision.reason });
      deps.logger.warn({ ...base, reason: decision.reason }, 'model version not promoted');
      return { outcome: 'rejected', version: version.version, reason: decision.reason, metrics: trained.metrics };
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      await deps.registry.failVersion(version.id, message);
      await publishModelEvent(deps.redis, deps.keyPrefix, { type: 'failed', ...base, error: message }).catch(() => undefined);
      throw error;
    }
  };
}
