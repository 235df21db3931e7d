/**
 * The bot's dialogue memory per conversation, the model registry (versioned artefacts of every trainable component, with metrics, training-data fingerprint and
 * promotion state) and the examples a workspace adds to the built-in intents.
 */
import { sql, type Kysely } from 'kysely';

/** Applies the migration. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const time = 'bigint';
  // The bot's multi-turn memory of a conversation (pending question, filled slots), as JSON.
  await db.schema.alterTable('conversations').addColumn('dialogue', 'text').execute();
  // Per-workspace settings of understanding (order-number patterns), as JSON.
  await db.schema.alterTable('workspaces').addColumn('settings', 'text').execute();
  await db.schema
    .createTable('model_versions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    // NULL: the built-in model every workspace without its own uses.
    .addColumn('workspace_id', 'varchar(36)', (c) => c.references('workspaces.id').onDelete('cascade'))
    .addColumn('component', 'varchar(64)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) =>
      c.notNull().check(sql`status in ('training', 'candidate', 'live', 'retired', 'rejected', 'failed')`),
    )
    .addColumn('data_fingerprint', 'varchar(64)', (c) => c.notNull())
    .addColumn('metrics', 'text')
    .addColumn('error', 'text')
    // Base64 of the artefact: one portable column type on both engines (artefacts are a few MB at most).
    .addColumn('artefact', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('completed_at', time)
    .addColumn('promoted_at', time)
    .execute();
  // NULL (the built-in scope) never equals NULL in a unique index, so the scope is indexed as coalesce(workspace_id, '').
  // Version numbers are unique per scope, and at most one version per scope is live (concurrent promotions on
  // PostgreSQL would otherwise each retire the old live version and both go live).
  await sql`create unique index model_versions_scope_version on model_versions ((coalesce(workspace_id, '')), component, version)`.execute(db);
  await sql`create unique index model_versions_one_live on model_versions ((coalesce(workspace_id, '')), component) where status = 'live'`.execute(db);
  await db.schema
    .createTable('intent_examples')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('intent', 'varchar(64)', (c) => c.notNull())
    .addColumn('language', 'varchar(8)')
    .addColumn('text', 'varchar(1000)', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addUniqueConstraint('intent_examples_unique', ['workspace_id', 'intent', 'text'])
    .execute();
}

/** Reverts the migration. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('intent_examples').execute();
  await db.schema.dropTable('model_versions').execute();
  await db.schema.alterTable('conversations').dropColumn('dialogue').execute();
  await db.schema.alterTable('workspaces').dropColumn('settings').execute();
}
