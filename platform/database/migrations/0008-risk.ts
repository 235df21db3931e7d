/**
 * Risk scoring in the platform:
 * - `risk_decisions`: every decision the scorer made (audit log): the workspace, the subject (customer, order), the
 *   action, score, decision, reasons and rule hits, the model version, where it came from (`api`, `chat`, `demo`)
 *   and the request itself, which is also what retraining replays. Kept when a conversation goes away (no foreign
 *   key to it); only the workspace cascades.
 * - `risk_labels`: outcomes (`chargeback`, `not_received_claim`, `agent_fraud`, `agent_legit`) of an order or a
 *   customer, the labels retraining learns from. A caller's own outcome id makes a repeated call count once.
 * - `risk_settings`: a workspace's rules and thresholds (JSON).
 * - `risk_verifications`: one-time codes sent to the e-mail on an order before a sensitive chat action goes ahead
 *   (only a hash of the code is kept), with their attempts and outcome.
 * - `risk_email_outbox`: e-mails the platform has to send (the codes) when no mail transport is configured: an
 *   operator's relay reads and marks them; nothing is lost.
 */
import { sql, type Kysely } from 'kysely';

const SOURCES = ['api', 'chat', 'demo'] as const;
const DECISIONS = ['approve', 'review', 'decline'] as const;
const LABELS = ['chargeback', 'not_received_claim', 'agent_fraud', 'agent_legit'] as const;
const VERIFICATION_STATES = ['pending', 'passed', 'failed', 'superseded'] as const;

/** Applies the migration. Written once for both engines: only portable types and constraints are used. */
export async function up(db: Kysely<unknown>): Promise<void> {
  const time = 'bigint';
  // Frozen here on purpose: a migration must not change when the application's lists change later.
  const list = (values: readonly string[]) => sql.join(values.map((value) => sql.lit(value)));

  await db.schema
    .createTable('risk_decisions')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('event_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('source', 'varchar(8)', (c) => c.notNull().check(sql`source in (${list(SOURCES)})`))
    .addColumn('action', 'varchar(32)', (c) => c.notNull())
    .addColumn('customer_id', 'varchar(200)', (c) => c.notNull())
    .addColumn('order_number', 'varchar(64)')
    .addColumn('conversation_id', 'varchar(36)')
    .addColumn('message_id', 'varchar(36)')
    .addColumn('score', 'double precision')
    .addColumn('decision', 'varchar(8)', (c) => c.notNull().check(sql`decision in (${list(DECISIONS)})`))
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('model_version', 'varchar(64)', (c) => c.notNull())
    // What the chat did with the decision: `proceed`, `verify` (a one-time code was sent), `handoff`.
    .addColumn('outcome', 'varchar(16)')
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('at', time, (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .execute();
  // Retraining reads a workspace's decisions in time order; the chat finds a turn's decision again by its event id.
  await db.schema.createIndex('risk_decisions_by_time').on('risk_decisions').columns(['workspace_id', 'at']).execute();
  await db.schema.createIndex('risk_decisions_by_event').on('risk_decisions').columns(['workspace_id', 'event_id']).execute();
  await db.schema.createIndex('risk_decisions_by_order').on('risk_decisions').columns(['workspace_id', 'order_number']).execute();
  await db.schema.createIndex('risk_decisions_by_conversation').on('risk_decisions').columns(['conversation_id', 'created_at']).execute();

  await db.schema
    .createTable('risk_labels')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('external_id', 'varchar(200)')
    .addColumn('kind', 'varchar(24)', (c) => c.notNull().check(sql`kind in (${list(LABELS)})`))
    .addColumn('order_number', 'varchar(64)')
    .addColumn('customer_id', 'varchar(200)')
    .addColumn('note', 'varchar(1000)')
    .addColumn('created_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('at', time, (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addCheckConstraint('risk_labels_subject', sql`order_number is not null or customer_id is not null`)
    .execute();
  await db.schema.createIndex('risk_labels_external').unique().on('risk_labels').columns(['workspace_id', 'external_id']).execute();
  await db.schema.createIndex('risk_labels_by_time').on('risk_labels').columns(['workspace_id', 'at']).execute();

  await db.schema
    .createTable('risk_settings')
    .addColumn('workspace_id', 'varchar(36)', (c) => c.primaryKey().references('workspaces.id').onDelete('cascade'))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(200)', (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('risk_verifications')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('conversation_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('decision_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('action', 'varchar(32)', (c) => c.notNull())
    .addColumn('order_number', 'varchar(64)')
    .addColumn('payload_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'varchar(12)', (c) => c.notNull().check(sql`status in (${list(VERIFICATION_STATES)})`))
    .addColumn('closed_message_id', 'varchar(36)')
    .addColumn('expires_at', time, (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('updated_at', time, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('risk_verifications_by_conversation').on('risk_verifications').columns(['conversation_id', 'status']).execute();

  await db.schema
    .createTable('risk_email_outbox')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('workspace_id', 'varchar(36)', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
    .addColumn('to_address', 'varchar(320)', (c) => c.notNull())
    .addColumn('subject', 'varchar(300)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('purpose', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_at', time, (c) => c.notNull())
    .addColumn('sent_at', time)
    .execute();
  await db.schema.createIndex('risk_email_outbox_unsent').on('risk_email_outbox').columns(['sent_at', 'created_at']).execute();
}

/** Reverts the migration. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('risk_email_outbox').execute();
  await db.schema.dropTable('risk_verifications').execute();
  await db.schema.dropTable('risk_settings').execute();
  await db.schema.dropTable('risk_labels').execute();
  await db.schema.dropTable('risk_decisions').execute();
}
