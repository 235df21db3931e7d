/**
 * Processor of `knowledge` jobs: after articles are published, archived, rolled back, deleted or imported, moves the
 * workspace's index version on by one (in the database, so every process agrees on the order of changes) and tells
 * every process which articles changed, so each applies just those to its in-memory index and switches at once.
 */
import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { publishIndexChanged } from '../../knowledge/indexing/index-events';
import type { KnowledgeStore } from '../../knowledge/store/knowledge-store';
import type { ReindexKnowledgeJobData } from '../queues';

/** Dependencies of the processor. */
export interface ReindexKnowledgeDependencies {
  store: KnowledgeStore;
  redis: Redis;
  keyPrefix: string;
  logger: Logger;
}

/** Builds the processor for the knowledge queue's worker. @returns the new index version. */
export function reindexKnowledgeProcessor(deps: ReindexKnowledgeDependencies) {
  return async (job: Job<ReindexKnowledgeJobData>): Promise<number> => {
    const { workspaceId, slugs, requestedBy } = job.data;
    const version = await deps.store.bumpIndexVersion(workspaceId);
    await publishIndexChanged(deps.redis, deps.keyPrefix, { workspaceId, version, slugs });
    deps.logger.info({ workspaceId, version, changed: slugs === 'all' ? 'all' : slugs.length, requestedBy }, 'knowledge index moved on');
    return version;
  };
}
