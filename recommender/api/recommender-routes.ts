/**
 * The recommender's HTTP surface, for the server process: `POST /api/events` (events keys), the admin API under
 * `/api/recommender/...` and the storefront script. Routes that parse large or non-JSON bodies come in `rawRouter`,
 * to be mounted before the app's JSON parser (whose small limit would otherwise refuse them first).
 */
import { Router } from 'express';
import type { CatalogImporter } from '../../commerce';
import type { ApiTokenStore } from '../../platform/auth';
import type { ApiCatalogue } from '../../platform/http/openapi';
import type { CatalogueChangedEvent } from '../catalogue';
import { eventsBodySchema } from '../events';
import type { RecommendationService } from '../serving';
import { adminSchemas, recommenderAdminRoutes } from './admin-routes';
import { EVENTS_PATH, EVENTS_ROLES, eventsRoutes } from './events-routes';
import { RECOMMENDATIONS_PATH, RECOMMENDATIONS_ROLES, recommendationRoutes, recommendationsBodySchema } from './recommendation-routes';
import type { RecommenderServices } from './recommender-services';
import { storefrontScriptRoutes } from './storefront-script-routes';

/** What the routes need. */
export interface RecommenderRoutesDeps {
  services: RecommenderServices;
  tokens: ApiTokenStore;
  catalogImporter: CatalogImporter;
  /** Built browser assets (dist/web): the storefront script is `storefront.js` there. */
  webAssetsDir: string;
  /** Largest `POST /api/events` body. @defaultValue '512kb' */
  eventsBodyLimit?: string;
  /** Largest import body. @defaultValue '50mb' */
  importBodyLimit?: string;
  /** Tells the other processes that a catalogue changed (publishCatalogueChanged on the shared Redis). */
  publishCatalogueChanged?: (event: CatalogueChangedEvent) => Promise<void>;
  /** Serving behind `POST /api/recommender/recommendations` (absent: the route answers 503). */
  serving?: RecommendationService;
}

/** The routers and their lifecycle. */
export interface RecommenderRoutes {
  /** Mount with `app.use(...)` after the JSON parser: admin look-ups and the storefront script. */
  router: Router;
  /** Mount with `app.use(...)` BEFORE the JSON parser: the events intake and the imports parse their own bodies. */
  rawRouter: Router;
  /** Writes the events still waiting (call when the server stops, before the database closes). */
  stop(): Promise<void>;
}

/** Builds the routes (see {@link RecommenderRoutes}). */
export function createRecommenderRoutes(deps: RecommenderRoutesDeps): RecommenderRoutes {
  const { services } = deps;
  const rawRouter = Router();
  rawRouter.use(eventsRoutes({ tokens: deps.tokens, recorder: services.recorder, ...(deps.eventsBodyLimit ? { bodyLimit: deps.eventsBodyLimit } : {}) }));
  rawRouter.use(
    recommenderAdminRoutes({
      tokens: deps.tokens,
      events: services.events,
      catalogue: services.catalogue,
      catalogueStore: services.catalogueStore,
      catalogImporter: deps.catalogImporter,
      history: services.history,
      ...(deps.importBodyLimit ? { importBodyLimit: deps.importBodyLimit } : {}),
      ...(deps.publishCatalogueChanged ? { publishCatalogueChanged: deps.publishCatalogueChanged } : {}),
    }),
  );
  const router = Router();
  router.use(storefrontScriptRoutes({ webAssetsDir: deps.webAssetsDir }));
  router.use(recommendationRoutes({ tokens: deps.tokens, ...(deps.serving ? { serving: deps.serving } : {}) }));
  return { router, rawRouter, stop: () => services.recorder.drain() };
}

/** Documents the routes above in the OpenAPI document. */
export function describeRecommenderRoutes(api: ApiCatalogue): void {
  const tag = 'recommender';
  const refused = 'Refused events by index, code and reason (the others were stored).';
  api
    .describe({
      method: 'post',
      path: EVENTS_PATH,
      tag,
      roles: EVENTS_ROLES,
      body: eventsBodySchema,
      summary:
        'Records interaction events (one, an array, or {events, key, sentAt}; at most 500). Authenticated by an events key in the Authorization header or, for beacons, as "key" in a text/plain JSON body. CORS: any origin.',
      responses: {
        202: { description: 'Every event stored (or stored before: same eventId): {accepted, duplicates, rejected: []}.' },
        207: { description: `Some events stored. ${refused}` },
        400: { description: `No event stored. ${refused}` },
        413: { description: 'More than 500 events.' },
        503: { description: 'Too many events waiting to be written; retry after the Retry-After header.' },
      },
    })
    .describe({
      method: 'post',
      path: RECOMMENDATIONS_PATH,
      tag,
      roles: RECOMMENDATIONS_ROLES,
      body: recommendationsBodySchema,
      summary:
        'Top-N products for a shopper (history across sessions and channels), a session, or a seed product ("similar to this"): in stock, active, shipping to the country, not already bought, within the price range, categories and brands asked (relaxed, and flagged, when they leave nothing), at most maxPerBrand per brand; each with its title in the language, its price in the currency and a reason in the language. An events key may not name a customerId. CORS: any origin.',
      responses: {
        200: { description: '{products: [{product, score, reason: {kind, text, productId?}}], model: {kind, version}, relaxed}.' },
        400: { description: 'The body names the field that is wrong.' },
        403: { description: 'The token\'s role may not ask this (an events key naming a customer).' },
      },
    })
    .describe({
      method: 'get',
      path: '/api/recommender/events',
      tag,
      roles: ['admin', 'agent'],
      query: adminSchemas.subjectQuery,
      summary: "A customer's (every device and channel) or an anonymous visitor's events, newest first, paged by `next`.",
      responses: { 200: { description: '{events, next}.' } },
    })
    .describe({
      method: 'get',
      path: '/api/recommender/catalogue/products',
      tag,
      roles: ['admin', 'agent'],
      query: adminSchemas.productsQuery,
      summary: 'Products as serving sees them: title in the language, price in the currency (when the store set one), availability for the country.',
      responses: { 200: { description: '{revision, products}.' } },
    })
    .describe({
      method: 'post',
      path: '/api/recommender/import/catalogue',
      tag,
      roles: ['admin'],
      query: adminSchemas.catalogueImportQuery,
      body: adminSchemas.catalogueImportBody,
      summary:
        'Imports products with translations, prices per currency, brands and ship-to countries (JSON or CSV; or upload the CSV as text/csv), all or nothing; problems come with their line numbers.',
      responses: { 200: { description: '{imported: {products: {created, updated}}, revision}.' }, 400: { description: 'Nothing imported: {error: {issues}}.' } },
    })
    .describe({
      method: 'post',
      path: '/api/recommender/import/history',
      tag,
      roles: ['admin'],
      query: adminSchemas.historyImportQuery,
      body: adminSchemas.historyImportBody,
      summary:
        'Imports past events (JSON, CSV, or the sequence format `user item1 item2 ...`, optionally gzipped: base64 in JSON or uploaded as application/gzip with ?format=), all or nothing; items map to products by sku, with inactive placeholders for unknown skus when createPlaceholders is set.',
      responses: { 200: { description: '{imported: {events: {inserted, duplicates}, shoppers, placeholders, customers}}.' }, 400: { description: 'Nothing imported: {error: {issues}}.' } },
    });
}
