/**
 * Admin REST API for understanding: a workspace's own intent examples, training runs of its intent model, the model
 * versions with their metrics, promotion and rollback, and a try-it endpoint that shows what the live model makes
 * of a message. Reading is open to agents; changing data and models needs an admin token.
 */
import type { Queue } from 'bullmq';
import { Router } from 'express';
import { z } from 'zod';
import { principalOf, requireToken, type ApiTokenStore } from '../../platform/auth';
import { asyncHandler, HttpError, parseOrThrow } from '../../platform/http/errors';
import { INTENT_COMPONENT, type IntentExampleStore } from '../../nlu/intents';
import type { ModelRegistry, ModelVersion } from '../../workers/model-registry/model-registry';
import { ModelRegistryError } from '../../workers/model-registry/model-registry';
import { publishModelEvent } from '../../workers/model-registry/model-events';
import { queueTrainingRun, type TrainModelJobData } from '../../workers/queues';
import type { UnderstandingProvider } from '../runtime/understanding-service';
import type { Redis } from 'ioredis';
import type { ApiCatalogue } from '../../platform/http/openapi';

/** What the routes need. */
export interface NluRoutesDeps {
  tokens: ApiTokenStore;
  examples: IntentExampleStore;
  registry: ModelRegistry;
  training: Queue<TrainModelJobData>;
  understanding: UnderstandingProvider;
  redis: Redis;
  keyPrefix: string;
}

const intentName = z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'intent names are lower_snake_case, 2-64 characters');
const examplesBody = z.object({
  examples: z
    .array(
      z.object({
        intent: intentName,
        text: z.string().trim().min(1).max(1000),
        language: z.string().regex(/^[a-z]{2}$/).optional(),
      }),
    )
    .min(1)
    .max(5000),
});
const trainBody = z.object({ force: z.boolean().default(false) }).default({ force: false });
const versionParam = z.object({ version: z.coerce.number().int().min(1) });
const idParam = z.object({ id: z.uuid() });
const tryBody = z.object({ text: z.string().trim().min(1).max(4000), language: z.string().regex(/^[a-z]{2}$/).optional() });

function versionJson(version: ModelVersion) {
  return {
    version: version.version,
    scope: version.workspaceId === null ? 'builtin' : 'workspace',
    kind: version.kind,
    status: version.status,
    metrics: version.metrics,
    error: version.error,
    dataFingerprint: version.dataFingerprint,
    createdAt: new Date(version.createdAt).toISOString(),
    completedAt: version.completedAt ? new Date(version.completedAt).toISOString() : null,
    promotedAt: version.promotedAt ? new Date(version.promotedAt).toISOString() : null,
  };
}

