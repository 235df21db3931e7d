/**
 * Where a Bot Framework conversation can be reached again: its conversation reference (service URL, conversation,
 * bot and user accounts), kept in `conversations.channel_address`. The inbound side writes it before the message is
 * accepted, so a reply can never be queued for a conversation whose address is unknown; the outbound side reads it
 * for every proactive send (bot replies and agent replies alike).
 */
import type { ConversationReference } from 'botbuilder';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../../../platform/database';

const accountSchema = z.looseObject({ id: z.string().min(1), name: z.string().optional() });

/** What a stored reference must hold to be sent to. */
const referenceSchema = z.looseObject({
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  conversation: z.looseObject({ id: z.string().min(1) }),
  bot: accountSchema,
  user: accountSchema.optional(),
  locale: z.string().optional(),
});

/** A conversation reference as stored: without the activity id, which changes with every message. */
export type StoredReference = Omit<ConversationReference, 'activityId'>;

/** The JSON to store for `reference`. The activity id is left out: proactive messages are not replies to one. */
export function serializeReference(reference: Partial<ConversationReference>): string {
  const stored = { ...reference };
  delete stored.activityId;
  return JSON.stringify(stored);
}

/** The reference in `json`, or undefined when it is missing or unusable. */
export function parseReference(json: string | null | undefined): StoredReference | undefined {
  if (!json) return undefined;
  try {
    const parsed = referenceSchema.safeParse(JSON.parse(json));
    return parsed.success ? (parsed.data as unknown as StoredReference) : undefined;
  } catch {
    return undefined;
  }
}

/** Reads and writes conversation references; see the file comment. */
export class ConversationAddressStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Stores `reference` for the conversation unless `current` (the stored JSON, when the caller has it) already
   * says the same, sparing a write on every message of a long conversation.
   */
  async save(conversationId: string, reference: Partial<ConversationReference>, current?: string | null): Promise<void> {
    const json = serializeReference(reference);
    if (json === current) return;
    await this.db.updateTable('conversations').set({ channel_address: json }).where('id', '=', conversationId).execute();
  }

  /** The conversation's reference, or undefined when it has none (never written, or unreadable). */
  async load(conversationId: string): Promise<StoredReference | undefined> {
    const row = await this.db.selectFrom('conversations').select('channel_address').where('id', '=', conversationId).executeTakeFirst();
    return parseReference(row?.channel_address);
  }
}
