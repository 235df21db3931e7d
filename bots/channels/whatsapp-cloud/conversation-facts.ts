/**
 * The few facts about a conversation the WhatsApp adapter needs beyond the message it delivers: the shopper's and
 * the store's names (for the re-engagement template) and the shopper's last WhatsApp message id (the typing indicator
 * is attached to it). Read-only queries; the conversation store remains the only writer.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../platform/database';

const STORE_NAME_CACHE_MS = 60_000;

/** See the file comment. */
export class ConversationFacts {
  private readonly storeNames = new Map<string, { name: string; until: number }>();

  constructor(private readonly db: Kysely<Database>) {}

  /** The shopper's display name (their WhatsApp profile name at first contact), if known. */
  async shopperName(customerId: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('customers').select('display_name').where('id', '=', customerId).executeTakeFirst();
    return row?.display_name?.trim() || undefined;
  }

  /** The store's (workspace's) display name; cached for a minute. */
  async storeName(workspaceId: string): Promise<string> {
    const cached = this.storeNames.get(workspaceId);
    if (cached && cached.until > Date.now()) return cached.name;
    const row = await this.db.selectFrom('workspaces').select('name').where('id', '=', workspaceId).executeTakeFirst();
    const name = row?.name ?? '';
    this.storeNames.set(workspaceId, { name, until: Date.now() + STORE_NAME_CACHE_MS });
    return name;
  }

  /** The provider id of the shopper's most recent message in the conversation. */
  async lastInboundMessageId(conversationId: string): Promise<string | undefined> {
    const row = await this.db
      .selectFrom('messages')
      .select('channel_message_id')
      .where('conversation_id', '=', conversationId)
      .where('direction', '=', 'in')
      .where('channel_message_id', 'is not', null)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return row?.channel_message_id ?? undefined;
  }
}
