/**
 * What the WhatsApp and Bot Framework channels need to remember:
 * - `channel_deliveries`: each part of an outgoing message sent to a channel (a reply may be several provider
 *   messages: text, then an image per product), with the provider's message id and its delivery receipts. A retried
 *   delivery skips the parts already sent, and a provider's status callback finds the part by provider id.
 * - `conversations.channel_address`: how to reach the conversation again (Bot Framework's conversation reference),
 *   written by the adapter on inbound messages, read for proactive sends (agent replies, notifications).
 * - `conversations.last_inbound_at`: the shopper's last message (WhatsApp's 24-hour customer-service window).
 * - `handoffs.intent`: what the shopper wanted when the bot handed over (the thread's summary names it).
 * - `customers.email_verified_at`: the identity link across channels (a shopper who proves an e-mail on one channel
 *   joins the customer record that e-mail already has).
 */
import { sql, type Kysely } from 'kysely';

/** Applies the migration. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const time = 'bigint';
  await db.schema
    .createTable('channel_deliveries')
    .addColumn('message_id', 'varchar(36)', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('part', 'integer', (c) => c.notNull())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('channel', 'varchar(32)', (c) => c.notNull())
    .addColumn('provider_message_id', 'varchar(255)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull().check(sql`status in ('sent', 'delivered', 'read', 'failed')`))
    .addColumn('error', 'varchar(1000)')
    .addColumn('sent_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .addPrimaryKeyConstraint('channel_deliveries_pk', ['message_id', 'part'])
    .execute();
  await db.schema.createIndex('channel_deliveries_provider').on('channel_deliveries').columns(['channel', 'provider_message_id']).execute();
  await db.schema.alterTable('conversations').addColumn('channel_address', 'text').execute();
  await db.schema.alterTable('conversations').addColumn('last_inbound_at', time).execute();
  await db.schema.alterTable('customers').addColumn('email_verified_at', time).execute();
  await db.schema.alterTable('handoffs').addColumn('intent', 'varchar(64)').execute();
}

/** Reverts the migration. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('handoffs').dropColumn('intent').execute();
  await db.schema.alterTable('customers').dropColumn('email_verified_at').execute();
  await db.schema.alterTable('conversations').dropColumn('last_inbound_at').execute();
  await db.schema.alterTable('conversations').dropColumn('channel_address').execute();
  await db.schema.dropTable('channel_deliveries').execute();
}
