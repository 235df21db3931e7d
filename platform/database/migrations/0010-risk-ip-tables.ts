/**
 * `risk_ip_tables`: a workspace's own IP-to-country table (risk/platform/workspace-ip-tables.ts), the CSV gzipped
 * and base64-encoded (text works the same in SQLite and PostgreSQL), with its number of ranges and who loaded it when.
 */
import { type Kysely } from 'kysely';

/** Applies the migration. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('risk_ip_tables')
    .addColumn('workspace_id', 'varchar(36)', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('table_gz', 'text', (c) => c.notNull())
    .addColumn('ranges', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
}

/** Reverts the migration. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('risk_ip_tables').execute();
}
