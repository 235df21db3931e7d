/** A real HTTP server with the recommender's routes mounted as the platform mounts them, on a real database. */
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import express from 'express';
import pino from 'pino';
import { Registry } from 'prom-client';
import { CatalogImporter, CommerceStore } from '../../../commerce';
import { ApiTokenStore, tokenRoutes } from '../../../platform/auth';
import { errorHandler } from '../../../platform/http/errors';
import { createRecommenderRoutes, createRecommenderServices, type RecommenderServices } from '../../../recommender/api';
import type { CatalogueChangedEvent } from '../../../recommender/catalogue';
import type { EventRecorderOptions } from '../../../recommender/events';
import { openCommerceDatabase, type CommerceTestDatabase } from '../../commerce/commerce-test-database';
import type { TestDatabase } from '../../support/databases';

/** The running server and what the tests look at. */
export interface ApiHarness {
  url: string;
  database: CommerceTestDatabase;
  services: RecommenderServices;
  tokens: ApiTokenStore;
  registry: Registry;
  published: CatalogueChangedEvent[];
  /** A new workspace with an admin, an agent and an events token. */
  newShop(): Promise<{ workspaceId: string; admin: string; agent: string; events: string }>;
  close(): Promise<void>;
}

/** Starts the server on a loopback port. */
export async function startApiHarness(
  create: () => Promise<TestDatabase>,
  options: { webAssetsDir?: string; events?: EventRecorderOptions } = {},
): Promise<ApiHarness> {
  const database = await openCommerceDatabase(create);
  const { db, engine } = database.handle;
  const registry = new Registry();
  const tokens = new ApiTokenStore(db);
  const services = createRecommenderServices({
    db,
    engine,
    commerce: new CommerceStore(db),
    metricsRegistry: registry,
    catalogue: { refreshMs: 60_000 },
    ...(options.events ? { events: options.events } : {}),
  });
  const published: CatalogueChangedEvent[] = [];
  const routes = createRecommenderRoutes({
    services,
    tokens,
    catalogImporter: new CatalogImporter(db),
    webAssetsDir: options.webAssetsDir ?? '/nonexistent',
    publishCatalogueChanged: async (event) => {
      published.push(event);
    },
  });
  const app = express();
  app.use(routes.rawRouter);
  app.use(express.json({ limit: '256kb' }));
  app.use(routes.router);
  app.use(tokenRoutes(tokens));
  app.use(errorHandler(pino({ level: 'silent' })));
  const server: Server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    database,
    services,
    tokens,
    registry,
    published,
    async newShop() {
      const workspaceId = await database.newWorkspace();
      const make = async (role: 'admin' | 'agent' | 'events') => (await tokens.create({ workspaceId, role, name: role })).token;
      return { workspaceId, admin: await make('admin'), agent: await make('agent'), events: await make('events') };
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await routes.stop();
      await services.close();
      await database.close();
    },
  };
}

/** One refused event of an answer. */
export interface Refusal {
  index: number;
  code: string;
  field?: string;
  message: string;
}

/** The fields the recommender's answers may have. */
export interface ApiBody {
  accepted?: number;
  duplicates?: number;
  rejected?: Refusal[];
  error?: { code: string; message: string; rejected?: Refusal[]; issueCount?: number; issues?: Array<{ row: number; field: string; message: string }> };
  events?: Array<Record<string, unknown>>;
  next?: string | null;
  products?: Array<Record<string, unknown>>;
  revision?: number;
  imported?: Record<string, unknown>;
  token?: string;
}

/** A JSON call: status and parsed body. */
export async function call(
  url: string,
  init: { method?: string; token?: string; json?: unknown; body?: string | Uint8Array; type?: string; origin?: string } = {},
): Promise<{ status: number; body: ApiBody; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.json !== undefined) headers['content-type'] = 'application/json';
  if (init.type) headers['content-type'] = init.type;
  if (init.origin) headers.origin = init.origin;
  const response = await fetch(url, {
    method: init.method ?? (init.json !== undefined || init.body !== undefined ? 'POST' : 'GET'),
    headers,
    ...(init.json !== undefined ? { body: JSON.stringify(init.json) } : init.body !== undefined ? { body: init.body as string | Uint8Array<ArrayBuffer> } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as ApiBody) : {}, headers: response.headers };
}
