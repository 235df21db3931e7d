/**
 * The knowledge base: articles (one per topic, with its slug and category) and their language versions, every saved
 * revision of a version (history and rollback; the published text is a revision), the admin audit log, shoppers'
 * ratings of answers, and the per-workspace index version that servers follow.
 */
import { sql, type Kysely } from 'kysely';

/** Applies the migration. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const time = 'bigint';
  await db.schema
    .createTable('kb_articles')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    // The article's id in links, imports and evaluations (`shipping-europe`), shared by its language versions.
    .addColumn('slug', 'varchar(128)', (c) => c.notNull())
    .addColumn('category', 'varchar(64)', (c) => c.notNull())
    // The language the other versions are translated from; a version older than it is marked stale.
    .addColumn('source_language', 'varchar(8)', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addUniqueConstraint('kb_articles_slug', ['workspace_id', 'slug'])
    .execute();
  await db.schema
    .createTable('kb_versions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('article_id', 'varchar(36)', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull().check(sql`status in ('draft', 'published', 'archived')`))
    // The latest saved revision (the draft being edited) and the one shoppers see; the same number when no
    // unpublished edit is pending.
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('published_revision', 'integer')
    // Revision of the source-language version this text was written from (null for the source itself).
    .addColumn('source_revision', 'integer')
    .addColumn('updated_by', 'varchar(128)', (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('published_at', time)
    .addUniqueConstraint('kb_versions_language', ['article_id', 'language'])
    .execute();
  await db.schema.createIndex('kb_versions_workspace').on('kb_versions').columns(['workspace_id', 'status']).execute();
  await db.schema
    .createTable('kb_revisions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('version_id', 'varchar(36)', (c) => c.notNull().references('kb_versions.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    // JSON arrays of strings.
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull())
    .addColumn('author', 'varchar(128)', (c) => c.notNull())
    // What this revision did: `create`, `edit`, `rollback to 3`, `import`.
    .addColumn('note', 'varchar(300)', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addUniqueConstraint('kb_revisions_number', ['version_id', 'revision'])
    .execute();
  await db.schema
    .createTable('kb_audit_log')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('actor', 'varchar(128)', (c) => c.notNull())
    .addColumn('action', 'varchar(32)', (c) => c.notNull())
    .addColumn('article_slug', 'varchar(128)')
    .addColumn('language', 'varchar(8)')
    .addColumn('details', 'text')
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('kb_audit_log_time').on('kb_audit_log').columns(['workspace_id', 'created_at']).execute();
  await db.schema
    .createTable('kb_ratings')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('article_id', 'varchar(36)', (c) => c.notNull().references('kb_articles.id').onDelete('cascade'))
    .addColumn('language', 'varchar(8)', (c) => c.notNull())
    .addColumn('conversation_id', 'varchar(36)', (c) => c.notNull())
    // The bot message that carried the answer: one rating per answer (a second one replaces the first).
    .addColumn('message_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('helpful', 'integer', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addUniqueConstraint('kb_ratings_answer', ['message_id'])
    .execute();
  await db.schema.createIndex('kb_ratings_article').on('kb_ratings').columns(['article_id']).execute();
  await db.schema
    .createTable('kb_index_state')
    .addColumn('workspace_id', 'varchar(36)', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    // Bumped by every re-index; servers rebuild their in-memory index when it moves.
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute();
}

/** Reverts the migration. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['kb_index_state', 'kb_ratings', 'kb_audit_log', 'kb_revisions', 'kb_versions', 'kb_articles']) {
    await db.schema.dropTable(table).execute();
  }
}
