import type { Express } from 'express';
import { z } from 'zod';
import { ApiCatalogue } from '../../../platform/http/openapi';
import { startInProcessPlatform, type InProcessPlatform } from '../../support/platform';

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every `METHOD /path` the express app routes (nested routers included), without HEAD. */
function expressOperations(app: Express): string[] {
  const found: string[] = [];
  const walk = (stack: Layer[]): void => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        for (const method of Object.keys(layer.route.methods)) {
          if (method !== '_all' && method !== 'head') for (const path of paths) found.push(`${method.toUpperCase()} ${path}`);
        }
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return [...new Set(found)].sort();
}

describe('ApiCatalogue', () => {
  it('documents parameters, bodies, roles and the standard errors from the zod schemas', () => {
    const api = new ApiCatalogue();
    api.describe({
      method: 'put',
      path: '/api/things/:id',
      tag: 'things',
      roles: ['admin'],
      params: z.object({ id: z.uuid() }),
      query: z.object({ dryRun: z.enum(['true', 'false']).optional() }),
      body: z.object({ name: z.string().min(1), size: z.number().int().default(1) }),
      summary: 'Saves a thing.',
      responses: { 200: { description: 'The thing.', schema: z.object({ id: z.string() }) } },
    });
    const doc = api.document({ title: 'T', version: '1' }) as { openapi: string; paths: Record<string, Record<string, Record<string, unknown>>> };
    expect(doc.openapi).toMatch(/^3\.0\./);
    const operation = doc.paths['/api/things/{id}']!.put!;
    expect(operation.parameters).toEqual([
      expect.objectContaining({ name: 'id', in: 'path', required: true }),
      expect.objectContaining({ name: 'dryRun', in: 'query', required: false }),
    ]);
    expect(operation.security).toEqual([{ bearerToken: [] }]);
    const body = (operation.requestBody as { content: Record<string, { schema: { required?: string[] } }> }).content['application/json']!.schema;
    expect(body.required).toEqual(['name']);
    expect(Object.keys(operation.responses as object).sort()).toEqual(['200', '400', '401', '403']);
  });

  it('refuses to document one operation twice', () => {
    const api = new ApiCatalogue();
    const op = { method: 'get' as const, path: '/api/x', tag: 'x', summary: 'x', responses: { 200: { description: 'x' } } };
    api.describe(op);
    expect(() => api.describe(op)).toThrow('The API documents get /api/x twice');
  });
});

describe('the served OpenAPI document', () => {
  let platform: InProcessPlatform;

  beforeAll(async () => {
    platform = await startInProcessPlatform({ worker: false });
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('lists exactly the operations the server routes under /api, /help and /r (product-card links)', async () => {
    const response = await fetch(`${platform.url}/api/openapi.json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.0.3');
    const documented = Object.entries(doc.paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path.replace(/\{([^}]+)\}/g, ':$1')}`))
      .sort();
    const routed = expressOperations(platform.server.app).filter((op) => / \/(api|help|r)\//.test(op));
    expect(documented).toEqual(routed);
    expect(routed).toEqual(expect.arrayContaining(['POST /api/knowledge/articles', 'GET /api/openapi.json', 'PUT /api/workspace/settings']));
  });
});
