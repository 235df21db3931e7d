/**
 * The queue dashboard (Bull Board) at `/admin/queues`, for admins: queue depths, failed jobs with their errors,
 * retries, training runs with progress. Browsers cannot send a Bearer header when opening a page, so the dashboard
 * also accepts HTTP Basic authentication with an admin API token as the password (any user name).
 */
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import type { Queue } from 'bullmq';
import type { NextFunction, Request, Response, Router } from 'express';
import type { ApiTokenStore } from '../auth';

/** Where the dashboard is mounted. */
export const QUEUE_DASHBOARD_PATH = '/admin/queues';

function tokenFrom(req: Request): string | undefined {
  const header = req.get('authorization') ?? '';
  const bearer = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
  if (bearer) return bearer;
  const basic = /^Basic\s+(\S+)$/i.exec(header)?.[1];
  if (!basic) return undefined;
  const decoded = Buffer.from(basic, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon >= 0 ? decoded.slice(colon + 1) : undefined;
}

/** Admin-only guard that answers browsers with a Basic-auth prompt. */
export function requireAdminForDashboard(tokens: ApiTokenStore) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      const token = tokenFrom(req);
      const principal = token ? await tokens.verify(token) : undefined;
      if (!principal || principal.role !== 'admin') {
        res.setHeader('WWW-Authenticate', 'Basic realm="polyglot-desk admin", charset="UTF-8"');
        res.status(401).send('An admin API token is needed (as the password; any user name).');
        return;
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

/** The dashboard's router over the given queues (mount it at {@link QUEUE_DASHBOARD_PATH}). */
export function queueDashboard(queues: readonly Queue[]): Router {
  const adapter = new ExpressAdapter();
  adapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({ queues: queues.map((queue) => new BullMQAdapter(queue)), serverAdapter: adapter });
  return adapter.getRouter() as Router;
}
