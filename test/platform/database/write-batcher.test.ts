import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { isUniqueViolation, migrateToLatest, openDatabase, WriteBatcher, type DatabaseHandle } from '../../../platform/database';

describe('WriteBatcher on SQLite', () => {
  let dir: string;
  let handle: DatabaseHandle;
  let batcher: WriteBatcher;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pgdesk-batch-'));
    handle = openDatabase(`sqlite:${join(dir, 'db.sqlite')}`);
    await migrateToLatest(handle.db as never);
    batcher = new WriteBatcher(handle.db, 'sqlite');
  });

  afterEach(async () => {
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const insertWorkspace = (slug: string) =>
    batcher.run((trx) =>
      trx.insertInto('workspaces').values({ id: slug, slug, name: slug, default_language: 'en', created_at: 1 }).execute(),
    );
  const slugs = async () => (await handle.db.selectFrom('workspaces').select('slug').orderBy('slug').execute()).map((r) => r.slug);

  describe('when several units are requested in the same turn', () => {
    it('commits all of them and resolves each caller', async () => {
      await Promise.all(['a', 'b', 'c'].map(insertWorkspace));
      expect(await slugs()).toEqual(['a', 'b', 'c']);
    });

    it('rolls back only the unit that failed', async () => {
      const results = await Promise.allSettled([insertWorkspace('a'), insertWorkspace('a'), insertWorkspace('b')]);
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await slugs()).toEqual(['a', 'b']);
    });

    it('undoes every statement of a failed unit, not just the failing one', async () => {
      const mixed = batcher.run(async (trx) => {
        await trx.insertInto('workspaces').values({ id: 'x', slug: 'x', name: 'x', default_language: 'en', created_at: 1 }).execute();
        await sql`select * from no_such_table`.execute(trx);
      });
      // SQLite errors come from another realm than jest's, so match the message rather than use toThrow.
      await expect(Promise.all([mixed, insertWorkspace('y')])).rejects.toMatchObject({ message: expect.stringMatching(/no such table/) });
      expect(await slugs()).toEqual(['y']);
    });
  });

  describe('when a unit runs alone', () => {
    it('returns its result and rejects with its own error', async () => {
      await expect(batcher.run(async () => 42)).resolves.toBe(42);
      await insertWorkspace('solo');
      const duplicate = await insertWorkspace('solo').catch((error: unknown) => error);
      expect(isUniqueViolation(duplicate)).toBe(true);
      expect(await slugs()).toEqual(['solo']);
    });
  });

  it('resolves only after the data is visible to other readers', async () => {
    await insertWorkspace('visible');
    expect(await slugs()).toEqual(['visible']);
  });
});
