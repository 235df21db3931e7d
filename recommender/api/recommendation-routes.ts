/**
 * `POST /api/recommender/recommendations`: top-N products for a shopper, a session or a seed product, with the
 * store's rules and explanations (the body is a {@link RecommendationQuery} without `workspaceId`, which comes from
 * the token). Admin and agent tokens may ask for anyone; a storefront's events key (public: it sits in the store's
 * pages) may ask "similar to this" and for its own visitor or session, but not for a known customer, whose history
 * it must not be able to read back. Answers any origin (no cookies are involved), like the events intake.
 */
import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { countrySchema, currencySchema, languageSchema } from '../../commerce';
import { principalOf, requireToken, type ApiTokenStore } from '../../platform/auth';
import type { TokenRole } from '../../platform/database';
import { asyncHandler, HttpError, parseOrThrow } from '../../platform/http/errors';
import { MAX_LIMIT, type RecommendationQuery, type RecommendationService } from '../serving';

/** The route's path. */
export const RECOMMENDATIONS_PATH = '/api/recommender/recommendations';
/** Roles whose tokens may ask for recommendations. */
export const RECOMMENDATIONS_ROLES: readonly TokenRole[] = ['admin', 'agent', 'events'];

const productId = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');
const name = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const minor = z.number().int('must be a whole number of minor units (cents)').min(0, 'must not be negative');

const rulesSchema = z
  .object({
    price: z
      .object({ minMinor: minor.optional(), maxMinor: minor.optional() })
      .strict()
      .refine((p) => p.minMinor === undefined || p.maxMinor === undefined || p.minMinor <= p.maxMinor, { message: 'minMinor must not exceed maxMinor', path: ['minMinor'] })
      .optional(),
    categories: z.array(name).max(20, 'must list at most 20').optional(),
    brands: z.array(name).max(20, 'must list at most 20').optional(),
    maxPerBrand: z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_LIMIT).optional(),
    includePurchased: z.boolean().optional(),
    excludeProductIds: z.array(productId).max(200, 'must list at most 200').optional(),
  })
  .strict();

/** The request body (a RecommendationQuery without workspaceId). Unknown keys are refused, so a typo is not ignored. */
export const recommendationsBodySchema = z
  .object({
    subject: z
      .object({
        customerId: z.string().trim().min(1).max(36, 'must be at most 36 characters').optional(),
        visitorId: z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'must be a storefront visitor id (1-64 of A-Z a-z 0-9 _ . : -)').optional(),
        sessionProductIds: z.array(productId).max(50, 'must list at most 50').optional(),
      })
      .strict()
      .optional(),
    seedProductId: productId.optional(),
    limit: z.number().int('must be a whole number').min(1, 'must be at least 1').max(MAX_LIMIT, `must be at most ${MAX_LIMIT}`).optional(),
    country: countrySchema.optional(),
    language: languageSchema.optional(),
    currency: currencySchema.optional(),
    rules: rulesSchema.optional(),
  })
  .strict();

/** What the route needs. */
export interface RecommendationRoutesDeps {
  tokens: ApiTokenStore;
  /** Absent in a process built without serving: the route stays documented and answers 503. */
  serving?: RecommendationService;
}

/** CORS for storefront pages on the stores' own domains: any origin, no credentials, preflights answered here. */
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

/** Mounts the route; mount after the app's JSON parser. */
export function recommendationRoutes(deps: RecommendationRoutesDeps): Router {
  const router = Router();
  router.use(RECOMMENDATIONS_PATH, cors);
  router.post(
    RECOMMENDATIONS_PATH,
    requireToken(deps.tokens, RECOMMENDATIONS_ROLES),
    asyncHandler(async (req, res) => {
      const body = parseOrThrow(recommendationsBodySchema, req.body ?? {}, 'body');
      const principal = principalOf(res);
      if (principal.role === 'events' && body.subject?.customerId) {
        throw new HttpError(403, 'forbidden', 'body subject.customerId: an events key may not ask for a known customer; use visitorId, or ask from the back-end with an agent token.');
      }
      if (!deps.serving) throw new HttpError(503, 'unavailable', 'Recommendations are not served by this process; start it with the recommender enabled.');
      const query: RecommendationQuery = { ...body, workspaceId: principal.workspaceId };
      res.json(await deps.serving.recommend(query));
    }),
  );
  return router;
}