/** Mounts `/api/nlu/...`. */
export function nluRoutes(deps: NluRoutesDeps): Router {
  const router = Router();
  const anyRole = requireToken(deps.tokens, ['admin', 'agent']);
  const adminOnly = requireToken(deps.tokens, ['admin']);

  const findVersion = async (workspaceId: string, version: number): Promise<ModelVersion> => {
    const match = (await deps.registry.list(workspaceId, INTENT_COMPONENT, 1000)).find((v) => v.version === version);
    if (!match) throw new HttpError(404, 'not_found', `No intent model version ${version} in this workspace.`);
    return match;
  };

  router.get(
    '/api/nlu/examples',
    anyRole,
    asyncHandler(async (_req, res) => {
      const examples = await deps.examples.list(principalOf(res).workspaceId);
      res.json({ examples: examples.map((e) => ({ ...e, createdAt: new Date(e.createdAt).toISOString() })) });
    }),
  );

  router.post(
    '/api/nlu/examples',
    adminOnly,
    asyncHandler(async (req, res) => {
      const body = parseOrThrow(examplesBody, req.body, 'body');
      const added = await deps.examples.add(principalOf(res).workspaceId, body.examples);
      res.status(201).json({ added, skippedDuplicates: body.examples.length - added });
    }),
  );

  router.delete(
    '/api/nlu/examples/:id',
    adminOnly,
    asyncHandler(async (req, res) => {
      const { id } = parseOrThrow(idParam, req.params, 'path');
      if (!(await deps.examples.remove(principalOf(res).workspaceId, id))) throw new HttpError(404, 'not_found', `No example ${id}.`);
      res.status(204).end();
    }),
  );

  // Queues a training run of the workspace's model (built-in data + its examples). Asking again while one is
  // queued or running returns the same run.
  router.post(
    '/api/nlu/train',
    adminOnly,
    asyncHandler(async (req, res) => {
      const body = parseOrThrow(trainBody, req.body ?? {}, 'body');
      const principal = principalOf(res);
      const job = await queueTrainingRun(deps.training, { workspaceId: principal.workspaceId, component: INTENT_COMPONENT, force: body.force, requestedBy: `token:${principal.name}` });
      res.status(202).json({ jobId: job.id, statusUrl: `/api/nlu/train/${job.id}` });
    }),
  );

  router.get(
    '/api/nlu/train/:jobId',
    anyRole,
    asyncHandler(async (req, res) => {
      const jobId = String(req.params.jobId);
      // State first, then the job: read the other way round, a run finishing in between shows `completed` with the
      // result it had a moment before (none).
      const state = await deps.training.getJobState(jobId);
      const job = await deps.training.getJob(jobId);
      if (!job || job.data.scope !== principalOf(res).workspaceId) throw new HttpError(404, 'not_found', 'No such training run.');
      res.json({ jobId: job.id, state, progress: job.progress, result: job.returnvalue ?? null, error: job.failedReason ?? null });
    }),
  );

  router.get(
    '/api/nlu/models',
    anyRole,
    asyncHandler(async (_req, res) => {
      const workspaceId = principalOf(res).workspaceId;
      const own = await deps.registry.list(workspaceId, INTENT_COMPONENT);
      const builtin = await deps.registry.live(null, INTENT_COMPONENT);
      res.json({ versions: own.map(versionJson), builtin: builtin ? versionJson(builtin) : null });
    }),
  );

  router.post(
    '/api/nlu/models/:version/promote',
    adminOnly,
    asyncHandler(async (req, res) => {
      const { version } = parseOrThrow(versionParam, req.params, 'path');
      const workspaceId = principalOf(res).workspaceId;
      const target = await findVersion(workspaceId, version);
      try {
        const promoted = await deps.registry.promote(target.id);
        await publishModelEvent(deps.redis, deps.keyPrefix, { type: 'promoted', scope: workspaceId, component: INTENT_COMPONENT, version, reason: 'promoted by an admin' });
        res.json({ version: versionJson(promoted) });
      } catch (error) {
        if (error instanceof ModelRegistryError) throw new HttpError(409, 'conflict', error.message);
        throw error;
      }
    }),
  );

  router.post(
    '/api/nlu/models/rollback',
    adminOnly,
    asyncHandler(async (_req, res) => {
      const workspaceId = principalOf(res).workspaceId;
      try {
        const live = await deps.registry.rollback(workspaceId, INTENT_COMPONENT);
        await publishModelEvent(deps.redis, deps.keyPrefix, { type: 'promoted', scope: workspaceId, component: INTENT_COMPONENT, version: live.version, reason: 'rollback by an admin' });
        res.json({ version: versionJson(live) });
      } catch (error) {
        if (error instanceof ModelRegistryError) throw new HttpError(409, 'conflict', error.message);
        throw error;
      }
    }),
  );

  router.post(
    '/api/nlu/understand',
    anyRole,
    asyncHandler(async (req, res) => {
      const body = parseOrThrow(tryBody, req.body, 'body');
      const understanding = await deps.understanding.understand(principalOf(res).workspaceId, body.text, body.language);
      if (!understanding) throw new HttpError(503, 'model_not_ready', 'No intent model is live yet; training runs at first start (see /api/nlu/models).');
      res.json(understanding);
    }),
  );

  return router;
}

/** Documents the routes above in the OpenAPI document. */
export function describeNluRoutes(api: ApiCatalogue): void {
  const tag = 'nlu';
  const anyRole = ['admin', 'agent'] as const;
  const admin = ['admin'] as const;
  api
    .describe({ method: 'get', path: '/api/nlu/examples', tag, roles: anyRole, summary: "The workspace's own intent examples.", responses: { 200: { description: 'The examples.' } } })
    .describe({ method: 'post', path: '/api/nlu/examples', tag, roles: admin, body: examplesBody, summary: 'Adds intent examples (duplicates skipped).', responses: { 201: { description: 'How many were added.' } } })
    .describe({ method: 'delete', path: '/api/nlu/examples/:id', tag, roles: admin, params: idParam, summary: 'Removes one example.', responses: { 204: { description: 'Removed.' }, 404: { description: 'No such example.' } } })
    .describe({ method: 'post', path: '/api/nlu/train', tag, roles: admin, body: trainBody, summary: "Queues a training run of the workspace's intent model.", responses: { 202: { description: 'The job id and its status URL.' } } })
    .describe({ method: 'get', path: '/api/nlu/train/:jobId', tag, roles: anyRole, params: z.object({ jobId: z.string() }), summary: 'State and progress of a training run.', responses: { 200: { description: 'The job state.' }, 404: { description: 'No such job.' } } })
    .describe({ method: 'get', path: '/api/nlu/models', tag, roles: anyRole, summary: 'Intent model versions with their metrics.', responses: { 200: { description: 'The versions.' } } })
    .describe({ method: 'post', path: '/api/nlu/models/:version/promote', tag, roles: admin, params: versionParam, summary: 'Makes a version live.', responses: { 200: { description: 'The promoted version.' } } })
    .describe({ method: 'post', path: '/api/nlu/models/rollback', tag, roles: admin, summary: 'Puts the previous live version back.', responses: { 200: { description: 'The version now live.' } } })
    .describe({ method: 'post', path: '/api/nlu/understand', tag, roles: anyRole, body: tryBody, summary: 'What the live model understands of a message (intent, entities, frustration).', responses: { 200: { description: 'The understanding.' } } });
}
