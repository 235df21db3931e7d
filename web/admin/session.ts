/**
 * The signed-in API token, kept in sessionStorage: it survives reloads of this tab but not closing it, and is not
 * shared with other tabs (an admin token is a password; a shorter life is the safer default).
 *
 * Storage is injected, so this module has no DOM dependency and is unit-tested under Node.
 */
import type { Role } from './api-types';

/** The part of the DOM `Storage` interface the session uses. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Key of the token in sessionStorage. */
export const TOKEN_KEY = 'pgdesk:admin:token';

/** Who is signed in. */
export interface Session {
  token: string;
  role: Role;
  workspaceName: string;
  defaultLanguage: string;
}

/** Reads the stored token; undefined when there is none or storage is blocked. */
export function storedToken(storage: StorageLike | undefined): string | undefined {
  try {
    return storage?.getItem(TOKEN_KEY) || undefined;
  } catch {
    return undefined;
  }
}

/** Stores (or, with undefined, forgets) the token; false when storage refused (the session then lasts this page). */
export function storeToken(storage: StorageLike | undefined, token: string | undefined): boolean {
  if (!storage) return false;
  try {
    if (token === undefined) storage.removeItem(TOKEN_KEY);
    else storage.setItem(TOKEN_KEY, token);
    return true;
  } catch {
    return false;
  }
}

/**
 * Cleans a pasted token: surrounding blanks and a copied `Bearer ` prefix go; undefined when nothing usable is
 * left or it contains blanks inside (the API would refuse it anyway).
 */
export function normaliseToken(input: string): string | undefined {
  const token = input.trim().replace(/^bearer\s+/i, '');
  return token && !/\s/.test(token) ? token : undefined;
}

/** True when the session may change the knowledge base. */
export function canEdit(session: Pick<Session, 'role'> | undefined): boolean {
  return session?.role === 'admin';
}
