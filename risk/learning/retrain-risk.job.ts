/**
 * Processor of `train-model` jobs for the `risk-model` component (the training queue's worker hands them here):
 * retrains a workspace's risk model through the model registry and promotes the new version only when it beats the
 * live one on the held-out time window (the most recent labelled requests): higher PR-AUC on the same rows. Without
 * a live model it must beat a constant score (PR-AUC = the window's fraud rate). With too few labels nothing is
 * trained and the live model (or rules only) stays. A job without a scope (the schedule's) queues one run per
 * workspace that has outcomes.
 */
import type { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { publishModelEvent } from '../../workers/model-registry/model-events';
import type { ModelRegistry } from '../../workers/model-registry/model-registry';
import { jobIds, type TrainModelJobData } from '../../workers/queues';
import type { RiskModel } from '../model/risk-model';
import { InsufficientRiskLabelsError, type RiskLearningComponent, type WindowMetrics } from './risk-learning-component';
import type { RiskTrainingSet } from './risk-training-set';

/** What a run did. */
export type RetrainRiskResult =
  | { outcome: 'scheduled'; workspaces: number }
  | { outcome: 'skipped'; reason: string }
  | { outcome: 'unchanged'; liveVersion: number }
  | { outcome: 'promoted' | 'rejected'; version: number; reason: string; metrics: Record<string, unknown> };

/** Dependencies of the processor. */
export interface RetrainRiskDeps {
  registry: ModelRegistry;
  component: RiskLearningComponent;
  /** Where the schedule's fan-out queues the per-workspace runs. */
  queue: Pick<Queue<TrainModelJobData>, 'add'>;
  /** Workspaces the schedule retrains (those with outcomes). */
  workspaces: () => Promise<string[]>;
  redis: Redis;
  keyPrefix: string;
  logger: Logger;
}

/** The comparison behind a promotion. */
export interface RiskPromotion {
  promote: boolean;
  reason: string;
}

/** The window's fraud rate: the PR-AUC of a model that knows nothing. */
function baseline(set: RiskTrainingSet): number {
  return set.window.filter((r) => r.label === 1).length / Math.max(1, set.window.length);
}

/** Whether a candidate beats the live model (or, without one, a constant score) on the window. */
export function decideRiskPromotion(candidate: WindowMetrics, live: WindowMetrics | null, set: RiskTrainingSet): RiskPromotion {
  const against = live ? live.prAuc : baseline(set);
  const what = live ? 'the live model' : 'a constant score (no live model)';
  const figures = `window PR-AUC ${candidate.prAuc.toFixed(4)} vs ${against.toFixed(4)} of ${what} on the ${set.window.length} most recent labelled requests`;
  return candidate.prAuc > against ? { promote: true, reason: `beats ${what}: ${figures}` } : { promote: false, reason: `does not beat ${what}: ${figures}` };
}

/** Builds the processor. */
export function retrainRiskProcessor(deps: RetrainRiskDeps) {
  const { registry, component, logger } = deps;
  return async (job: Pick<Job<TrainModelJobData>, 'data' | 'updateProgress'>): Promise<RetrainRiskResult> => {
    const { scope, force } = job.data;
    if (scope === null) {
      const workspaces = await deps.workspaces();
      for (const workspaceId of workspaces) {
        await deps.queue.add('train-model', { scope: workspaceId, component: component.name, requestedBy: job.data.requestedBy }, { deduplication: { id: jobIds.training(workspaceId, component.name) } });
      }
      logger.info({ workspaces: workspaces.length }, 'risk retraining queued for every workspace with outcomes');
      return { outcome: 'scheduled', workspaces: workspaces.length };
    }
    const set = await component.collect(scope);
    try {
      component.check(set.data);
    } catch (error) {
      if (!(error instanceof InsufficientRiskLabelsError)) throw error;
      logger.info({ scope, reason: error.message }, 'risk model not retrained: too few labels; the live model stays');
      return { outcome: 'skipped', reason: error.message };
    }
    const live = await registry.live(scope, component.name);
    if (!force && live && live.dataFingerprint === set.fingerprint) return { outcome: 'unchanged', liveVersion: live.version };
    const version = await registry.startVersion(scope, component.name, set.kind, set.fingerprint);
    const base = { scope, component: component.name, version: version.version };
    try {
      let lastReported = -1;
      const trained = await component.train(set, {
        onProgress: (fraction) => {
          const percent = Math.floor(fraction * 100);
          if (percent === lastReported) return;
          lastReported = percent;
          void job.updateProgress(percent).catch(() => undefined);
          void publishModelEvent(deps.redis, deps.keyPrefix, { type: 'progress', ...base, fraction }).catch(() => undefined);
        },
      });
      const candidate: WindowMetrics = {
        prAuc: trained.metrics.windowPrAuc as number,
        rocAuc: trained.metrics.windowRocAuc as number,
        recallAt1pctFpr: trained.metrics.windowRecallAt1pctFpr as number,
      };
      let liveMetrics: WindowMetrics | null = null;
      if (live) {
        let liveModel: RiskModel | undefined;
        try {
          liveModel = component.load(live.kind, await registry.artefact(live.id));
          liveMetrics = component.evaluate(liveModel, set.data);
        } catch (error) {
          // A live artefact this version cannot load is no competition: the candidate is compared with a constant.
          logger.warn({ err: error, scope, liveVersion: live.version }, 'live risk model could not be evaluated');
        } finally {
          liveModel?.dispose();
        }
      }
      const metrics = {
        ...trained.metrics,
        ...(liveMetrics ? { liveVersion: live!.version, liveWindowPrAuc: liveMetrics.prAuc, liveWindowRocAuc: liveMetrics.rocAuc } : {}),
      };
      await registry.completeVersion(version.id, trained.artefact, metrics);
      await publishModelEvent(deps.redis, deps.keyPrefix, { type: 'completed', ...base, metrics });
      const decision = job.data.promotion === 'always' ? { promote: true, reason: 'promotion forced by the request' } : decideRiskPromotion(candidate, liveMetrics, set.data);
      if (decision.promote) {
        await registry.promote(version.id);
        await publishModelEvent(deps.redis, deps.keyPrefix, { type: 'promoted', ...base, reason: decision.reason });
        logger.info({ ...base, reason: decision.reason }, 'risk model version promoted');
        return { outcome: 'promoted', version: version.version, reason: decision.reason, metrics };
      }
      await registry.rejectVersion(version.id, decision.reason);
      await publishModelEvent(deps.redis, deps.keyPrefix, { type: 'rejected', ...base, reason: decision.reason });
      logger.warn({ ...base, reason: decision.reason }, 'risk model version not promoted');
      return { outcome: 'rejected', version: version.version, reason: decision.reason, metrics };
    } catch (error) {
      const message = (error as Error).message ?? String(error);
      await registry.failVersion(version.id, message);
      await publishModelEvent(deps.redis, deps.keyPrefix, { type: 'failed', ...base, error: message }).catch(() => undefined);
      throw error;
    }
  };
}
