/**
 * Web widget sessions. The widget keeps a random token in localStorage; the server stores only its SHA-256 as the
 * shopper's channel identity, so a database leak does not let anyone take over a chat.
 */
import { createHash, randomBytes } from 'node:crypto';

/** A new session token (32 random bytes, base64url). */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The identity (and conversation key) of a session token. */
export function sessionIdentity(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}
