/**
 * The risk REST API of a workspace (the token's):
 * - `POST /api/risk/score`: scores an order or request -> `{score, decision, reasons, modelVersion, rules}`; the
 *   decision is counted and logged for audit unless `?dryRun=1`. Agents and admins.
 * - `POST /api/risk/outcomes`: reports an outcome (chargeback, "not received" claim, an agent's fraud / legit
 *   verdict) of an order or customer: stored as a training label and applied to the counters.
 * - `GET /api/risk/decisions`: the audit log, newest first.
 * - `GET|PUT /api/risk/settings`: the workspace's thresholds and rules (PUT: admins).
 * - `POST /api/risk/retrain`, `GET /api/risk/retrain/:jobId`, `GET /api/risk/models`: retraining on demand and the
 *   model versions with their held-out-window figures (retrain: admins).
 * Every malformed field is refused with a 400 that names it.
 */
import type { Queue } from 'bullmq';
import express, { Router } from 'express';
import { z } from 'zod';
import { principalOf, requireToken, type ApiTokenStore } from '../../platform/auth';
import { asyncHandler, HttpError, parseOrThrow } from '../../platform/http/errors';
import type { ApiCatalogue } from '../../platform/http/openapi';
import type { ModelRegistry, ModelVersion } from '../../workers/model-registry/model-registry';
import { jobIds, type TrainModelJobData } from '../../workers/queues';
import { RISK_COMPONENT } from '../model/risk-component';
import { RISK_LABEL_KINDS } from '../platform/risk-label-store';
import type { RiskDecisionLog } from '../platform/risk-decision-log';
import type { RiskService } from '../platform/risk-service';
import { riskSettingsSchema, type RiskSettingsStore } from '../platform/risk-settings';
import type { WorkspaceIpTables } from '../platform/workspace-ip-tables';
import { csvText, IpCountryMapError } from '../features/ip-country-map';
import { riskRequestBodySchema } from '../scoring/risk-request-schema';
import { dryRunQuery, RISK_SCORE_PATH, scoreApiCall } from './risk-score-endpoint';

/** What the routes need. */
export interface RiskRoutesDeps {
  tokens: ApiTokenStore;
  service: RiskService;
  decisions: RiskDecisionLog;
  settings: RiskSettingsStore;
  ipTables: WorkspaceIpTables;
  registry: ModelRegistry;
  training: Queue<TrainModelJobData>;
}

const time = z.union([
  z.number().int('must be whole milliseconds').nonnegative('must not be negative'),
  z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 time such as 2025-01-31T12:00:00Z'),
]);

