/** Admin REST API for API tokens: create (shown once), list, revoke. Admins only. */
import { Router } from 'express';
import { z } from 'zod';
import { asyncHandler, HttpError, parseOrThrow } from '../http/errors';
import type { ApiTokenStore } from './api-tokens';
import { principalOf, requireToken } from './require-token';
import type { ApiCatalogue } from '../http/openapi';

// `events`: a write-only key for POST /api/events that a store may embed in its public pages.
const createBody = z.object({ name: z.string().trim().min(1).max(200), role: z.enum(['admin', 'agent', 'events']) });
const idParam = z.object({ id: z.uuid() });

/** Mounts `/api/tokens`. */
export function tokenRoutes(tokens: ApiTokenStore): Router {
  const router = Router();
  const adminOnly = requireToken(tokens, ['admin']);
  router.get(
    '/api/tokens',
    adminOnly,
    asyncHandler(async (_req, res) => {
      const rows = await tokens.list(principalOf(res).workspaceId);
      res.json({
        tokens: rows.map((row) => ({
          id: row.id,
          name: row.name,
          role: row.role,
          createdAt: new Date(row.created_at).toISOString(),
          revoked: row.revoked_at !== null,
        })),
      });
    }),
  );
  router.post(
    '/api/tokens',
    adminOnly,
    asyncHandler(async (req, res) => {
      const body = parseOrThrow(createBody, req.body, 'body');
      const created = await tokens.create({ workspaceId: principalOf(res).workspaceId, ...body });
      res.status(201).json({ id: created.id, token: created.token, note: 'Store this token now; it is not shown again.' });
    }),
  );
  router.delete(
    '/api/tokens/:id',
    adminOnly,
    asyncHandler(async (req, res) => {
      const { id } = parseOrThrow(idParam, req.params, 'path');
      if (!(await tokens.revoke(principalOf(res).workspaceId, id))) throw new HttpError(404, 'not_found', `No active token ${id}.`);
      res.status(204).end();
    }),
  );
  return router;
}

/** Documents the routes above in the OpenAPI document. */
export function describeTokenRoutes(api: ApiCatalogue): void {
  const tag = 'tokens';
  api
    .describe({ method: 'get', path: '/api/tokens', tag, roles: ['admin'], summary: "The workspace's API tokens (without their secrets).", responses: { 200: { description: 'The tokens.' } } })
    .describe({ method: 'post', path: '/api/tokens', tag, roles: ['admin'], body: createBody, summary: 'Creates a token; its secret is shown once.', responses: { 201: { description: 'The token with its secret.' } } })
    .describe({ method: 'delete', path: '/api/tokens/:id', tag, roles: ['admin'], params: idParam, summary: 'Revokes a token.', responses: { 204: { description: 'Revoked.' } } });
}
