/**
 * API tokens with roles. Tokens are 32 random bytes shown once; only their SHA-256 is stored (a salted slow hash is
 * not needed for high-entropy random secrets, and SHA-256 keeps the per-request check fast).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { PreparedQuery, type ApiTokensTable, type Database, type TokenRole } from '../database';

const TOKEN_PREFIX = 'pgd_';

/** The identity behind a valid token. */
export interface TokenPrincipal {
  tokenId: string;
  workspaceId: string;
  role: TokenRole;
  name: string;
}

/** SHA-256 hex of a token. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new random token (`pgd_` + 43 base64url characters). */
export function generateToken(): string {
  return TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** Creates, verifies and revokes API tokens. */
export class ApiTokenStore {
  // Every authenticated API call runs this lookup: compiled once per store, for its database's dialect (see
  // PreparedQuery). Not cached, so a revoked token stops working at once in every process.
  private readonly tokenByHash = new PreparedQuery<{ hash: string }, Pick<Selectable<ApiTokensTable>, 'id' | 'workspace_id' | 'role' | 'name' | 'revoked_at'>>(
    ['hash'],
    (db, p) => db.selectFrom('api_tokens').select(['id', 'workspace_id', 'role', 'name', 'revoked_at']).where('token_hash', '=', p.hash),
  );

  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Stores a token. Pass `token` to register a given secret (the configured first admin token); otherwise one is
   * generated. The plain token is returned once and never stored.
   */
  async create(input: { workspaceId: string; role: TokenRole; name: string; token?: string }): Promise<{ id: string; token: string }> {
    const token = input.token ?? generateToken();
    const id = randomUUID();
    await this.db
      .insertInto('api_tokens')
      .values({
        id,
        workspace_id: input.workspaceId,
        name: input.name,
        role: input.role,
        token_hash: hashToken(token),
        created_at: Date.now(),
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    return { id, token };
  }

  /** The principal for a presented token, or undefined when unknown or revoked. */
  async verify(token: string): Promise<TokenPrincipal | undefined> {
    const [row] = (await this.tokenByHash.execute(this.db, { hash: hashToken(token) })).rows;
    if (!row || row.revoked_at !== null) return undefined;
    return { tokenId: row.id, workspaceId: row.workspace_id, role: row.role, name: row.name };
  }

  /** True when the workspace has at least one active admin token. */
  async hasAdmin(workspaceId: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('api_tokens')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('role', '=', 'admin')
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** True when this exact token is already registered. */
  async exists(token: string): Promise<boolean> {
    const row = await this.db.selectFrom('api_tokens').select('id').where('token_hash', '=', hashToken(token)).executeTakeFirst();
    return row !== undefined;
  }

  /** Tokens of a workspace, without secrets. */
  list(workspaceId: string) {
    return this.db
      .selectFrom('api_tokens')
      .select(['id', 'name', 'role', 'created_at', 'last_used_at', 'revoked_at'])
      .where('workspace_id', '=', workspaceId)
      .orderBy('created_at', 'asc')
      .execute();
  }

  /** Revokes a token of the workspace; false when there is no such active token. */
  async revoke(workspaceId: string, tokenId: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: Date.now() })
      .where('id', '=', tokenId)
      .where('workspace_id', '=', workspaceId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}