const outcomeBody = z
  .strictObject({
    kind: z.enum(RISK_LABEL_KINDS, { error: `must be one of ${RISK_LABEL_KINDS.join(', ')}` }),
    /** The order it is about (its number as the store writes it). */
    orderNumber: z.string().trim().min(1, 'must not be empty').max(64).transform((n) => n.replace(/^#/, '').toUpperCase()).optional(),
    /** The customer it is about (the id used in scoring requests). */
    customerId: z.string().trim().min(1, 'must not be empty').max(200).optional(),
    /** Your id of this outcome: reporting it again changes nothing. */
    outcomeId: z.string().trim().min(1, 'must not be empty').max(200).optional(),
    /** When it happened; now when absent. */
    at: time.optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .refine((b) => b.orderNumber !== undefined || b.customerId !== undefined, { message: 'orderNumber or customerId is required', path: ['orderNumber'] });

const decisionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  orderNumber: z.string().trim().min(1).max(64).optional(),
});

/** Largest IP table upload (the public country tables are ~3-5 MB as CSV). */
const IP_TABLE_BODY_LIMIT = '64mb';

const retrainBody = z.strictObject({ force: z.boolean().default(false) }).default({ force: false });

function versionJson(version: ModelVersion) {
  return {
    version: version.version,
    kind: version.kind,
    status: version.status,
    metrics: version.metrics,
    error: version.error,
    createdAt: new Date(version.createdAt).toISOString(),
    completedAt: version.completedAt ? new Date(version.completedAt).toISOString() : null,
    promotedAt: version.promotedAt ? new Date(version.promotedAt).toISOString() : null,
  };
}

/** Mounts `/api/risk/...`. */
export function riskRoutes(deps: RiskRoutesDeps): Router {
  const router = Router();
  const anyRole = requireToken(deps.tokens, ['admin', 'agent']);
  const adminOnly = requireToken(deps.tokens, ['admin']);

  router.post(
    RISK_SCORE_PATH,
    anyRole,
    asyncHandler(async (req, res) => {
      res.json(await scoreApiCall(deps.service, principalOf(res), req.query, req.body));
    }),
  );

  router.post(
    '/api/risk/outcomes',
    anyRole,
    asyncHandler(async (req, res) => {
      const body = parseOrThrow(outcomeBody, req.body, 'body');
      const principal = principalOf(res);
      const result = await deps.service.recordOutcome({
        workspaceId: principal.workspaceId,
        kind: body.kind,
        createdBy: `token:${principal.name}`,
        ...(body.orderNumber ? { orderNumber: body.orderNumber } : {}),
        ...(body.customerId ? { customerId: body.customerId } : {}),
        ...(body.outcomeId ? { externalId: body.outcomeId } : {}),
        ...(body.note ? { note: body.note } : {}),
        ...(body.at !== undefined ? { at: typeof body.at === 'number' ? body.at : Date.parse(body.at) } : {}),
      });
      const { label } = result;
      res.status(result.created ? 201 : 200).json({
        outcome: {
          id: label.id,
          kind: label.kind,
          orderNumber: label.orderNumber,
          customerId: label.customerId,
          outcomeId: label.externalId,
          at: new Date(label.at).toISOString(),
        },
        created: result.created,
        countersUpdated: result.countersUpdated,
      });
    }),
  );

  router.get(
    '/api/risk/decisions',
    anyRole,
    asyncHandler(async (req, res) => {
      const query = parseOrThrow(decisionsQuery, req.query, 'query');
      const list = await deps.decisions.list(principalOf(res).workspaceId, { limit: query.limit, ...(query.orderNumber ? { orderNumber: query.orderNumber.toUpperCase() } : {}) });
      res.json({
        decisions: list.map((d) => ({
          id: d.id,
          eventId: d.eventId,
          source: d.source,
          action: d.action,
          customerId: d.customerId,
          orderNumber: d.orderNumber,
          conversationId: d.conversationId,
          score: d.score,
          decision: d.decision,
          reasons: d.reasons,
          rules: d.rules,
          modelVersion: d.modelVersion,
          outcome: d.outcome,
          at: new Date(d.at).toISOString(),
          loggedAt: new Date(d.createdAt).toISOString(),
        })),
      });
    }),
  );

  router.get(
    '/api/risk/settings',
    anyRole,
    asyncHandler(async (_req, res) => {
      res.json({ settings: await deps.settings.read(principalOf(res).workspaceId) });
    }),
  );

  router.put(
    '/api/risk/settings',
    adminOnly,
    asyncHandler(async (req, res) => {
      const settings = parseOrThrow(riskSettingsSchema, req.body, 'body');
      const principal = principalOf(res);
      await deps.settings.write(principal.workspaceId, settings, `token:${principal.name}`);
      res.json({ settings });
    }),
  );

  router.post(
    '/api/risk/retrain',
    adminOnly,
    asyncHandler(async (req, res) => {
      const body = parseOrThrow(retrainBody, req.body ?? {}, 'body');
      const principal = principalOf(res);
      const job = await deps.training.add(
        'train-model',
        { scope: principal.workspaceId, component: RISK_COMPONENT, force: body.force, requestedBy: `token:${principal.name}` },
        { deduplication: { id: jobIds.training(principal.workspaceId, RISK_COMPONENT) } },
      );
      res.status(202).json({ jobId: job.id, statusUrl: `/api/risk/retrain/${job.id}` });
    }),
  );

  router.get(
    '/api/risk/retrain/:jobId',
    anyRole,
    asyncHandler(async (req, res) => {
      const jobId = String(req.params.jobId);
      const state = await deps.training.getJobState(jobId);
      const job = await deps.training.getJob(jobId);
      if (!job || job.data.scope !== principalOf(res).workspaceId || job.data.component !== RISK_COMPONENT) throw new HttpError(404, 'not_found', 'No such retraining run.');
      res.json({ jobId: job.id, state, progress: job.progress, result: job.returnvalue ?? null, error: job.failedReason ?? null });
    }),
  );

  // A workspace's own IP-to-country table: CSV (`lower,upper,country` after a header line), gzipped or not.
  router.get(
    '/api/risk/ip-countries',
    anyRole,
    asyncHandler(async (_req, res) => {
      res.json(await deps.ipTables.info(principalOf(res).workspaceId));
    }),
  );

  router.put(
    '/api/risk/ip-countries',
    adminOnly,
    express.raw({ type: () => true, limit: IP_TABLE_BODY_LIMIT }),
    asyncHandler(async (req, res) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        throw new HttpError(400, 'invalid_request', 'Send the table as the request body: CSV (text/csv) with a header line, then "lower,upper,country" lines; gzipped or not.');
      }
      const principal = principalOf(res);
      try {
        const info = await deps.ipTables.put(principal.workspaceId, csvText(req.body), `token:${principal.name}`);
        // The country rules are compiled with the table.
        deps.settings.forget(principal.workspaceId);
        res.json(info);
      } catch (error) {
        if (error instanceof IpCountryMapError) throw new HttpError(400, 'invalid_table', error.message);
        throw error;
      }
    }),
  );

  router.delete(
    '/api/risk/ip-countries',
    adminOnly,
    asyncHandler(async (_req, res) => {
      const workspaceId = principalOf(res).workspaceId;
      const removed = await deps.ipTables.remove(workspaceId);
      deps.settings.forget(workspaceId);
      res.json({ removed, ...(await deps.ipTables.info(workspaceId)) });
    }),
  );

  router.get(
    '/api/risk/models',
    anyRole,
    asyncHandler(async (_req, res) => {
      const versions = await deps.registry.list(principalOf(res).workspaceId, RISK_COMPONENT);
      res.json({ versions: versions.map(versionJson) });
    }),
  );

  return router;
}

