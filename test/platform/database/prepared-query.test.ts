import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateToLatest, openDatabase, PreparedQuery, type DatabaseHandle } from '../../../platform/database';
import { createPostgresDatabase } from '../../support/services';

describe.each([['SQLite'], ['PostgreSQL']])('PreparedQuery on %s', (engine) => {
  let handle: DatabaseHandle;
  let cleanUp: () => Promise<void>;

  beforeAll(async () => {
    if (engine === 'SQLite') {
      const dir = mkdtempSync(join(tmpdir(), 'pgdesk-pq-'));
      handle = openDatabase(`sqlite:${join(dir, 'db.sqlite')}`);
      cleanUp = async () => rmSync(dir, { recursive: true, force: true });
    } else {
      const database = await createPostgresDatabase();
      handle = openDatabase(database.url);
      cleanUp = database.drop;
    }
    await migrateToLatest(handle.db as never);
    for (const slug of ['one', 'two']) {
      await handle.db.insertInto('workspaces').values({ id: slug, slug, name: `Store ${slug}`, default_language: 'en', created_at: 5 }).execute();
    }
  });

  afterAll(async () => {
    await handle.close();
    await cleanUp();
  });

  it('runs the same compiled statement with new values each time', async () => {
    const bySlug = new PreparedQuery<{ slug: string }, unknown>(['slug'], (db, p) =>
      db.selectFrom('workspaces').select(['slug', 'name']).where('slug', '=', p.slug),
    );
    expect((await bySlug.execute(handle.db, { slug: 'one' })).rows).toEqual([{ slug: 'one', name: 'Store one' }]);
    expect((await bySlug.execute(handle.db, { slug: 'two' })).rows).toEqual([{ slug: 'two', name: 'Store two' }]);
    expect((await bySlug.execute(handle.db, { slug: 'none' })).rows).toEqual([]);
  });

  it('keeps constants of the query and fills every use of a parameter', async () => {
    const rename = new PreparedQuery<{ slug: string; name: string }, unknown>(['slug', 'name'], (db, p) =>
      db.updateTable('workspaces').set({ name: p.name, created_at: 7 }).where('slug', '=', p.slug).where('created_at', '>', 1),
    );
    const result = await rename.execute(handle.db, { slug: 'two', name: 'Renamed' });
    expect(Number(result.numAffectedRows)).toBe(1);
    const row = await handle.db.selectFrom('workspaces').selectAll().where('slug', '=', 'two').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ name: 'Renamed', created_at: 7 });
  });

  it('refuses a parameter the query does not use', async () => {
    const broken = new PreparedQuery<{ slug: string; unused: string }, unknown>(['slug', 'unused'], (db, p) =>
      db.selectFrom('workspaces').selectAll().where('slug', '=', p.slug),
    );
    await expect(broken.execute(handle.db, { slug: 'one', unused: 'x' })).rejects.toThrow(/unused/);
  });
});
