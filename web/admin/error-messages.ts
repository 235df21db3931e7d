/**
 * Turns API failures into sentences an editor can act on. The API's own messages are precise but written for
 * developers; the status says what the person at the screen should do next.
 *
 * Pure module, unit-tested under Node.
 */
import { ApiError } from './api-client';
import type { Role } from './api-types';

/** A failure, explained: a headline and the server's detail (when it adds something). */
export interface ExplainedError {
  headline: string;
  detail?: string;
}

/** Explains any thrown value; `role` makes a 403 say why. */
export function explainError(error: unknown, role: Role | undefined): ExplainedError {
  if (!(error instanceof ApiError)) {
    return { headline: 'Something went wrong in the admin app.', detail: error instanceof Error ? error.message : String(error) };
  }
  switch (error.status) {
    case 0:
      return { headline: error.message };
    case 401:
      return { headline: 'Your API token is not accepted any more (unknown or revoked). Log in again with a valid token.', detail: error.message };
    case 403:
      return {
        headline:
          role === 'agent'
            ? 'Not allowed: your token has the agent role, which can read the knowledge base but not change it. Ask an admin.'
            : 'Not allowed for this API token.',
        detail: error.message,
      };
    case 404:
      return { headline: 'Not found: it may have been deleted meanwhile.', detail: error.message };
    case 409:
      return { headline: conflictHeadline(error), detail: error.message };
    case 413:
      return { headline: 'Too large for the server: send fewer or smaller files at once.', detail: error.message };
    case 422:
      return { headline: error.message };
    default:
      if (error.status >= 500) return { headline: 'The server failed to do this; it has logged the error. Try again, or tell your administrator.', detail: error.message };
      return { headline: error.message };
  }
}

/** The store's message when a new article's id is in use (`An article with the id "x" exists already.`). */
const SLUG_TAKEN = /article with the id .* exists|already taken/i;

/** A 409: someone else saved first (or, when creating an article, its id is taken). */
export function conflictHeadline(error: ApiError): string {
  if (SLUG_TAKEN.test(error.message)) return 'That article id is already taken. Choose another one.';
  const now = error.currentRevision !== undefined ? ` (it is now at revision ${error.currentRevision})` : '';
  return `Changed by someone else${now} since you opened it. Nothing was overwritten: reload to see their version.`;
}

/**
 * True for a refused save, publish or rollback because the version changed meanwhile, including a new translation
 * someone else created first. (Only creating an article can be refused for a taken id.)
 */
export function isEditConflict(error: unknown): error is ApiError {
  return error instanceof ApiError && error.status === 409 && !SLUG_TAKEN.test(error.message);
}
