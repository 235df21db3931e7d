/**
 * The e-mail relay (risk/chat/email-relay.ts) sends `risk_email_outbox` rows over SMTP: each row gets its attempt
 * count, when to try next (backoff after a temporary refusal), the last error, and when it was given up (a permanent
 * refusal or too many attempts), so an operator can see why an e-mail never left.
 */
import { type Kysely } from 'kysely';

/** Applies the migration (one column per statement: SQLite adds columns one at a time). */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('risk_email_outbox').addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.alterTable('risk_email_outbox').addColumn('next_attempt_at', 'bigint').execute();
  await db.schema.alterTable('risk_email_outbox').addColumn('last_error', 'varchar(500)').execute();
  await db.schema.alterTable('risk_email_outbox').addColumn('failed_at', 'bigint').execute();
}

/** Reverts the migration. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['failed_at', 'last_error', 'next_attempt_at', 'attempts']) {
    await db.schema.alterTable('risk_email_outbox').dropColumn(column).execute();
  }
}
