/**
 * One-time codes that unlock a sensitive chat action sent to review: six random digits, sent to the e-mail on the
 * order. Only a hash is stored (`risk_verifications`), bound to the exact action (e.g. the new address) so a code
 * cannot unlock something else. A new code replaces the conversation's pending one; a conversation gets a few codes
 * an hour at most (so a chat cannot flood the order's owner with e-mails); too many wrong answers fail it for good.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { timeOrderedId, type Database, type RiskVerificationsTable } from '../../platform/database';

/** Settings of {@link VerificationCodes}. */
export interface VerificationCodeOptions {
  /** @defaultValue 15 minutes */
  ttlMs?: number;
  /** Wrong answers before the verification fails. @defaultValue 3 */
  maxAttempts?: number;
  /** Codes a conversation may be sent per hour. @defaultValue 3 */
  maxPerHour?: number;
}

/** What answering a code ended in. */
export type CodeAnswer =
  | { kind: 'passed'; verificationId: string; decisionId: string }
  | { kind: 'wrong'; remaining: number }
  | { kind: 'failed' }
  | { kind: 'expired' }
  /** No pending code for this action in the conversation. */
  | { kind: 'none' };

/** A conversation's latest verification, for the agents' view. */
export interface VerificationSummary {
  id: string;
  action: string;
  status: RiskVerificationsTable['status'];
  attempts: number;
  createdAt: number;
}

/** sha256 hex of a text. */
export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function codeHash(verificationId: string, code: string): string {
  return sha256(`${verificationId}:${code}`);
}

/** See the file comment. */
export class VerificationCodes {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: VerificationCodeOptions = {},
  ) {}

  get ttlMinutes(): number {
    return Math.round((this.options.ttlMs ?? 15 * 60_000) / 60_000);
  }

  /**
   * Creates a code for an action (replacing the conversation's pending one).
   * @returns the code to send, or `limited` when the conversation had its share of codes this hour.
   */
  async issue(
    input: { workspaceId: string; conversationId: string; decisionId: string; action: string; orderNumber?: string; payload: string; email: string },
    now = Date.now(),
  ): Promise<{ kind: 'issued'; id: string; code: string } | { kind: 'limited' }> {
    const recent = await this.db
      .selectFrom('risk_verifications')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('conversation_id', '=', input.conversationId)
      .where('created_at', '>', now - 3_600_000)
      .executeTakeFirst();
    if (Number(recent?.n ?? 0) >= (this.options.maxPerHour ?? 3)) return { kind: 'limited' };
    const id = timeOrderedId(now);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    await this.db.transaction().execute(async (trx) => {
      await trx.updateTable('risk_verifications').set({ status: 'superseded', updated_at: now }).where('conversation_id', '=', input.conversationId).where('status', '=', 'pending').execute();
      await trx
        .insertInto('risk_verifications')
        .values({
          id,
          workspace_id: input.workspaceId,
          conversation_id: input.conversationId,
          decision_id: input.decisionId,
          action: input.action,
          order_number: input.orderNumber ?? null,
          payload_hash: sha256(input.payload),
          code_hash: codeHash(id, code),
          email: input.email,
          attempts: 0,
          status: 'pending',
          closed_message_id: null,
          expires_at: now + (this.options.ttlMs ?? 15 * 60_000),
          created_at: now,
          updated_at: now,
        })
        .execute();
    });
    return { kind: 'issued', id, code };
  }

  /** The pending verification of a decision (a retried turn finds the code it already sent). */
  async pendingFor(decisionId: string): Promise<Selectable<RiskVerificationsTable> | undefined> {
    return this.db.selectFrom('risk_verifications').selectAll().where('decision_id', '=', decisionId).where('status', '=', 'pending').executeTakeFirst();
  }

  /** Checks a typed code against the conversation's pending code for exactly this action. */
  async answer(input: { conversationId: string; payload: string; code: string; messageId: string }, now = Date.now()): Promise<CodeAnswer> {
    const row = await this.db
      .selectFrom('risk_verifications')
      .selectAll()
      .where('conversation_id', '=', input.conversationId)
      .where('status', '=', 'pending')
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!row || row.payload_hash !== sha256(input.payload)) return { kind: 'none' };
    if (Number(row.expires_at) <= now) {
      await this.close(row.id, 'superseded', input.messageId, now);
      return { kind: 'expired' };
    }
    const expected = Buffer.from(row.code_hash, 'hex');
    const given = Buffer.from(codeHash(row.id, input.code.trim()), 'hex');
    if (expected.length === given.length && timingSafeEqual(expected, given)) {
      // Compare-and-set: a code answered twice at once (two tabs) unlocks the action once.
      return (await this.close(row.id, 'passed', input.messageId, now)) ? { kind: 'passed', verificationId: row.id, decisionId: row.decision_id } : { kind: 'none' };
    }
    const attempts = Number(row.attempts) + 1;
    const max = this.options.maxAttempts ?? 3;
    if (attempts >= max) {
      await this.db.updateTable('risk_verifications').set({ attempts, status: 'failed', closed_message_id: input.messageId, updated_at: now }).where('id', '=', row.id).where('status', '=', 'pending').execute();
      return { kind: 'failed' };
    }
    await this.db.updateTable('risk_verifications').set({ attempts, updated_at: now }).where('id', '=', row.id).where('status', '=', 'pending').execute();
    return { kind: 'wrong', remaining: max - attempts };
  }

  private async close(id: string, status: 'passed' | 'superseded', messageId: string, now: number): Promise<boolean> {
    const result = await this.db.updateTable('risk_verifications').set({ status, closed_message_id: messageId, updated_at: now }).where('id', '=', id).where('status', '=', 'pending').executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** The action whose verification this message failed, if it did (the handoff it caused is a risk review). */
  async failedAt(conversationId: string, messageId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('risk_verifications').select('action').where('conversation_id', '=', conversationId).where('closed_message_id', '=', messageId).where('status', '=', 'failed').executeTakeFirst();
    return row?.action;
  }

  /** The conversation's latest verification. */
  async latest(conversationId: string): Promise<VerificationSummary | undefined> {
    const row = await this.db.selectFrom('risk_verifications').selectAll().where('conversation_id', '=', conversationId).orderBy('created_at', 'desc').limit(1).executeTakeFirst();
    return row ? { id: row.id, action: row.action, status: row.status, attempts: Number(row.attempts), createdAt: Number(row.created_at) } : undefined;
  }
}
