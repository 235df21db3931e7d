/** Admin REST API for the token's workspace: read it, and read or replace its settings. */
import { Router } from 'express';
import { principalOf, requireToken, type ApiTokenStore } from '../auth';
import { asyncHandler, HttpError, parseOrThrow } from '../http/errors';
import { parseWorkspaceSettings, workspaceSettingsSchema } from './workspace-settings';
import type { WorkspaceStore } from './workspace-store';
import type { ApiCatalogue } from '../http/openapi';

/** Mounts `/api/workspace` and `/api/workspace/settings`. */
export function workspaceRoutes(deps: { workspaces: WorkspaceStore; tokens: ApiTokenStore }): Router {
  const router = Router();
  const anyRole = requireToken(deps.tokens, ['admin', 'agent']);
  const adminOnly = requireToken(deps.tokens, ['admin']);

  const load = async (id: string) => {
    const workspace = await deps.workspaces.findById(id);
    if (!workspace) throw new HttpError(404, 'not_found', 'The token’s workspace no longer exists.');
    return workspace;
  };

  router.get(
    '/api/workspace',
    anyRole,
    asyncHandler(async (_req, res) => {
      const workspace = await load(principalOf(res).workspaceId);
      res.json({
        workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name, defaultLanguage: workspace.default_language },
        // What the caller may do (the admin app hides editing from agents).
        role: principalOf(res).role,
        settings: parseWorkspaceSettings(workspace.settings),
      });
    }),
  );

  router.put(
    '/api/workspace/settings',
    adminOnly,
    asyncHandler(async (req, res) => {
      const settings = parseOrThrow(workspaceSettingsSchema, req.body, 'body');
      const workspace = await load(principalOf(res).workspaceId);
      await deps.workspaces.updateSettings(workspace.id, settings);
      res.json({ settings });
    }),
  );

  return router;
}

/** Documents the routes above in the OpenAPI document. */
export function describeWorkspaceRoutes(api: ApiCatalogue): void {
  api
    .describe({ method: 'get', path: '/api/workspace', tag: 'workspace', roles: ['admin', 'agent'], summary: "The token's workspace and its settings.", responses: { 200: { description: 'The workspace.' } } })
    .describe({ method: 'put', path: '/api/workspace/settings', tag: 'workspace', roles: ['admin'], body: workspaceSettingsSchema, summary: 'Replaces the workspace settings (order-number formats).', responses: { 200: { description: 'The saved settings.' } } });
}
