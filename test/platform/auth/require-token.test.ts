import type { NextFunction, Request, Response } from 'express';
import { ApiTokenStore, principalOf, requireToken } from '../../../platform/auth';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../platform/database';
import { WorkspaceStore, type Workspace } from '../../../platform/workspaces';
import { createSqliteDatabase, type TestDatabase } from '../../support/databases';

/** What the middleware did with one request. */
interface Outcome {
  status?: number;
  body?: { error: { code: string; message: string } };
  nextCalls: unknown[][];
  res: Response;
}

describe('requireToken', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let tokens: ApiTokenStore;
  let workspace: Workspace;

  beforeAll(async () => {
    database = await createSqliteDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db as never);
    tokens = new ApiTokenStore(handle.db);
    workspace = (await new WorkspaceStore(handle.db).ensure({ slug: 'auth', name: 'Auth', defaultLanguage: 'en' })).workspace;
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  /** Runs the middleware on a request with the given Authorization header (none when undefined). */
  async function run(authorization: string | undefined, roles: Array<'admin' | 'agent'> = ['admin']): Promise<Outcome> {
    const outcome: Outcome = { nextCalls: [], res: undefined as never };
    const req = { get: (name: string) => (name.toLowerCase() === 'authorization' ? authorization : undefined) } as unknown as Request;
    const res = {
      locals: {} as Record<string, unknown>,
      status(code: number) {
        outcome.status = code;
        return this;
      },
      json(body: Outcome['body']) {
        outcome.body = body;
        return this;
      },
    } as unknown as Response;
    outcome.res = res;
    const next: NextFunction = (...args: unknown[]) => void outcome.nextCalls.push(args);
    await requireToken(tokens, roles)(req, res, next);
    return outcome;
  }

  describe('without an Authorization header', () => {
    it('answers 401 unauthorized and does not continue', async () => {
      const outcome = await run(undefined);
      expect(outcome.status).toBe(401);
      expect(outcome.body?.error.code).toBe('unauthorized');
      expect(outcome.nextCalls).toEqual([]);
    });
  });

  describe('with a header that is not a bearer token', () => {
    it.each([['Basic dXNlcjpwYXNz'], ['Bearer'], ['Bearer a b']])('answers 401 for %j', async (header) => {
      const outcome = await run(header);
      expect(outcome.status).toBe(401);
      expect(outcome.nextCalls).toEqual([]);
    });

    it('answers 401 for a valid token followed by more words', async () => {
      const { token } = await tokens.create({ workspaceId: workspace.id, role: 'admin', name: 'Trailing' });
      const outcome = await run(`Bearer ${token} extra`);
      expect(outcome.status).toBe(401);
      expect(outcome.nextCalls).toEqual([]);
    });
  });

  describe('with an unknown token', () => {
    it('answers 401 unauthorized', async () => {
      const outcome = await run('Bearer pgd_not-a-real-token-at-all-0000000000000000');
      expect(outcome.status).toBe(401);
      expect(outcome.body?.error).toEqual({ code: 'unauthorized', message: 'The API token is unknown or revoked.' });
      expect(outcome.nextCalls).toEqual([]);
    });
  });

  describe('with a revoked token', () => {
    it('answers 401 unauthorized', async () => {
      const { id, token } = await tokens.create({ workspaceId: workspace.id, role: 'admin', name: 'Former admin' });
      await tokens.revoke(workspace.id, id);
      const outcome = await run(`Bearer ${token}`);
      expect(outcome.status).toBe(401);
      expect(outcome.nextCalls).toEqual([]);
    });
  });

  describe('with a valid token of a role that is not allowed', () => {
    it('answers 403 forbidden naming the roles needed', async () => {
      const { token } = await tokens.create({ workspaceId: workspace.id, role: 'agent', name: 'Agent' });
      const outcome = await run(`Bearer ${token}`, ['admin']);
      expect(outcome.status).toBe(403);
      expect(outcome.body?.error.code).toBe('forbidden');
      expect(outcome.body?.error.message).toContain('admin');
      expect(outcome.nextCalls).toEqual([]);
      expect(outcome.res.locals.principal).toBeUndefined();
    });
  });

  describe('with a valid token of an allowed role', () => {
    it('continues with the principal attached to the response', async () => {
      const { id, token } = await tokens.create({ workspaceId: workspace.id, role: 'agent', name: 'Maria' });
      const outcome = await run(`Bearer ${token}`, ['admin', 'agent']);
      expect(outcome.status).toBeUndefined();
      expect(outcome.nextCalls).toEqual([[]]);
      expect(principalOf(outcome.res)).toEqual({ tokenId: id, workspaceId: workspace.id, role: 'agent', name: 'Maria' });
    });

    it('accepts the scheme in any case', async () => {
      const { token } = await tokens.create({ workspaceId: workspace.id, role: 'admin', name: 'Admin' });
      const outcome = await run(`bearer ${token}`);
      expect(outcome.nextCalls).toEqual([[]]);
    });
  });

  describe('when the token store fails', () => {
    it('passes the error to next', async () => {
      const failing = { verify: async () => Promise.reject(new Error('database is gone')) } as unknown as ApiTokenStore;
      const next = jest.fn();
      const res = { locals: {}, status: jest.fn(), json: jest.fn() } as unknown as Response;
      await requireToken(failing, ['admin'])({ get: () => 'Bearer whatever' } as unknown as Request, res, next);
      expect(next).toHaveBeenCalledWith(expect.objectContaining({ message: 'database is gone' }));
      expect((res.status as jest.Mock).mock.calls).toEqual([]);
    });
  });
});
