/**
 * The catalogue revision of a workspace: a counter raised by every transaction that writes products, stored with
 * each product it wrote (`products.revision`). Raising it locks the workspace's counter row until the transaction
 * ends (PostgreSQL row lock; SQLite has one writer anyway), so catalogue writes of a workspace commit in revision
 * order and a reader that sees revision R can load every product with `revision <= R`, knowing that none is still
 * to come. In-memory catalogues (recommender/catalogue) reload only what changed since the revision they hold.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../platform/database';

/**
 * Raises the workspace's catalogue revision inside the caller's transaction and returns the new value, to be
 * written into `products.revision` of every product the transaction writes.
 */
export async function raiseCatalogueRevision(trx: Transaction<Database>, workspaceId: string, now: number = Date.now()): Promise<number> {
  const row = await trx
    .insertInto('catalogue_revisions')
    .values({ workspace_id: workspaceId, revision: 1, updated_at: now })
    .onConflict((oc) => oc.column('workspace_id').doUpdateSet({ revision: sql<number>`catalogue_revisions.revision + 1`, updated_at: now }))
    .returning('revision')
    .executeTakeFirstOrThrow();
  return Number(row.revision);
}

/** The workspace's current catalogue revision (0 before its first catalogue write). */
export async function currentCatalogueRevision(db: Kysely<Database> | Transaction<Database>, workspaceId: string): Promise<number> {
  const row = await db.selectFrom('catalogue_revisions').select('revision').where('workspace_id', '=', workspaceId).executeTakeFirst();
  return row ? Number(row.revision) : 0;
}
