import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../platform/database';
import { WorkspaceStore } from '../../../platform/workspaces';
import { createPostgresDatabase } from '../../support/services';
import { createSqliteDatabase, type TestDatabase } from '../../support/databases';

describe.each([
  ['SQLite', createSqliteDatabase],
  ['PostgreSQL', createPostgresDatabase],
])('WorkspaceStore on %s', (_engine, createDatabase: () => Promise<TestDatabase>) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let workspaces: WorkspaceStore;

  beforeAll(async () => {
    database = await createDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db as never);
    workspaces = new WorkspaceStore(handle.db);
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  describe('when a workspace is ensured for the first time', () => {
    it('creates it and finds it by slug and by id', async () => {
      const { workspace, created } = await workspaces.ensure({ slug: 'acme', name: 'Acme Shoes', defaultLanguage: 'es' });
      expect(created).toBe(true);
      expect(workspace).toMatchObject({ slug: 'acme', name: 'Acme Shoes', default_language: 'es' });
      expect(await workspaces.findBySlug('acme')).toEqual(workspace);
      expect(await workspaces.findById(workspace.id)).toEqual(workspace);
    });
  });

  describe('when the workspace exists already', () => {
    it('returns the existing one unchanged', async () => {
      const first = await workspaces.ensure({ slug: 'kept', name: 'First name', defaultLanguage: 'en' });
      const second = await workspaces.ensure({ slug: 'kept', name: 'Other name', defaultLanguage: 'fr' });
      expect(second.created).toBe(false);
      expect(second.workspace).toEqual(first.workspace);
    });
  });

  describe('when several processes ensure it at once', () => {
    it('creates one workspace and reports one creation', async () => {
      const results = await Promise.all(
        Array.from({ length: 6 }, () => workspaces.ensure({ slug: 'raced', name: 'Raced', defaultLanguage: 'en' })),
      );
      expect(new Set(results.map((r) => r.workspace.id)).size).toBe(1);
      expect(results.filter((r) => r.created)).toHaveLength(1);
    });
  });

  describe('when nothing matches', () => {
    it('finds nothing', async () => {
      expect(await workspaces.findBySlug('nope')).toBeUndefined();
      expect(await workspaces.findById('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    });
  });
});
