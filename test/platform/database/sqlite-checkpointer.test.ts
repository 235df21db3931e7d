import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase } from '../../../platform/database';
import { waitFor } from '../../support/wait-for';

describe('SQLite checkpoints', () => {
  it('copy committed pages into the database file from the checkpoint thread, not the writer', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pgdesk-ckpt-'));
    const file = join(dir, 'db.sqlite');
    const handle = openDatabase(`sqlite:${file}`);
    try {
      await migrateToLatest(handle.db as never);
      const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(handle.db);
      expect(rows[0]?.wal_autocheckpoint).toBe(0); // the writer never checkpoints itself
      const sizeBefore = statSync(file).size;
      for (let batch = 0; batch < 20; batch += 1) {
        await handle.db
          .insertInto('workspaces')
          .values(Array.from({ length: 50 }, (_, i) => ({ id: `w${batch}-${i}`, slug: `s${batch}-${i}`, name: 'x'.repeat(200), default_language: 'en', created_at: 1 })))
          .execute();
      }
      await waitFor(() => statSync(file).size > sizeBefore + 100_000, 5000);
    } finally {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
