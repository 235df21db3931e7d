import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { DatabaseUrlError, openDatabase, type DatabaseHandle } from '../../../platform/database';
import { POSTGRES_ADMIN_URL, createPostgresDatabase } from '../../support/services';

describe('openDatabase', () => {
  describe('when given a sqlite: URL', () => {
    it('creates the folder and opens the file in WAL mode with foreign keys on', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'pgdesk-connect-'));
      const url = `sqlite:${join(dir, 'nested', 'test.sqlite')}`;
      const handle = openDatabase(url);
      try {
        expect(handle.engine).toBe('sqlite');
        expect(handle.target).toBe(url);
        const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(handle.db);
        expect(mode.rows[0]?.journal_mode).toBe('wal');
        const keys = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(handle.db);
        expect(keys.rows[0]?.foreign_keys).toBe(1);
      } finally {
        await handle.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('when given a URL of another engine', () => {
    it('refuses it naming database.url and DATABASE_URL', () => {
      expect(() => openDatabase('mysql://root@localhost/shop')).toThrow(DatabaseUrlError);
      expect(() => openDatabase('mysql://root@localhost/shop')).toThrow(/database\.url \(DATABASE_URL\)/);
    });
  });

  describe('when given a postgres:// URL', () => {
    let database: { url: string; drop: () => Promise<void> };
    let handle: DatabaseHandle;

    beforeAll(async () => {
      database = await createPostgresDatabase();
      handle = openDatabase(database.url, 3);
    });

    afterAll(async () => {
      await handle?.close();
      await database?.drop();
    });

    it('hides the credentials in the target and returns BIGINT columns as numbers', async () => {
      expect(handle.engine).toBe('postgres');
      expect(handle.target).toBe(`postgres://127.0.0.1:5432${new URL(database.url).pathname}`);
      const result = await sql<{ big: number }>`select 1700000000000::bigint as big`.execute(handle.db);
      expect(result.rows[0]?.big).toBe(1_700_000_000_000);
    });

    describe('when the server terminates its idle connections (restart, failover)', () => {
      it('keeps the process alive and reconnects on the next query', async () => {
        // Fill the pool with idle connections.
        await Promise.all([1, 2, 3].map(() => sql`select pg_sleep(0.05)`.execute(handle.db)));
        const admin = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
        await admin.connect();
        const killed = await admin.query(
          'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
          [new URL(database.url).pathname.slice(1)],
        );
        await admin.end();
        expect(killed.rowCount).toBeGreaterThan(0);
        await new Promise((resolve) => setTimeout(resolve, 200));
        const result = await sql<{ one: number }>`select 1 as one`.execute(handle.db);
        expect(result.rows[0]?.one).toBe(1);
      });
    });
  });
});
