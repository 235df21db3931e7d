/**
 * The recommender's admin REST API: a shopper's events (admins and agents), catalogue look-ups as serving sees them
 * (admins and agents), and the bulk imports of catalogue and history (admins; all or nothing, problems with line
 * numbers). Imports carry whole files: they parse their own bodies with a larger limit, after the token is checked.
 */
import express, { Router, type Request } from 'express';
import { z } from 'zod';
import { CatalogImportError, countrySchema, currencySchema, languageSchema, type CatalogImporter } from '../../commerce';
import { principalOf, requireToken, type ApiTokenStore } from '../../platform/auth';
import { asyncHandler, HttpError, parseOrThrow } from '../../platform/http/errors';
import type { CatalogueCache, CatalogueChangedEvent, CatalogueStore } from '../catalogue';
import { EVENT_TYPES, HistoryImportError, type EventStore, type HistoryImporter, type InteractionEventType, type StoredEvent } from '../events';

/** What the admin routes need. */
export interface RecommenderAdminDeps {
  tokens: ApiTokenStore;
  events: EventStore;
  catalogue: CatalogueCache;
  catalogueStore: CatalogueStore;
  catalogImporter: CatalogImporter;
  history: HistoryImporter;
  /** Largest import body, e.g. `50mb`. @defaultValue '50mb' */
  importBodyLimit?: string;
  /** Tells the other processes that a workspace's catalogue changed (Redis pub/sub, see catalogue-events.ts). */
  publishCatalogueChanged?: (event: CatalogueChangedEvent) => Promise<void>;
}

const subjectQuery = z
  .object({
    customerId: z.string().trim().min(1).max(36).optional(),
    visitorId: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be a storefront visitor id').optional(),
    limit: z.coerce.number().int().min(1).max(500).default(50),
    /** The `next` cursor of the previous page. */
    before: z.string().regex(/^\d{1,15}_[0-9a-f-]{36}$/, 'must be the "next" value of the previous page').optional(),
    types: z
      .string()
      .transform((value) => value.split(',').map((type) => type.trim()).filter(Boolean))
      .pipe(z.array(z.enum(EVENT_TYPES as [InteractionEventType, ...InteractionEventType[]], { error: `must list types among ${EVENT_TYPES.join(', ')}` })))
      .optional(),
  })
  .refine((query) => (query.customerId === undefined) !== (query.visitorId === undefined), { message: 'give exactly one of customerId and visitorId', path: ['customerId'] });

const listText = (max: number) =>
  z
    .string()
    .transform((value) => value.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(64)).max(max, `must list at most ${max}`));

const productsQuery = z
  .object({
    ids: listText(100).optional(),
    skus: listText(100).optional(),
    language: languageSchema.optional(),
    currency: currencySchema.optional(),
    country: countrySchema.optional(),
  })
  .refine((query) => (query.ids?.length ?? 0) + (query.skus?.length ?? 0) > 0, { message: 'give ids or skus (comma-separated)', path: ['ids'] });

const catalogueImportBody = z
  .object({
    format: z.enum(['json', 'csv']),
    data: z.union([z.string().min(1, 'must not be empty'), z.record(z.string(), z.unknown())], { error: 'must be the CSV or JSON text, or (for json) the document {"products": [...]}' }),
  })
  .strict()
  .refine((body) => body.format === 'json' || typeof body.data === 'string', { path: ['data'], message: 'must be the CSV text (a string) for csv' });

const booleanText = z.enum(['true', 'false']).transform((value) => value === 'true');
const historyOptions = {
  createPlaceholders: z.boolean().optional(),
  placeholderCurrency: currencySchema.optional(),
  sequenceType: z.enum(EVENT_TYPES as [InteractionEventType, ...InteractionEventType[]]).optional(),
  source: z.string().regex(/^[a-z0-9][a-z0-9_.:-]{0,31}$/i).optional(),
};
const historyImportBody = z
  .object({
    format: z.enum(['json', 'csv', 'sequences']),
    data: z.union([z.string().min(1, 'must not be empty'), z.array(z.unknown()), z.record(z.string(), z.unknown())]),
    /** `base64`: `data` is the file's bytes in base64 (a gzipped file). */
    encoding: z.enum(['utf8', 'base64']).default('utf8'),
    ...historyOptions,
  })
  .strict();
