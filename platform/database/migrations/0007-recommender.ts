/**
 * The recommender's catalogue and interaction events:
 * - `products` gains `brand`, `language` (of its name and description; NULL: the workspace's default language),
 *   `active` (0/1) and `revision` (the catalogue revision that last wrote it, see `catalogue_revisions`).
 * - `product_translations` (name and description per language), `product_prices` (price per currency besides the
 *   product's own) and `product_ship_countries` (no row: ships everywhere).
 * - `catalogue_revisions`: a counter per workspace, raised in every transaction that writes products. The row lock
 *   taken by the raise serialises catalogue writers of a workspace, so once revision R is visible every product
 *   row written with a revision <= R is committed: in-memory catalogues reload `revision > last seen` and miss
 *   nothing.
 * - `interaction_events`: the append-only log of views, carts, purchases, recommendation clicks and searches. No
 *   foreign keys to products or customers on purpose: the log is written in bulk on the hot path and kept when a
 *   product or a placeholder customer goes away (readers skip what no longer resolves); only the workspace cascades.
 * - `visitor_links`: a storefront visitor (cookie id) identified as a customer.
 * - `api_tokens.role` accepts `events`: a write-only key for `POST /api/events`, safe to embed in a public page.
 */
import { sql, type Kysely } from 'kysely';

const EVENT_TYPES = ['view', 'add_to_cart', 'purchase', 'recommendation_click', 'search'] as const;
const TOKEN_ROLES = ['admin', 'agent', 'events'] as const;

/** Applies the migration. Written once for both engines: only portable types and constraints are used. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const time = 'bigint';
  // Frozen here on purpose: a migration must not change when the application's lists change later.
  const eventTypes = sql.join(EVENT_TYPES.map((type) => sql.lit(type)));

  await db.schema.alterTable('products').addColumn('brand', 'varchar(100)').execute();
  await db.schema.alterTable('products').addColumn('language', 'varchar(16)').execute();
  await db.schema.alterTable('products').addColumn('active', 'integer', (c) => c.notNull().defaultTo(1).check(sql`active in (0, 1)`)).execute();
  await db.schema.alterTable('products').addColumn('revision', time, (c) => c.notNull().defaultTo(0)).execute();
  // Incremental catalogue reloads: the products of a workspace written after a revision, in keyset order.
  await db.schema.createIndex('products_by_revision').on('products').columns(['workspace_id', 'revision', 'id']).execute();

  await db.schema
    .createTable('product_translations')
    .addColumn('product_id', 'varchar(36)', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('language', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('description', 'text')
    .addPrimaryKeyConstraint('product_translations_pk', ['product_id', 'language'])
    .execute();

  await db.schema
    .createTable('product_prices')
    .addColumn('product_id', 'varchar(36)', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('currency', 'char(3)', (c) => c.notNull())
    .addColumn('price_minor', 'integer', (c) => c.notNull().check(sql`price_minor >= 0`))
    .addPrimaryKeyConstraint('product_prices_pk', ['product_id', 'currency'])
    .execute();

  await db.schema
    .createTable('product_ship_countries')
    .addColumn('product_id', 'varchar(36)', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('country', 'char(2)', (c) => c.notNull())
    .addPrimaryKeyConstraint('product_ship_countries_pk', ['product_id', 'country'])
    .execute();

  await db.schema
    .createTable('catalogue_revisions')
    .addColumn('workspace_id', 'varchar(36)', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('revision', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('interaction_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    // The sender's id of the event: a retried batch is stored once.
    .addColumn('client_event_id', 'varchar(64)')
    .addColumn('type', 'varchar(24)', (c) => c.notNull().check(sql`type in (${eventTypes})`))
    .addColumn('product_id', 'varchar(36)')
    .addColumn('customer_id', 'varchar(36)')
    .addColumn('visitor_id', 'varchar(64)')
    .addColumn('session_id', 'varchar(64)')
    .addColumn('at', time, (c) => c.notNull())
    .addColumn('received_at', time, (c) => c.notNull())
    .addColumn('country', 'char(2)')
    .addColumn('source', 'varchar(32)')
    .addColumn('quantity', 'integer')
    .addColumn('price_minor', 'integer')
    .addColumn('currency', 'char(3)')
    .addColumn('context', 'text')
    .addCheckConstraint('interaction_events_product', sql`type = 'search' or product_id is not null`)
    .execute();
  await db.schema
    .createIndex('interaction_events_client_id')
    .on('interaction_events')
    .columns(['workspace_id', 'client_event_id'])
    .unique()
    .where(sql.ref('client_event_id'), 'is not', null)
    .execute();
  // A customer's history in time order (serving), and the training export's per-customer pass (keyset order).
  await db.schema
    .createIndex('interaction_events_by_customer')
    .on('interaction_events')
    .columns(['workspace_id', 'customer_id', 'at', 'id'])
    .where(sql.ref('customer_id'), 'is not', null)
    .execute();
  // A visitor's history in time order, the backfill when a visitor is identified, and the export's anonymous pass.
  await db.schema
    .createIndex('interaction_events_by_visitor')
    .on('interaction_events')
    .columns(['workspace_id', 'visitor_id', 'at', 'id'])
    .where(sql.ref('visitor_id'), 'is not', null)
    .execute();
  // "Events of a workspace since T", in time order.
  await db.schema.createIndex('interaction_events_by_time').on('interaction_events').columns(['workspace_id', 'at', 'id']).execute();

  await db.schema
    .createTable('visitor_links')
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('visitor_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('linked_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('visitor_links_pk', ['workspace_id', 'visitor_id'])
    .execute();
  // Deleting a customer (a merged placeholder) finds its links without a scan.
  await db.schema.createIndex('visitor_links_by_customer').on('visitor_links').column('customer_id').execute();

  await setTokenRoles(db, TOKEN_ROLES);
}

/**
 * Replaces the check on `api_tokens.role`. PostgreSQL swaps the constraint; SQLite cannot alter a check, so the
 * table is rebuilt with the same columns and rows (nothing references it).
 */
