/** HTTP side of the web chat: the embeddable script, the demo storefront, and a workspace's public widget settings. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';
import { z } from 'zod';
import type { WorkspaceStore } from '../../../platform/workspaces';
import { asyncHandler, HttpError, parseOrThrow } from '../../../platform/http/errors';
import type { ApiCatalogue } from '../../../platform/http/openapi';

const slugParam = z.object({ workspace: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a workspace slug') });

/** Mounts `/widget.js`, `/` (demo store) and `GET /api/webchat/:workspace`. */
export function widgetRoutes(deps: { workspaces: WorkspaceStore; webAssetsDir: string; maxMessageLength: number }): Router {
  const router = Router();
  const widgetFile = join(deps.webAssetsDir, 'widget.js');
  const assetsMissing = (): never => {
    throw new HttpError(503, 'assets_not_built', 'The web widget is not built; run `npm run build`.');
  };
  router.get('/widget.js', (_req, res, next) => {
    if (!existsSync(widgetFile)) return next(new HttpError(503, 'assets_not_built', 'The web widget is not built; run `npm run build`.'));
    // Stores embed the script on their own domains; short caching keeps updates flowing.
    res.set('Cache-Control', 'public, max-age=300');
    res.set('Cross-Origin-Resource-Policy', 'cross-origin');
    res.sendFile(widgetFile);
  });
  router.get('/widget.js.map', (_req, res, next) => {
    const map = `${widgetFile}.map`;
    if (!existsSync(map)) return next(new HttpError(404, 'not_found', 'No source map.'));
    res.sendFile(map);
  });
  router.get('/', (_req, res, next) => {
    const page = join(deps.webAssetsDir, 'demo', 'index.html');
    if (!existsSync(page)) {
      try {
        assetsMissing();
      } catch (error) {
        return next(error);
      }
    }
    res.sendFile(page);
  });
  router.use('/demo', express.static(join(deps.webAssetsDir, 'demo'), { index: 'index.html' }));
  router.get(
    '/api/webchat/:workspace',
    asyncHandler(async (req, res) => {
      const { workspace: slug } = parseOrThrow(slugParam, req.params, 'path');
      const workspace = await deps.workspaces.findBySlug(slug);
      if (!workspace) throw new HttpError(404, 'unknown_workspace', `No workspace "${slug}".`);
      res.set('Access-Control-Allow-Origin', '*');
      res.json({ workspace: workspace.slug, name: workspace.name, defaultLanguage: workspace.default_language, maxMessageLength: deps.maxMessageLength });
    }),
  );
  return router;
}

/** Documents the public widget configuration route in the OpenAPI document. */
export function describeWidgetRoutes(api: ApiCatalogue): void {
  api.describe({ method: 'get', path: '/api/webchat/:workspace', tag: 'webchat', params: slugParam, summary: 'Public settings the chat widget needs for a workspace.', responses: { 200: { description: 'Widget settings.' }, 404: { description: 'No such workspace.' } } });
}