/** Query of a raw upload (the body is the file itself: text/csv, text/plain, application/gzip). */
const historyImportQuery = z.object({
  format: z.enum(['json', 'csv', 'sequences']).optional(),
  createPlaceholders: booleanText.optional(),
  placeholderCurrency: currencySchema.optional(),
  sequenceType: historyOptions.sequenceType,
  source: historyOptions.source,
});
const catalogueImportQuery = z.object({ format: z.enum(['json', 'csv']).optional() });

/** Content types of raw uploads. */
const RAW_TYPES = ['text/plain', 'text/csv', 'application/gzip', 'application/x-gzip', 'application/octet-stream'];

function eventJson(event: StoredEvent) {
  return { ...event, at: new Date(event.at).toISOString(), receivedAt: new Date(event.receivedAt).toISOString() };
}

/** True for a JSON request (parsed as an object), false for a raw upload (a Buffer). */
function isJsonRequest(req: Request): boolean {
  return req.is('application/json') === 'application/json';
}

/** Mounts `/api/recommender/...`; the import routes parse their own bodies (mount this router before the app's JSON parser). */
export function recommenderAdminRoutes(deps: RecommenderAdminDeps): Router {
  const router = Router();
  const adminOnly = requireToken(deps.tokens, ['admin']);
  const staff = requireToken(deps.tokens, ['admin', 'agent']);
  const limit = deps.importBodyLimit ?? '50mb';
  const importParsers = [express.json({ limit }), express.raw({ type: RAW_TYPES, limit })];

  router.get(
    '/api/recommender/events',
    staff,
    asyncHandler(async (req, res) => {
      const query = parseOrThrow(subjectQuery, req.query, 'query');
      const subject = query.customerId !== undefined ? { customerId: query.customerId } : { visitorId: query.visitorId as string };
      const before = query.before ? { at: Number(query.before.split('_')[0]), id: query.before.split('_')[1] as string } : undefined;
      const events = await deps.events.history(principalOf(res).workspaceId, subject, {
        limit: query.limit,
        ...(before ? { before } : {}),
        ...(query.types ? { types: query.types } : {}),
      });
      const last = events[events.length - 1];
      res.json({ events: events.map(eventJson), next: events.length === query.limit && last ? `${last.at}_${last.id}` : null });
    }),
  );

  router.get(
    '/api/recommender/catalogue/products',
    staff,
    asyncHandler(async (req, res) => {
      const query = parseOrThrow(productsQuery, req.query, 'query');
      // An admin look-up checks the revision first (one primary-key read): it shows what was just imported.
      const snapshot = await deps.catalogue.refresh(principalOf(res).workspaceId);
      const indices = [
        ...(query.ids ?? []).map((id) => snapshot.indexOf(id)),
        ...(query.skus ?? []).map((sku) => snapshot.indexOfSku(sku)),
      ].filter((i): i is number => i !== undefined);
      const locale = { ...(query.language ? { language: query.language } : {}), ...(query.currency ? { currency: query.currency } : {}) };
      res.json({
        revision: snapshot.revision,
        products: [...new Set(indices)].map((i) => ({
          ...snapshot.item(i, locale),
          available: snapshot.isAvailable(i) && snapshot.shipsTo(i, query.country),
        })),
      });
    }),
  );

  router.post(
    '/api/recommender/import/catalogue',
    adminOnly,
    ...importParsers,
    asyncHandler(async (req, res) => {
      const workspaceId = principalOf(res).workspaceId;
      let format: 'json' | 'csv';
      let data: unknown;
      if (isJsonRequest(req)) {
        const body = parseOrThrow(catalogueImportBody, req.body, 'body');
        format = body.format;
        data = body.data;
      } else if (Buffer.isBuffer(req.body)) {
        format = parseOrThrow(catalogueImportQuery, req.query, 'query').format ?? 'csv';
        data = req.body.toString('utf8');
      } else {
        throw new HttpError(415, 'unsupported_media_type', 'Send {"format", "data"} as application/json, or the file itself as text/csv.');
      }
      if (format === 'json') {
        const document = typeof data === 'string' ? safeJson(data) : data;
        if (document && typeof document === 'object' && 'orders' in document) {
          throw new HttpError(400, 'invalid_request', 'body data.orders: this route imports the catalogue only; import orders at /api/commerce/import.');
        }
      }
      try {
        const counts = await deps.catalogImporter.import(workspaceId, format === 'csv' ? 'csv-products' : 'json', data, { actor: 'admin' });
        const revision = await deps.catalogueStore.revision(workspaceId);
        await announce(deps, workspaceId, revision);
        res.json({ imported: { products: counts.products }, revision });
      } catch (error) {
        if (!(error instanceof CatalogImportError)) throw error;
        res.status(400).json({ error: { code: 'invalid_import', message: error.message, issueCount: error.issueCount, issues: error.issues } });
      }
    }),
  );

  router.post(
    '/api/recommender/import/history',
    adminOnly,
    ...importParsers,
    asyncHandler(async (req, res) => {
      const workspaceId = principalOf(res).workspaceId;
      let format: 'json' | 'csv' | 'sequences';
      let data: unknown;
      let options: z.infer<typeof historyImportQuery>;
      if (isJsonRequest(req)) {
        const body = parseOrThrow(historyImportBody, req.body, 'body');
        format = body.format;
        data = typeof body.data === 'string' && body.encoding === 'base64' ? Buffer.from(body.data, 'base64') : body.data;
        options = body;
      } else if (Buffer.isBuffer(req.body)) {
        options = parseOrThrow(historyImportQuery, req.query, 'query');
        if (!options.format) throw new HttpError(400, 'invalid_request', 'query format: is required for an uploaded file (json, csv or sequences)');
        format = options.format;
        data = req.body;
      } else {
        throw new HttpError(415, 'unsupported_media_type', 'Send {"format", "data"} as application/json, or the file itself (text/plain, text/csv, application/gzip) with ?format=.');
      }
      try {
        const counts = await deps.history.import(workspaceId, format, data, {
          ...(options.createPlaceholders !== undefined ? { createPlaceholders: options.createPlaceholders } : {}),
          ...(options.placeholderCurrency ? { placeholderCurrency: options.placeholderCurrency } : {}),
          ...(options.sequenceType ? { sequenceType: options.sequenceType } : {}),
          ...(options.source ? { source: options.source } : {}),
        });
        if (counts.placeholders > 0) await announce(deps, workspaceId, await deps.catalogueStore.revision(workspaceId));
        res.json({ imported: counts });
      } catch (error) {
        if (!(error instanceof HistoryImportError)) throw error;
        res.status(400).json({ error: { code: 'invalid_history', message: error.message, issueCount: error.issueCount, issues: error.issues } });
      }
    }),
  );
  return router;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // The importer reports the syntax error with its position.
    return undefined;
  }
}

/** Applies a catalogue change to this process's cache and tells the others. */
async function announce(deps: RecommenderAdminDeps, workspaceId: string, revision: number): Promise<void> {
  deps.catalogue.markChanged(workspaceId);
  await deps.publishCatalogueChanged?.({ workspaceId, revision });
}

/** The schemas above, for the OpenAPI document. */
export const adminSchemas = { subjectQuery, productsQuery, catalogueImportBody, catalogueImportQuery, historyImportBody, historyImportQuery };
