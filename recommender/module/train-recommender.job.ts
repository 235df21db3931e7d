/**
 * Processor of `train-model` jobs for the `recommender` component (the training queue's worker hands them here). A
 * job with a workspace trains that workspace's model through the generic processor (workers/jobs/train-model.job.ts:
 * skipped when the events and catalogue are unchanged since the live version, promoted only when its validation HR@10
 * is no worse than the live version's). A job without a scope (the repeatable schedule's) queues one run per workspace
 * that has events, each deduplicated, so a workspace still training is not queued twice.
 */
import type { Job, Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { TrainModelResult } from '../../workers/jobs/train-model.job';
import { jobIds, type TrainModelJobData } from '../../workers/queues';
import { RECOMMENDER_COMPONENT } from './recommender-component';

/** What a run did. */
export type TrainRecommenderResult = TrainModelResult | { outcome: 'scheduled'; workspaces: number };

/** Dependencies of the processor. */
export interface TrainRecommenderJobDeps {
  /** The generic registry processor (trainModelProcessor) over a component map holding the recommender. */
  trainOne: (job: Pick<Job<TrainModelJobData>, 'data' | 'updateProgress'>, token?: string, signal?: AbortSignal) => Promise<TrainModelResult>;
  /** Where the schedule's fan-out queues the per-workspace runs. */
  queue: Pick<Queue<TrainModelJobData>, 'add'>;
  /** Workspaces the schedule trains (those with events). */
  workspaces: () => Promise<string[]>;
  logger: Pick<Logger, 'info'>;
}

/** Builds the processor. */
export function trainRecommenderProcessor(deps: TrainRecommenderJobDeps) {
  return async (job: Pick<Job<TrainModelJobData>, 'data' | 'updateProgress'>, token?: string, signal?: AbortSignal): Promise<TrainRecommenderResult> => {
    if (job.data.scope !== null) return deps.trainOne(job, token, signal);
    const workspaces = await deps.workspaces();
    for (const workspaceId of workspaces) {
      await deps.queue.add(
        'train-model',
        { scope: workspaceId, component: RECOMMENDER_COMPONENT, requestedBy: job.data.requestedBy },
        { deduplication: { id: jobIds.training(workspaceId, RECOMMENDER_COMPONENT) } },
      );
    }
    deps.logger.info({ workspaces: workspaces.length }, 'recommender training queued for every workspace with events');
    return { outcome: 'scheduled', workspaces: workspaces.length };
  };
}
