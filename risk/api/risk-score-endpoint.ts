/**
 * `POST /api/risk/score` in two doors with one behaviour:
 * - {@link scoreApiCall}: the call itself (dry-run flag, body validation, scoring, the JSON answer), used by the
 *   express route in risk-routes.ts;
 * - {@link createRiskScoreFastPath}: the same call straight on node:http, ahead of express, for the stores' checkout
 *   path. Express re-parents every `req`/`res` (`Object.setPrototypeOf`), which makes V8 keep them through young
 *   collections: measured here, a bare express app copies ~3.5 MB of survivors per scavenge (8-13 ms pauses)
 *   against ~0 MB (1 ms) for node:http, and those pauses were the scoring API's p99.
 * The fast path takes only plain JSON bodies (`application/json`, no content encoding) within the body limit; any
 * other request (a compressed body, another content type) is left to express, which answers it the same way.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { z } from 'zod';
import { authenticate, type ApiTokenStore, type TokenPrincipal } from '../../platform/auth';
import type { TokenRole } from '../../platform/database';
import { errorBodies, HttpError, parseOrThrow } from '../../platform/http/errors';
import type { RiskService } from '../platform/risk-service';
import { parseRiskRequest, RiskRequestError } from '../scoring/risk-request-schema';

/** The path of the scoring endpoint. */
export const RISK_SCORE_PATH = '/api/risk/score';

/** Roles that may score. */
export const RISK_SCORE_ROLES: readonly TokenRole[] = ['admin', 'agent'];

/** The query of the scoring endpoint. */
export const dryRunQuery = z.object({
  dryRun: z.enum(['1', '0', 'true', 'false'], { error: 'must be 1 or 0' }).optional().describe('`1`: score without counting or logging the request.'),
});

/**
 * Scores one API call of `principal`'s workspace and returns the response body.
 * @throws HttpError 400 naming the bad query parameter or body field.
 */
export async function scoreApiCall(service: RiskService, principal: TokenPrincipal, query: unknown, body: unknown): Promise<Record<string, unknown>> {
  const { dryRun } = parseOrThrow(dryRunQuery, query, 'query');
  let request;
  try {
    request = parseRiskRequest(body, principal.workspaceId);
  } catch (error) {
    if (error instanceof RiskRequestError) throw new HttpError(400, 'invalid_request', `body ${error.message}`, { field: error.field });
    throw error;
  }
  const dry = dryRun === '1' || dryRun === 'true';
  const result = await service.score(request, { source: 'api', dryRun: dry, ...(request.order?.number ? { orderNumber: request.order.number } : {}) });
  return {
    score: result.score,
    decision: result.decision,
    reasons: result.reasons,
    modelVersion: result.modelVersion,
    rules: result.rules,
    eventId: request.eventId,
    dryRun: dry,
    ...(result.decisionId ? { decisionId: result.decisionId } : {}),
  };
}

/** What the fast path needs. */
export interface RiskScoreFastPathDeps {
  tokens: ApiTokenStore;
  service: RiskService;
  /** Largest body accepted, in bytes (the server's JSON limit, read with `bytes` as express.json reads it). */
  bodyLimitBytes: number;
  logger: Pick<Logger, 'error'>;
}

/** Handles a request and returns true when it is a plain-JSON `POST /api/risk/score`; returns false otherwise. */
export type RiskScoreFastPath = (req: IncomingMessage, res: ServerResponse) => boolean;

/** See the file comment. */
export function createRiskScoreFastPath(deps: RiskScoreFastPathDeps): RiskScoreFastPath {
  return (req, res) => {
    if (req.method !== 'POST') return false;
    const url = req.url ?? '';
    const queryStart = url.indexOf('?');
    if ((queryStart === -1 ? url : url.slice(0, queryStart)) !== RISK_SCORE_PATH) return false;
    if (!isPlainJson(req)) return false;
    handle(deps, req, res, queryStart === -1 ? '' : url.slice(queryStart + 1)).catch((error: unknown) => {
      // The client went away mid-body: nothing was scored and there is no one to answer.
      if (error instanceof ClientGoneError) return;
      deps.logger.error({ err: error, method: req.method, path: RISK_SCORE_PATH }, 'request failed');
      if (!res.headersSent) send(res, 500, errorBodies.internal());
      else res.destroy();
    });
    return true;
  };
}

function isPlainJson(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  return (type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))) && encoding === 'identity';
}

async function handle(deps: RiskScoreFastPathDeps, req: IncomingMessage, res: ServerResponse, queryString: string): Promise<void> {
  const outcome = await authenticate(deps.tokens, req.headers.authorization, RISK_SCORE_ROLES);
  if ('refusal' in outcome) {
    drain(req);
    send(res, outcome.refusal.status, outcome.refusal.body);
    return;
  }
  const text = await readBody(req, deps.bodyLimitBytes);
  if (text === undefined) {
    send(res, 413, errorBodies.bodyTooLarge());
    return;
  }
  let body: unknown;
  try {
    body = text.length ? JSON.parse(text) : {};
  } catch (error) {
    send(res, 400, errorBodies.malformedJson((error as Error).message));
    return;
  }
  try {
    send(res, 200, await scoreApiCall(deps.service, outcome.principal, Object.fromEntries(new URLSearchParams(queryString)), body));
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    send(res, error.status, errorBodies.http(error));
  }
}

/** The body as text, or undefined when it is over `limit` bytes (the rest is read and dropped). */
function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    drain(req);
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) over = true;
      if (!over) chunks.push(chunk);
    });
    let ended = false;
    req.once('end', () => {
      ended = true;
      resolve(over ? undefined : Buffer.concat(chunks, size).toString('utf8'));
    });
    req.once('error', (error) => reject(new ClientGoneError(`the request body could not be read: ${error.message}`)));
    req.once('close', () => {
      if (!ended) reject(new ClientGoneError('the client closed the connection before the body ended'));
    });
  });
}

/** The client closed the connection before its body was read. */
class ClientGoneError extends Error {
  override name = 'ClientGoneError';
}

function drain(req: IncomingMessage): void {
  req.resume();
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}
