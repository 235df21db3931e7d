import { ApiTokenStore, generateToken, hashToken } from '../../../platform/auth';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../platform/database';
import { WorkspaceStore, type Workspace } from '../../../platform/workspaces';
import { createPostgresDatabase } from '../../support/services';
import { createSqliteDatabase, type TestDatabase } from '../../support/databases';

describe('generateToken and hashToken', () => {
  it('make distinct pgd_ tokens whose hash is 64 hex characters', () => {
    const a = generateToken();
    const b = generateToken();
    expect(a).toMatch(/^pgd_[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).toBe(hashToken(a));
    expect(hashToken(a)).not.toBe(hashToken(b));
  });
});

describe.each([
  ['SQLite', createSqliteDatabase],
  ['PostgreSQL', createPostgresDatabase],
])('ApiTokenStore on %s', (_engine, createDatabase: () => Promise<TestDatabase>) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let tokens: ApiTokenStore;
  let workspace: Workspace;
  let other: Workspace;

  beforeAll(async () => {
    database = await createDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db as never);
    tokens = new ApiTokenStore(handle.db);
    const workspaces = new WorkspaceStore(handle.db);
    workspace = (await workspaces.ensure({ slug: 'tokens', name: 'Tokens', defaultLanguage: 'en' })).workspace;
    other = (await workspaces.ensure({ slug: 'other', name: 'Other', defaultLanguage: 'en' })).workspace;
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  describe('when a token is created', () => {
    it('stores its hash, never the token itself', async () => {
      const { id, token } = await tokens.create({ workspaceId: workspace.id, role: 'agent', name: 'Maria' });
      const row = await handle.db.selectFrom('api_tokens').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(row.token_hash).toBe(hashToken(token));
      expect(JSON.stringify(row)).not.toContain(token);
      expect(JSON.stringify(row)).not.toContain(token.slice(4));
    });

    it('registers a given secret when one is passed', async () => {
      const secret = 'configured-admin-token-abcdefghijkl';
      const created = await tokens.create({ workspaceId: workspace.id, role: 'admin', name: 'configured', token: secret });
      expect(created.token).toBe(secret);
      expect(await tokens.exists(secret)).toBe(true);
      expect(await tokens.exists('some-other-token-abcdefghijkl')).toBe(false);
    });
  });

  describe('when a token is verified', () => {
    it('returns the principal for a known token', async () => {
      const { id, token } = await tokens.create({ workspaceId: workspace.id, role: 'agent', name: 'Ana' });
      expect(await tokens.verify(token)).toEqual({ tokenId: id, workspaceId: workspace.id, role: 'agent', name: 'Ana' });
    });

    it('returns nothing for an unknown token or a near miss', async () => {
      const { token } = await tokens.create({ workspaceId: workspace.id, role: 'agent', name: 'Near' });
      expect(await tokens.verify(generateToken())).toBeUndefined();
      expect(await tokens.verify(`${token}x`)).toBeUndefined();
      expect(await tokens.verify(hashToken(token))).toBeUndefined();
    });
  });

  describe('when a token is revoked', () => {
    it('no longer verifies, and revoking again reports false', async () => {
      const { id, token } = await tokens.create({ workspaceId: workspace.id, role: 'agent', name: 'Leaving' });
      expect(await tokens.revoke(workspace.id, id)).toBe(true);
      expect(await tokens.verify(token)).toBeUndefined();
      expect(await tokens.revoke(workspace.id, id)).toBe(false);
      const listed = (await tokens.list(workspace.id)).find((row) => row.id === id);
      expect(listed?.revoked_at).toEqual(expect.any(Number));
    });

    it('cannot be revoked from another workspace', async () => {
      const { id, token } = await tokens.create({ workspaceId: workspace.id, role: 'agent', name: 'Mine' });
      expect(await tokens.revoke(other.id, id)).toBe(false);
      expect(await tokens.verify(token)).toBeDefined();
    });
  });

  describe('hasAdmin', () => {
    it('is true only while the workspace has an active admin token', async () => {
      const workspaces = new WorkspaceStore(handle.db);
      const fresh = (await workspaces.ensure({ slug: 'fresh', name: 'Fresh', defaultLanguage: 'en' })).workspace;
      expect(await tokens.hasAdmin(fresh.id)).toBe(false);
      await tokens.create({ workspaceId: fresh.id, role: 'agent', name: 'agent' });
      expect(await tokens.hasAdmin(fresh.id)).toBe(false);
      const admin = await tokens.create({ workspaceId: fresh.id, role: 'admin', name: 'admin' });
      expect(await tokens.hasAdmin(fresh.id)).toBe(true);
      await tokens.revoke(fresh.id, admin.id);
      expect(await tokens.hasAdmin(fresh.id)).toBe(false);
    });
  });

  describe('list', () => {
    it('lists the workspace’s tokens without secrets, oldest first', async () => {
      const workspaces = new WorkspaceStore(handle.db);
      const listed = (await workspaces.ensure({ slug: 'listed', name: 'Listed', defaultLanguage: 'en' })).workspace;
      await tokens.create({ workspaceId: listed.id, role: 'admin', name: 'first' });
      await new Promise((resolve) => setTimeout(resolve, 5));
      await tokens.create({ workspaceId: listed.id, role: 'agent', name: 'second' });
      const rows = await tokens.list(listed.id);
      expect(rows.map((r) => [r.name, r.role])).toEqual([
        ['first', 'admin'],
        ['second', 'agent'],
      ]);
      expect(rows[0]).not.toHaveProperty('token_hash');
    });
  });
});
