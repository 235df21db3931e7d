import express, { type Router } from 'express';
import { CatalogImporter, CommerceStore } from '../../../commerce';
import { ApiTokenStore } from '../../../platform/auth';
import { ApiCatalogue } from '../../../platform/http/openapi';
import { createRecommenderRoutes, createRecommenderServices, describeRecommenderRoutes } from '../../../recommender/api';
import { openCommerceDatabase, type CommerceTestDatabase } from '../../commerce/commerce-test-database';
import { createSqliteDatabase } from '../../support/databases';

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every `METHOD /path` a router routes (nested routers included), without HEAD. */
function operations(router: Router): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[]): void => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const method of Object.keys(layer.route.methods)) if (method !== '_all' && method !== 'head') for (const path of paths) found.push(`${method.toUpperCase()} ${path}`);
      } else if (layer.handle?.stack) walk(layer.handle.stack);
    }
  };
  walk((router as unknown as { stack: Layer[] }).stack);
  return [...new Set(found)].sort();
}

describe('describeRecommenderRoutes', () => {
  let database: CommerceTestDatabase;

  beforeAll(async () => {
    database = await openCommerceDatabase(createSqliteDatabase);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('documents exactly the /api operations the recommender routes, and the document builds', async () => {
    const { db, engine } = database.handle;
    const services = createRecommenderServices({ db, engine, commerce: new CommerceStore(db) });
    const routes = createRecommenderRoutes({ services, tokens: new ApiTokenStore(db), catalogImporter: new CatalogImporter(db), webAssetsDir: '/nonexistent' });
    const app = express.Router();
    app.use(routes.rawRouter);
    app.use(routes.router);
    const api = new ApiCatalogue();
    describeRecommenderRoutes(api);
    expect(operations(app).filter((op) => / \/api\//.test(op))).toEqual(api.list());
    expect(api.list()).toEqual(expect.arrayContaining(['POST /api/events', 'POST /api/recommender/import/history']));
    const document = api.document({ title: 't', version: '1' }) as { paths: Record<string, Record<string, { 'x-roles'?: string[] }>> };
    expect(document.paths['/api/events']?.post?.['x-roles']).toEqual(['events', 'admin']);
    await services.close();
  });
});
