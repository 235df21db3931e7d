/**
 * `GET /r/:token`: the link of a product card shown in chat. Records a `recommendation_click` event for the shopper
 * the card was shown to (through the event recorder, like every other event) and redirects (302) to the product's
 * page as the catalogue has it now. A token this server did not sign gets 400 and records nothing; the same link
 * clicked again within `dedupWindowMs` is stored once (the event id is derived from the token). The redirect does
 * not wait on a failed write: the shopper reaches the product either way, and the failure is logged.
 */
import { Router } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { asyncHandler, HttpError } from '../../platform/http/errors';
import type { ApiCatalogue } from '../../platform/http/openapi';
import type { CatalogueCache } from '../catalogue';
import type { EventRecorder } from '../events';
import type { Redis } from 'ioredis';
import { clickEventId, ClickTokenError, ClickTokens, resolveClickSecret } from './click-token';

/** The route's path. */
export const CLICK_PATH = '/r/:token';

/** The click links' default de-duplication window. */
export const DEFAULT_CLICK_WINDOW_MS = 10 * 60_000;

/** What the route needs. */
export interface ClickRoutesDeps {
  tokens: ClickTokens;
  recorder: Pick<EventRecorder, 'record'>;
  catalogue: Pick<CatalogueCache, 'get'>;
  /** Clicks of one link within this window count once. @defaultValue 10 minutes */
  dedupWindowMs?: number;
  logger?: Pick<Logger, 'warn'>;
}

/** The path of a token's link. */
export function clickPath(token: string): string {
  return `/r/${token}`;
}

/** Builds the router (mount it before the platform's 404 handler). */
export function clickRoutes(deps: ClickRoutesDeps): Router {
  const windowMs = deps.dedupWindowMs ?? DEFAULT_CLICK_WINDOW_MS;
  const router = Router();
  router.get(
    CLICK_PATH,
    asyncHandler(async (req, res) => {
      const token = String(req.params.token ?? '');
      let click;
      try {
        click = deps.tokens.verify(token);
      } catch (error) {
        if (error instanceof ClickTokenError) throw new HttpError(400, 'invalid_token', `token: ${error.message} Use the link exactly as the chat showed it.`, { field: 'token' });
        throw error;
      }
      const snapshot = await deps.catalogue.get(click.workspaceId);
      const index = snapshot.indexOf(click.productId);
      const url = index === undefined ? null : snapshot.item(index).url;
      if (!url) throw new HttpError(404, 'product_not_found', 'This product is no longer in the store.');
      const now = Date.now();
      try {
        const [outcome] = await deps.recorder.record(
          click.workspaceId,
          [
            {
              eventId: clickEventId('link', click, now, windowMs),
              type: 'recommendation_click',
              productId: click.productId,
              ...(click.customerId ? { customerId: click.customerId } : {}),
              source: `chat:${click.channel ?? 'unknown'}`,
              context: { via: 'link', ...(click.conversationId ? { conversationId: click.conversationId } : {}), ...(click.position ? { position: click.position } : {}) },
            },
          ],
          { now },
        );
        if (outcome?.status === 'rejected') deps.logger?.warn({ outcome, productId: click.productId }, 'card click not recorded');
      } catch (error) {
        deps.logger?.warn({ err: error, productId: click.productId }, 'card click not recorded');
      }
      res.set('Cache-Control', 'no-store');
      res.set('Referrer-Policy', 'no-referrer');
      res.redirect(302, url);
    }),
  );
  return router;
}

/**
 * The route of a server process: the secret resolved (configured, else shared through Redis) and the router built.
 * @example if (context.recommender) app.use(await createClickRoutes({ services: context.recommender.services, redis: context.redis, keyPrefix: config.redis.keyPrefix, secret: config.recommender.clickSecret, logger }));
 */
export async function createClickRoutes(deps: {
  services: { recorder: ClickRoutesDeps['recorder']; catalogue: ClickRoutesDeps['catalogue'] };
  redis: Pick<Redis, 'set' | 'get'>;
  keyPrefix: string;
  /** `recommender.clickSecret`; empty: the shared random one. */
  secret: string;
  logger?: Pick<Logger, 'warn'>;
}): Promise<Router> {
  const tokens = new ClickTokens(await resolveClickSecret(deps.secret, deps.redis, deps.keyPrefix));
  return clickRoutes({ tokens, recorder: deps.services.recorder, catalogue: deps.services.catalogue, ...(deps.logger ? { logger: deps.logger } : {}) });
}

/** Documents the route in the OpenAPI document. */
export function describeClickRoutes(api: ApiCatalogue): void {
  api.describe({
    method: 'get',
    path: CLICK_PATH,
    tag: 'recommender',
    params: z.object({ token: z.string().describe('The signed token of a product card shown in chat.') }),
    summary: 'Link of a product card in chat: records a recommendation_click event (once per link within 10 minutes) and redirects to the product page.',
    responses: {
      302: { description: 'To the product page.' },
      400: { description: 'The token is malformed or not signed by this server; nothing is recorded.' },
      404: { description: 'The product is no longer in the catalogue.' },
    },
  });
}
