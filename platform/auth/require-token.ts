/** Express middleware: a valid `Authorization: Bearer <token>` with one of the allowed roles. */
import type { NextFunction, Request, Response } from 'express';
import type { TokenRole } from '../database';
import type { ApiTokenStore, TokenPrincipal } from './api-tokens';

/** The principal attached to authenticated requests. */
export function principalOf(res: Response): TokenPrincipal {
  return res.locals.principal as TokenPrincipal;
}

/** The outcome of {@link authenticate}: the caller, or the refusal to answer with. */
export type Authentication =
  | { principal: TokenPrincipal }
  | { refusal: { status: 401 | 403; body: { error: { code: 'unauthorized' | 'forbidden'; message: string } } } };

/**
 * Checks an `Authorization` header against the stored tokens and the allowed roles. Shared by {@link requireToken}
 * and the handlers that run outside express (risk/api/risk-score-endpoint.ts), so both refuse alike.
 */
export async function authenticate(tokens: ApiTokenStore, authorization: string | undefined, roles: readonly TokenRole[]): Promise<Authentication> {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  if (!match?.[1]) return { refusal: { status: 401, body: { error: { code: 'unauthorized', message: 'Send an API token as "Authorization: Bearer <token>".' } } } };
  const principal = await tokens.verify(match[1]);
  if (!principal) return { refusal: { status: 401, body: { error: { code: 'unauthorized', message: 'The API token is unknown or revoked.' } } } };
  if (!roles.includes(principal.role)) return { refusal: { status: 403, body: { error: { code: 'forbidden', message: `This needs the role ${roles.join(' or ')}.` } } } };
  return { principal };
}

/** Rejects requests without a valid token (401) or with a role not in `roles` (403). */
export function requireToken(tokens: ApiTokenStore, roles: readonly TokenRole[]) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const outcome = await authenticate(tokens, req.get('authorization'), roles);
      if ('refusal' in outcome) {
        res.status(outcome.refusal.status).json(outcome.refusal.body);
        return;
      }
      res.locals.principal = outcome.principal;
      next();
    } catch (error) {
      next(error);
    }
  };
}
