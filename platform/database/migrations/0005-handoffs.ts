/**
 * Handoffs to people: one row per time a conversation was handed to the agents (why, which Slack thread carries it,
 * who claimed it, when it was resolved), so the thread <-> conversation mapping and the waiting times survive restarts;
 * and the workspace's agents, matched across tools by e-mail (a Slack user is the agent with their Slack e-mail).
 */
import { sql, type Kysely } from 'kysely';

/** Applies the migration. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const time = 'bigint';
  await db.schema
    .createTable('agents')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('display_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('slack_user_id', 'varchar(64)')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('last_seen_at', time, (c) => c.notNull())
    .addUniqueConstraint('agents_email', ['workspace_id', 'email'])
    .execute();
  await db.schema
    .createTable('handoffs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('conversation_id', 'varchar(36)', (c) => c.notNull().references('conversations.id').onDelete('cascade'))
    .addColumn('status', 'varchar(16)', (c) => c.notNull().check(sql`status in ('waiting', 'claimed', 'resolved')`))
    // Why the bot handed over: `asked`, `complaint`, `frustration`, `not_understood`, `risk_review`.
    .addColumn('reason', 'varchar(32)', (c) => c.notNull())
    .addColumn('slack_channel', 'varchar(64)')
    // `ts` of the thread's root message; null until it is posted (the post goes through a retried queue).
    .addColumn('slack_thread_ts', 'varchar(32)')
    .addColumn('agent_id', 'varchar(36)', (c) => c.references('agents.id').onDelete('set null'))
    .addColumn('agent_slack_id', 'varchar(64)')
    .addColumn('agent_name', 'varchar(200)')
    .addColumn('agent_email', 'varchar(320)')
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('claimed_at', time)
    .addColumn('resolved_at', time)
    .addColumn('reminded_at', time)
    .execute();
  // At most one open handoff per conversation (escalating twice reuses it).
  await sql`create unique index handoffs_one_open on handoffs (conversation_id) where status <> 'resolved'`.execute(db);
  await db.schema.createIndex('handoffs_thread').on('handoffs').columns(['slack_channel', 'slack_thread_ts']).execute();
  await db.schema.createIndex('handoffs_waiting').on('handoffs').columns(['status', 'created_at']).execute();
}

/** Reverts the migration. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('handoffs').execute();
  await db.schema.dropTable('agents').execute();
}
