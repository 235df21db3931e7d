/** Express middleware: a valid `Authorization: Bearer <token>` with one of the allowed roles. */
import type { NextFunction, Request, Response } from 'express';
import type { TokenRole } from '../database';
import type { ApiTokenStore, TokenPrincipal } from './api-tokens';

/** The principal attached to authenticated requests. */
export function principalOf(res: Response): TokenPrincipal {
  return res.locals.principal as TokenPrincipal;
}

/** Rejects requests without a valid token (401) or with a role not in `roles` (403). */
export function requireToken(tokens: ApiTokenStore, roles: readonly TokenRole[]) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) {
      res.status(401).json({ error: { code: 'unauthorized', message: 'Send an API token as "Authorization: Bearer <token>".' } });
      return;
    }
    try {
      const principal = await tokens.verify(match[1]);
      if (!principal) {
        res.status(401).json({ error: { code: 'unauthorized', message: 'The API token is unknown or revoked.' } });
        return;
      }
      if (!roles.includes(principal.role)) {
        res.status(403).json({ error: { code: 'forbidden', message: `This needs the role ${roles.join(' or ')}.` } });
        return;
      }
      res.locals.principal = principal;
      next();
    } catch (error) {
      next(error);
    }
  };
}