/** Documents the routes above in the OpenAPI document. */
export function describeRiskRoutes(api: ApiCatalogue): void {
  const tag = 'risk';
  const anyRole = ['admin', 'agent'] as const;
  const admin = ['admin'] as const;
  api
    .describe({
      method: 'post',
      path: '/api/risk/score',
      tag,
      roles: anyRole,
      query: dryRunQuery,
      body: riskRequestBodySchema,
      summary: 'Scores an order or a sensitive request: calibrated fraud probability, approve | review | decline, reasons in plain words, the model version and the rules that fired.',
      responses: { 200: { description: 'The decision (logged for audit unless dryRun).' }, 400: { description: 'A field is missing or malformed; `error.field` names it.' } },
    })
    .describe({
      method: 'post',
      path: '/api/risk/outcomes',
      tag,
      roles: anyRole,
      body: outcomeBody,
      summary: 'Reports an outcome of an order or customer (chargeback, "not received" claim, agent fraud / legit verdict): a training label, applied to the counters.',
      responses: { 201: { description: 'Stored.' }, 200: { description: 'Already reported under this outcomeId.' }, 400: { description: 'A field is missing or malformed.' } },
    })
    .describe({ method: 'get', path: '/api/risk/decisions', tag, roles: anyRole, query: decisionsQuery, summary: 'The audit log of risk decisions, newest first.', responses: { 200: { description: 'The decisions.' } } })
    .describe({ method: 'get', path: '/api/risk/settings', tag, roles: anyRole, summary: "The workspace's risk thresholds and rules.", responses: { 200: { description: 'The settings.' } } })
    .describe({ method: 'put', path: '/api/risk/settings', tag, roles: admin, body: riskSettingsSchema, summary: "Replaces the workspace's risk thresholds and rules.", responses: { 200: { description: 'The saved settings.' }, 400: { description: 'A field is malformed.' } } })
    .describe({ method: 'post', path: '/api/risk/retrain', tag, roles: admin, body: retrainBody, summary: "Queues a retraining of the workspace's risk model (promoted only if it beats the live one on the most recent labelled requests).", responses: { 202: { description: 'The job id and its status URL.' } } })
    .describe({ method: 'get', path: '/api/risk/retrain/:jobId', tag, roles: anyRole, params: z.object({ jobId: z.string() }), summary: 'State and result of a retraining run.', responses: { 200: { description: 'The job state.' }, 404: { description: 'No such job.' } } })
    .describe({ method: 'get', path: '/api/risk/ip-countries', tag, roles: anyRole, summary: "Which IP-to-country table the workspace's scoring uses (its own, the deployment's, or none) and its size.", responses: { 200: { description: 'The table in use.' } } })
    .describe({
      method: 'put',
      path: '/api/risk/ip-countries',
      tag,
      roles: admin,
      summary: 'Loads the workspace\'s own IP-to-country table: CSV (a header line, then `lower,upper,country`; bounds as IPv4 integers), gzipped or not, up to 64 MB. Replaces the previous one.',
      responses: { 200: { description: 'The table now in use.' }, 400: { description: 'A line is malformed (the message names it) or the table is empty.' }, 413: { description: 'Over 64 MB.' } },
    })
    .describe({ method: 'delete', path: '/api/risk/ip-countries', tag, roles: admin, summary: "Drops the workspace's own table; the deployment's applies again.", responses: { 200: { description: 'The table now in use.' } } })
    .describe({ method: 'get', path: '/api/risk/models', tag, roles: anyRole, summary: "The workspace's risk model versions with their held-out-window figures.", responses: { 200: { description: 'The versions.' } } });
}