async function setTokenRoles(db: Kysely<unknown>, roles: readonly string[]): Promise<void> {
  const list = sql.join(roles.map((role) => sql.lit(role)));
  const isPostgres = await sql<{ v: string }>`select version() as v`
    .execute(db)
    .then((result) => /postgres/i.test(result.rows[0]?.v ?? ''))
    .catch(() => false);
  if (isPostgres) {
    const checks = await sql<{ conname: string }>`
      select conname from pg_constraint
      where conrelid = 'api_tokens'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%role%'`.execute(db);
    for (const row of checks.rows) await sql`alter table api_tokens drop constraint ${sql.id(row.conname)}`.execute(db);
    await sql`alter table api_tokens add constraint api_tokens_role_check check (role in (${list}))`.execute(db);
    return;
  }
  await db.schema
    .createTable('api_tokens_rebuilt')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull().check(sql`role in (${list})`))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('last_used_at', 'bigint')
    .addColumn('revoked_at', 'bigint')
    .execute();
  await sql`insert into api_tokens_rebuilt (id, workspace_id, name, role, token_hash, created_at, last_used_at, revoked_at)
    select id, workspace_id, name, role, token_hash, created_at, last_used_at, revoked_at from api_tokens`.execute(db);
  await db.schema.dropTable('api_tokens').execute();
  await db.schema.alterTable('api_tokens_rebuilt').renameTo('api_tokens').execute();
}

/** Reverts the migration (events keys are deleted: the old check does not allow them). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`delete from api_tokens where role = 'events'`.execute(db);
  await setTokenRoles(db, ['admin', 'agent']);
  for (const table of ['visitor_links', 'interaction_events', 'catalogue_revisions', 'product_ship_countries', 'product_prices', 'product_translations']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
  await db.schema.dropIndex('products_by_revision').ifExists().execute();
  for (const column of ['revision', 'active', 'language', 'brand']) await db.schema.alterTable('products').dropColumn(column).execute();
}
