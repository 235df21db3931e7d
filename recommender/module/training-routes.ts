/**
 * Admin REST API of the recommender's models: queue a training run of the workspace's model (`POST
 * /api/recommender/train`, answered 202 with the job id), follow it (`GET /api/recommender/training/:jobId`: state,
 * progress 0..1, the validation metrics and whether the new version went live, or why not), and list the versions
 * with their metrics and which one is live (`GET /api/recommender/models`). Training itself runs in a worker.
 */
import type { Queue } from 'bullmq';
import { Router } from 'express';
import { z } from 'zod';
import { principalOf, requireToken, type ApiTokenStore } from '../../platform/auth';
import type { ApiCatalogue } from '../../platform/http/openapi';
import { asyncHandler, HttpError, parseOrThrow } from '../../platform/http/errors';
import type { ModelRegistry, ModelVersion } from '../../workers/model-registry/model-registry';
import { queueTrainingRun, type TrainModelJobData } from '../../workers/queues';
import { RECOMMENDER_COMPONENT } from './recommender-component';

/** What the routes need. */
export interface RecommenderTrainingRoutesDeps {
  tokens: ApiTokenStore;
  registry: ModelRegistry;
  training: Queue<TrainModelJobData>;
}

const trainBody = z.strictObject({ force: z.boolean().default(false) }).default({ force: false });
const jobParam = z.object({ jobId: z.string().min(1).max(200) });

function versionJson(version: ModelVersion) {
  return {
    version: version.version,
    kind: version.kind,
    status: version.status,
    live: version.status === 'live',
    metrics: version.metrics,
    error: version.error,
    createdAt: new Date(version.createdAt).toISOString(),
    completedAt: version.completedAt ? new Date(version.completedAt).toISOString() : null,
    promotedAt: version.promotedAt ? new Date(version.promotedAt).toISOString() : null,
  };
}

/** BullMQ progress as this component reports it (whole percents) turned into a fraction. */
function progressFraction(progress: unknown, state: string): number {
  if (state === 'completed') return 1;
  return typeof progress === 'number' && Number.isFinite(progress) ? Math.min(1, Math.max(0, progress / 100)) : 0;
}

/** Mounts the routes (after the JSON parser). */
export function recommenderTrainingRoutes(deps: RecommenderTrainingRoutesDeps): Router {
  const router = Router();
  const anyRole = requireToken(deps.tokens, ['admin', 'agent']);
  const adminOnly = requireToken(deps.tokens, ['admin']);

  // Asking again while a run of the workspace is waiting or running returns that run (deduplicated job id).
  router.post(
    '/api/recommender/train',
    adminOnly,
    asyncHandler(async (req, res) => {
      const body = parseOrThrow(trainBody, req.body ?? {}, 'body');
      const principal = principalOf(res);
      const job = await queueTrainingRun(deps.training, { workspaceId: principal.workspaceId, component: RECOMMENDER_COMPONENT, force: body.force, requestedBy: `token:${principal.name}` });
      res.status(202).json({ jobId: job.id, statusUrl: `/api/recommender/training/${job.id}` });
    }),
  );

  router.get(
    '/api/recommender/training/:jobId',
    anyRole,
    asyncHandler(async (req, res) => {
      const { jobId } = parseOrThrow(jobParam, req.params, 'path');
      // State first, then the job: read the other way round, a run finishing in between would show `completed`
      // without its result.
      const state = await deps.training.getJobState(jobId);
      const job = await deps.training.getJob(jobId);
      if (!job || job.data.scope !== principalOf(res).workspaceId || job.data.component !== RECOMMENDER_COMPONENT) {
        throw new HttpError(404, 'not_found', `No recommender training run ${jobId} in this workspace.`);
      }
      const result = (job.returnvalue ?? null) as { outcome?: string; reason?: string; version?: number; metrics?: unknown } | null;
      res.json({
        jobId: job.id,
        state,
        progress: progressFraction(job.progress, state),
        outcome: result?.outcome ?? null,
        promoted: result?.outcome === undefined ? null : result.outcome === 'promoted',
        version: result?.version ?? null,
        reason: result?.reason ?? (result?.outcome === 'unchanged' ? 'events and catalogue unchanged since the live version' : null),
        metrics: result?.metrics ?? null,
        result,
        error: job.failedReason || null,
      });
    }),
  );

  router.get(
    '/api/recommender/models',
    anyRole,
    asyncHandler(async (_req, res) => {
      const versions = await deps.registry.list(principalOf(res).workspaceId, RECOMMENDER_COMPONENT);
      const live = versions.find((v) => v.status === 'live');
      res.json({ live: live ? live.version : null, versions: versions.map(versionJson) });
    }),
  );

  return router;
}

/** Documents the routes above in the OpenAPI document. */
export function describeRecommenderTrainingRoutes(api: ApiCatalogue): void {
  const tag = 'recommender';
  api
    .describe({
      method: 'post',
      path: '/api/recommender/train',
      tag,
      roles: ['admin'],
      body: trainBody,
      summary:
        "Queues a training run of the workspace's recommender (events and catalogue; popularity below REC_MIN_TRAINING_USERS shoppers). `force`: train even when nothing changed since the live version.",
      responses: { 202: { description: '{jobId, statusUrl}; asking again while a run is waiting or running returns that run.' } },
    })
    .describe({
      method: 'get',
      path: '/api/recommender/training/:jobId',
      tag,
      roles: ['admin', 'agent'],
      params: jobParam,
      summary: 'State of a training run: progress 0..1, then its validation metrics and whether the version went live (`promoted`) or why not (`reason`).',
      responses: { 200: { description: '{jobId, state, progress, outcome, promoted, version, reason, metrics, error}.' }, 404: { description: 'No such run in this workspace.' } },
    })
    .describe({
      method: 'get',
      path: '/api/recommender/models',
      tag,
      roles: ['admin', 'agent'],
      summary: "The workspace's recommender versions, newest first, with their validation metrics (hr10, ndcg10, hr20, ndcg20, users, trainSeconds, items) and status.",
      responses: { 200: { description: '{live: version number or null, versions}.' } },
    });
}
