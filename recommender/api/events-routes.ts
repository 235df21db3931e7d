/**
 * `POST /api/events`: interaction events from storefronts (the storefront script) and store back-ends, authenticated
 * by a workspace's events key (an API token with the write-only role `events`, safe to embed in a public page: it
 * can only add events to its workspace) or an admin token.
 *
 * Browsers post from the stores' own domains: the route answers CORS preflights and any origin (no cookies are
 * involved). `navigator.sendBeacon` can neither set headers nor send JSON without a preflight, so the body may also
 * come as `text/plain` holding JSON, with the key in it (`{"key": ..., "events": [...]}`).
 *
 * Partial acceptance: every event is judged on its own. All stored (or already stored: a retry) -> 202; some
 * refused -> 207 with the refused ones by index, code and reason (the good ones are stored; resending the batch is
 * harmless when events carry ids); none stored -> 400 with the same list. Nothing is acknowledged before it is
 * committed.
 */
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { ApiTokenStore, TokenPrincipal } from '../../platform/auth';
import type { TokenRole } from '../../platform/database';
import { asyncHandler, HttpError } from '../../platform/http/errors';
import { BatcherBusyError, BatcherClosedError, EventBodyError, parseEventsBody, type EventOutcome, type EventRecorder } from '../events';

/** The events route's path. */
export const EVENTS_PATH = '/api/events';
/** Roles whose tokens may post events. */
export const EVENTS_ROLES: readonly TokenRole[] = ['events', 'admin'];

/** What the route needs. */
export interface EventsRouteDeps {
  tokens: ApiTokenStore;
  recorder: EventRecorder;
  /** Largest body, e.g. `512kb` (500 events with room to spare). @defaultValue '512kb' */
  bodyLimit?: string;
  /** How long a verified key is trusted without asking the database again (revocation delay). @defaultValue 10000 */
  keyCacheMs?: number;
}

/** One refused event in an answer. */
interface Refusal {
  index: number;
  code: string;
  field?: string;
  message: string;
}

/** CORS for a public write endpoint: any origin, no credentials, preflights answered here. */
function cors(req: Request, res: Response, next: NextFunction): void {
  res.set('Access-Control-Allow-Origin', '*');
  res.set('Vary', 'Origin');
  if (req.method === 'OPTIONS') {
    res.set('Access-Control-Allow-Methods', 'POST, OPTIONS');
    res.set('Access-Control-Allow-Headers', 'Authorization, Content-Type');
    res.set('Access-Control-Max-Age', '86400');
    res.status(204).end();
    return;
  }
  next();
}

/** The key from the Authorization header, else from the body (beacons). */
function presentedKey(req: Request, bodyKey: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '');
  return match?.[1] ?? bodyKey;
}

/**
 * Verified keys, remembered for a few seconds: a storefront sends the same key with every request, and on SQLite a
 * token look-up waits for the connection behind the event writes. A revoked key stops working within `ttlMs`.
 */
class KeyCache {
  private readonly keys = new Map<string, { principal: TokenPrincipal; until: number }>();

  constructor(
    private readonly tokens: ApiTokenStore,
    private readonly ttlMs: number,
    private readonly capacity = 1000,
  ) {}

  async verify(key: string): Promise<TokenPrincipal | undefined> {
    const now = Date.now();
    const known = this.keys.get(key);
    if (known && known.until > now) return known.principal;
    const principal = await this.tokens.verify(key);
    if (!principal) {
      this.keys.delete(key);
      return undefined;
    }
    if (this.keys.size >= this.capacity) this.keys.delete(this.keys.keys().next().value as string);
    this.keys.set(key, { principal, until: now + this.ttlMs });
    return principal;
  }
}

async function authenticate(keys: KeyCache, key: string | undefined): Promise<TokenPrincipal> {
  if (!key) {
    throw new HttpError(401, 'unauthorized', 'Send the workspace’s events key as "Authorization: Bearer <key>" or as "key" in the body.');
  }
  const principal = await keys.verify(key);
  if (!principal) throw new HttpError(401, 'unauthorized', 'The events key is unknown or revoked.');
  if (!EVENTS_ROLES.includes(principal.role)) throw new HttpError(403, 'forbidden', `This needs a key with the role ${EVENTS_ROLES.join(' or ')}.`);
  return principal;
}

/** The body as JSON: parsed already (application/json), or text/plain holding JSON (beacons). */
function jsonBody(req: Request): unknown {
  if (typeof req.body !== 'string') return req.body;
  try {
    return JSON.parse(req.body) as unknown;
  } catch (error) {
    throw new HttpError(400, 'malformed_json', `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Mounts `POST /api/events` (and its CORS preflight) with its own body parsers. */
export function eventsRoutes(deps: EventsRouteDeps): Router {
  const router = Router();
  const limit = deps.bodyLimit ?? '512kb';
  const keys = new KeyCache(deps.tokens, deps.keyCacheMs ?? 10_000);
  router.use(EVENTS_PATH, cors);
  router.post(
    EVENTS_PATH,
    express.json({ limit }),
    express.text({ type: 'text/plain', limit }),
    asyncHandler(async (req, res) => {
      if (req.body === undefined) {
        throw new HttpError(415, 'unsupported_media_type', 'Send the events as application/json (or text/plain holding JSON).');
      }
      const body = jsonBody(req);
      let parsed;
      try {
        parsed = parseEventsBody(body);
      } catch (error) {
        if (!(error instanceof EventBodyError)) throw error;
        throw new HttpError(error.code === 'too_many_events' ? 413 : 400, error.code, error.message);
      }
      const principal = await authenticate(keys, presentedKey(req, parsed.key));
      const receivedAt = Date.now();
      const valid = parsed.items.flatMap((item, index) => (item.ok ? [{ index, event: item.event }] : []));
      const invalid = parsed.items.length - valid.length;
      if (invalid) deps.recorder.countInvalid(invalid);
      let outcomes: EventOutcome[];
      try {
        outcomes = valid.length
          ? await deps.recorder.record(
              principal.workspaceId,
              valid.map((v) => v.event),
              { source: 'api', now: receivedAt, ...(parsed.sentAt !== undefined ? { skewMs: receivedAt - parsed.sentAt } : {}) },
            )
          : [];
      } catch (error) {
        if (error instanceof BatcherBusyError || error instanceof BatcherClosedError) {
          res.set('Retry-After', '1');
          throw new HttpError(503, 'busy', error.message);
        }
        throw error;
      }
      const refused: Refusal[] = [];
      parsed.items.forEach((item, index) => {
        if (!item.ok) refused.push({ index, code: 'invalid', ...(item.field ? { field: item.field } : {}), message: item.message });
      });
      let accepted = 0;
      let duplicates = 0;
      outcomes.forEach((outcome, k) => {
        const index = (valid[k] as { index: number }).index;
        if (outcome.status === 'accepted') accepted += 1;
        else if (outcome.status === 'duplicate') duplicates += 1;
        else refused.push({ index, code: outcome.code, ...(outcome.field ? { field: outcome.field } : {}), message: `events[${index}]${outcome.field ? `.${outcome.field}` : ''}: ${outcome.message}` });
      });
      refused.sort((a, b) => a.index - b.index);
      if (accepted + duplicates === 0) {
        throw new HttpError(400, 'invalid_events', `No event was stored. ${refused[0]?.message ?? ''}`.trim(), { rejected: refused });
      }
      res.status(refused.length ? 207 : 202).json({ accepted, duplicates, rejected: refused });
    }),
  );
  return router;
}
