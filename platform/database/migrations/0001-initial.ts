/** The first schema: workspaces, tokens, customers and identities, conversations and messages. */
import { sql, type Kysely } from 'kysely';

/** Applies the migration. Written once for both engines: only portable types and constraints are used. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const time = 'bigint';
  await db.schema
    .createTable('workspaces')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('slug', 'varchar(63)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('default_language', 'varchar(8)', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('role', 'varchar(16)', (c) => c.notNull().check(sql`role in ('admin', 'agent')`))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('last_used_at', time)
    .addColumn('revoked_at', time)
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('display_name', 'varchar(200)')
    .addColumn('email', 'varchar(320)')
    .addColumn('phone', 'varchar(32)')
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('channel_identities')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('channel', 'varchar(32)', (c) => c.notNull())
    .addColumn('external_id', 'varchar(255)', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addUniqueConstraint('channel_identities_external_unique', ['workspace_id', 'channel', 'external_id'])
    .execute();

  await db.schema
    .createTable('conversations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('customer_id', 'varchar(36)', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('channel', 'varchar(32)', (c) => c.notNull())
    .addColumn('conversation_key', 'varchar(255)', (c) => c.notNull())
    .addColumn('state', 'varchar(16)', (c) =>
      c.notNull().check(sql`state in ('bot', 'waiting_agent', 'with_agent', 'closed')`),
    )
    .addColumn('language', 'varchar(8)')
    .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addColumn('last_message_at', time, (c) => c.notNull())
    .addUniqueConstraint('conversations_key_unique', ['workspace_id', 'channel', 'conversation_key'])
    .execute();
  await db.schema
    .createIndex('conversations_by_state')
    .on('conversations')
    // Without last_message_at: that column changes with every message, and each index holding it is rewritten.
    .columns(['workspace_id', 'state'])
    .execute();
  await db.schema
    .createIndex('conversations_by_activity')
    .on('conversations')
    .columns(['workspace_id', 'last_message_at'])
    .execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('conversation_id', 'varchar(36)', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('direction', 'varchar(3)', (c) => c.notNull().check(sql`direction in ('in', 'out')`))
    .addColumn('author', 'varchar(16)', (c) => c.notNull().check(sql`author in ('shopper', 'bot', 'agent')`))
    .addColumn('author_name', 'varchar(200)')
    .addColumn('channel', 'varchar(32)', (c) => c.notNull())
    .addColumn('channel_message_id', 'varchar(255)')
    .addColumn('language', 'varchar(8)')
    .addColumn('language_confidence', 'real')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('payload', 'text')
    .addColumn('status', 'varchar(16)', (c) =>
      c.notNull().check(sql`status in ('accepted', 'processed', 'pending', 'delivered', 'failed')`),
    )
    .addColumn('reply_to', 'varchar(36)')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('processed_at', time)
    .addColumn('delivered_at', time)
    .addUniqueConstraint('messages_seq_unique', ['conversation_id', 'seq'])
    .execute();
  // Partial: outgoing messages have no channel message id and need no entry in this index.
  await db.schema
    .createIndex('messages_channel_id_unique')
    .on('messages')
    .columns(['workspace_id', 'channel', 'channel_message_id'])
    .unique()
    .where(sql.ref('channel_message_id'), 'is not', null)
    .execute();
  // The worker's "what is left to do" lookups and the recovery sweep only ever look at unfinished messages.
  await db.schema
    .createIndex('messages_unfinished')
    .on('messages')
    .columns(['status', 'created_at'])
    .where(sql.ref('status'), 'in', ['accepted', 'pending'])
    .execute();
  // "What does this conversation still have to answer": exact and tiny, whatever the conversation's length.
  await db.schema
    .createIndex('messages_accepted_by_conversation')
    .on('messages')
    .columns(['conversation_id', 'seq'])
    .where(sql.ref('status'), '=', 'accepted')
    .execute();
}

/** Reverts the migration. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['messages', 'conversations', 'channel_identities', 'customers', 'api_tokens', 'workspaces']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
