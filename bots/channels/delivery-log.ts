/**
 * The parts of outgoing messages as sent to channels, with the providers' ids and receipts (table
 * `channel_deliveries`). The outbound queue retries a failed delivery as a whole; {@link DeliveryLog.sendParts} skips
 * the parts an earlier attempt already sent, so a reply of text + three product images that failed on the third
 * image does not repeat the first two. Receipts (delivered, read, failed) arrive later from the provider and find
 * their part by the provider's message id.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/database';
import { isUniqueViolation } from '../../platform/database';
import type { StoredMessage } from '../runtime/conversation-store';
import type { OutboundPart } from './channel-adapter';

/** A receipt's status; later states never go back (a late "delivered" after "read" is ignored). */
export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

const RANK: Record<DeliveryStatus, number> = { sent: 0, delivered: 1, read: 2, failed: 3 };

/** One recorded part. */
export interface DeliveredPart {
  messageId: string;
  part: number;
  providerMessageId: string | null;
  status: DeliveryStatus;
}

/** See the file comment. */
export class DeliveryLog {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Sends the parts of `message` that no earlier attempt sent, in order, recording each one right after the
   * provider accepted it. `send` returns the provider's message id (or null when the channel has none).
   */
  async sendParts(message: Pick<StoredMessage, 'id' | 'workspace_id' | 'channel'>, parts: readonly OutboundPart[], send: (part: OutboundPart, index: number) => Promise<string | null>): Promise<void> {
    const done = new Set((await this.parts(message.id)).map((row) => row.part));
    for (const [index, part] of parts.entries()) {
      if (done.has(index)) continue;
      const providerMessageId = await send(part, index);
      await this.recordSent({ messageId: message.id, part: index, workspaceId: message.workspace_id, channel: message.channel, providerMessageId });
    }
  }

  /** Records a sent part (idempotent: a second record of the same part is ignored). */
  async recordSent(input: { messageId: string; part: number; workspaceId: string; channel: string; providerMessageId: string | null; at?: number }): Promise<void> {
    const at = input.at ?? Date.now();
    try {
      await this.db
        .insertInto('channel_deliveries')
        .values({
          message_id: input.messageId,
          part: input.part,
          workspace_id: input.workspaceId,
          channel: input.channel,
          provider_message_id: input.providerMessageId,
          status: 'sent',
          error: null,
          sent_at: at,
          updated_at: at,
        })
        .execute();
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }

  /**
   * Applies a provider's receipt. Returns the part it belongs to, or undefined when the id is unknown (a message
   * sent from the phone itself, or a receipt for another platform sharing the number).
   */
  async recordStatus(channel: string, providerMessageId: string, status: DeliveryStatus, error?: string, at: number = Date.now()): Promise<DeliveredPart | undefined> {
    const row = await this.db
      .selectFrom('channel_deliveries')
      .selectAll()
      .where('channel', '=', channel)
      .where('provider_message_id', '=', providerMessageId)
      .executeTakeFirst();
    if (!row) return undefined;
    if (RANK[status] > RANK[row.status]) {
      await this.db
        .updateTable('channel_deliveries')
        .set({ status, updated_at: at, error: error ? error.slice(0, 1000) : row.error })
        .where('message_id', '=', row.message_id)
        .where('part', '=', row.part)
        .execute();
      return { messageId: row.message_id, part: row.part, providerMessageId, status };
    }
    return { messageId: row.message_id, part: row.part, providerMessageId, status: row.status };
  }

  /** The recorded parts of a message, in order. */
  async parts(messageId: string): Promise<DeliveredPart[]> {
    const rows = await this.db.selectFrom('channel_deliveries').selectAll().where('message_id', '=', messageId).orderBy('part').execute();
    return rows.map((row) => ({ messageId: row.message_id, part: row.part, providerMessageId: row.provider_message_id, status: row.status }));
  }
}
