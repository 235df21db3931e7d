/**
 * Seeds the demo store into a workspace at start-up, once: products, customers and orders from demo-catalog.ts,
 * written through the importer (so the demo data passes the same validation as a store's own files).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../platform/database';
import { CatalogImporter, parseCatalog, type ImportCounts } from './catalog-import';
import { demoCatalog } from './demo-catalog';

/** What {@link seedDemoStore} did. */
export type SeedResult = { seeded: true; counts: ImportCounts } | { seeded: false };

async function hasProducts(db: Kysely<Database> | Transaction<Database>, workspaceId: string): Promise<boolean> {
  const row = await db.selectFrom('products').select('id').where('workspace_id', '=', workspaceId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/**
 * Fills an empty workspace with the demo store. Safe at every start-up and from several processes at once: it does
 * nothing when the workspace has products already (the store's own or an earlier seed), and of several processes
 * seeding at the same moment exactly one does it.
 * @param now the seed time; order dates are relative to it. @defaultValue Date.now()
 * @example
 * const result = await seedDemoStore(db, workspace.id);
 * if (result.seeded) logger.info(result.counts, 'demo store seeded');
 */
export async function seedDemoStore(db: Kysely<Database>, workspaceId: string, now: number = Date.now()): Promise<SeedResult> {
  // The usual case at start-up, answered without taking a lock.
  if (await hasProducts(db, workspaceId)) return { seeded: false };
  const catalog = parseCatalog('json', demoCatalog(now));
  try {
    return await db.transaction().execute(async (trx) => {
      // A no-op write on the workspace row serialises seeders: a row lock on PostgreSQL, the write lock on SQLite.
      // Whoever comes second sees the first one's products and leaves.
      await trx.updateTable('workspaces').set((eb) => ({ name: eb.ref('name') })).where('id', '=', workspaceId).execute();
      if (await hasProducts(trx, workspaceId)) return { seeded: false } as const;
      const counts = await new CatalogImporter(db).writeInTransaction(trx, workspaceId, catalog, { actor: 'demo', now });
      return { seeded: true, counts } as const;
    });
  } catch (error) {
    // Another process's SQLite transaction won the write lock first (a busy snapshot): its seed is committed.
    if (await hasProducts(db, workspaceId)) return { seeded: false };
    throw error;
  }
}
