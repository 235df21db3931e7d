/**
 * Persistence of customers, conversations and messages: the only module that writes them. Every method is one
 * short transaction, so the SQLite default and PostgreSQL behave the same.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import {
  isUniqueViolation,
  timeOrderedId,
  WriteBatcher,
  type ConversationState,
  type DatabaseEngine,
  type ConversationsTable,
  type Database,
  type MessagesTable,
} from '../../platform/database';
import { createHotQueries, type HotQueries } from './hot-queries';
import type { MessageAuthor, Reply } from './reply';

/** A conversation row. */
export type Conversation = Selectable<ConversationsTable>;
/** A message row. */
export type StoredMessage = Selectable<MessagesTable>;

/** Who writes, as the channel knows them. */
export interface ChannelSender {
  /** The channel's id for the person (phone number, Teams user id, widget identity hash). */
  externalId: string;
  displayName?: string;
}

/**
 * Something a shopper sent besides text: a photo, file or voice note (kept under `channels.mediaDir` when it could
 * be), a shared location, or a kind of message the bot cannot read. The message's `text` describes it for people
 * (`[image] caption`); the runtime answers it politely (skills/attachment-skill.ts) and understands only the caption.
 */
export interface InboundAttachment {
  kind: 'image' | 'video' | 'audio' | 'voice' | 'document' | 'sticker' | 'location' | 'unsupported';
  mimeType?: string;
  /** The text the shopper sent with it, if any. */
  caption?: string;
  /** The name a document was sent with. */
  filename?: string;
  /** Where the file was kept, relative to `channels.mediaDir`. */
  file?: string;
  /** The file's size in bytes, when the channel announced it or the file was kept. */
  bytes?: number;
  /**
   * Where the channel itself keeps the file, for a channel whose files the platform does not download (Bot
   * Framework's `contentUrl`): a reference for the team, which may need the bot's credentials and may expire.
   */
  url?: string;
  /** Why the file was not kept (nor a reference to it). */
  notKept?: 'too_large' | 'unavailable';
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  /** For `unsupported`: the channel's name for the kind of message (`contacts`, `order`, ...). */
  providerType?: string;
  /**
   * More files sent in the same message, for channels that allow several (Bot Framework): described like this one,
   * which is the first. The bot answers the message once.
   */
  others?: InboundAttachment[];
}

/** A message as a channel adapter hands it over, after normalisation. */
export interface InboundMessage {
  workspaceId: string;
  channel: string;
  /** The channel's key for the conversation (a chat id, a widget identity). */
  conversationKey: string;
  sender: ChannelSender;
  /** The channel's id of this message; a second message with the same id is a duplicate. */
  channelMessageId: string;
  text: string;
  /** Payload of the quick reply the shopper pressed, if any. */
  quickReplyPayload?: string;
  /** The shopper's locale as the channel reports it (`es-MX`), a hint for the reply language. */
  locale?: string;
  /** What the shopper sent besides text, if anything. */
  attachment?: InboundAttachment;
  /** Epoch milliseconds when the platform received it. */
  receivedAt: number;
}

/** Result of {@link ConversationStore.acceptInbound}. */
export interface AcceptResult {
  message: StoredMessage;
  conversation: Conversation;
  /** True when the message had been accepted before; nothing was written. */
  duplicate: boolean;
}

/** One outgoing message to store as part of a turn. */
export interface OutgoingMessage {
  reply: Reply;
  author: MessageAuthor;
  authorName?: string;
}

/** Everything a processed inbound message changes, written atomically by {@link ConversationStore.completeTurn}. */
export interface TurnResult {
  inboundId: string;
  conversationId: string;
  workspaceId: string;
  channel: string;
  language: string | null;
  languageConfidence: number | null;
  conversationLanguage: string | null;
  nextState?: ConversationState;
  /** The dialogue memory after this turn (JSON, or null to forget); undefined keeps it as it is. */
  dialogue?: string | null;
  replies: OutgoingMessage[];
  at: number;
}

/** Payload stored with a message (JSON column). */
export interface MessagePayload {
  quickReplyPayload?: string;
  /** The shopper's browser/app locale when the message was sent (a language hint). */
  locale?: string;
  /** What a shopper's message carried besides text. */
  attachment?: InboundAttachment;
  quickReplies?: Reply['quickReplies'];
  cards?: Reply['cards'];
  notice?: Reply['notice'];
}

/** Parses the JSON payload column. */
export function messagePayload(message: Pick<StoredMessage, 'payload'>): MessagePayload {
  return message.payload ? (JSON.parse(message.payload) as MessagePayload) : {};
}

function replyPayload(reply: Reply): string | null {
  const payload: MessagePayload = {};
  if (reply.quickReplies?.length) payload.quickReplies = reply.quickReplies;
  if (reply.cards?.length) payload.cards = reply.cards;
  if (reply.notice) payload.notice = reply.notice;
  return Object.keys(payload).length ? JSON.stringify(payload) : null;
}

function inboundPayload(message: InboundMessage): string | null {
  const payload: MessagePayload = {};
  if (message.quickReplyPayload) payload.quickReplyPayload = message.quickReplyPayload;
  if (message.locale) payload.locale = message.locale;
  if (message.attachment) payload.attachment = message.attachment;
  return Object.keys(payload).length ? JSON.stringify(payload) : null;
}

/** Reads and writes conversations and their messages. */
export class ConversationStore {
  private readonly writes: WriteBatcher;
  private readonly hot: HotQueries = createHotQueries();

  /** @param engine `sqlite` turns on group commit of the hot-path writes (see WriteBatcher). */
  constructor(
    private readonly db: Kysely<Database>,
    engine: DatabaseEngine = 'postgres',
  ) {
    this.writes = new WriteBatcher(db, engine);
  }

  /** Finds the conversation for a channel key, creating the customer, identity and conversation on first contact. */
  async resolveConversation(input: {
    workspaceId: string;
    channel: string;
    conversationKey: string;
    sender: ChannelSender;
    language?: string | null;
    now?: number;
  }): Promise<Conversation> {
    const existing = await this.findConversationByKey(input.workspaceId, input.channel, input.conversationKey);
    if (existing) return existing;
    const now = input.now ?? Date.now();
    try {
      return await this.db.transaction().execute(async (trx) => {
        const customerId = await this.resolveCustomer(trx, input, now);
        const conversation = {
          id: timeOrderedId(),
          workspace_id: input.workspaceId,
          customer_id: customerId,
          channel: input.channel,
          conversation_key: input.conversationKey,
          state: 'bot' as const,
          language: input.language ?? null,
          created_at: now,
          updated_at: now,
          last_message_at: now,
          dialogue: null,
          channel_address: null,
          last_inbound_at: null,
        };
        await trx.insertInto('conversations').values(conversation).execute();
        return { ...conversation, last_seq: 0 };
      });
    } catch (error) {
      // Two processes created it at the same moment: the other one won, use its row.
      if (!isUniqueViolation(error)) throw error;
      const winner = await this.findConversationByKey(input.workspaceId, input.channel, input.conversationKey);
      if (!winner) throw error;
      return winner;
    }
  }

  private async resolveCustomer(
    trx: Transaction<Database>,
    input: { workspaceId: string; channel: string; sender: ChannelSender },
    now: number,
  ): Promise<string> {
    const identity = await trx
      .selectFrom('channel_identities')
      .select('customer_id')
      .where('workspace_id', '=', input.workspaceId)
      .where('channel', '=', input.channel)
      .where('external_id', '=', input.sender.externalId)
      .executeTakeFirst();
    if (identity) return identity.customer_id;
    const customerId = timeOrderedId();
    await trx
      .insertInto('customers')
      .values({
        id: customerId,
        workspace_id: input.workspaceId,
        display_name: input.sender.displayName ?? null,
        email: null,
        phone: null,
        created_at: now,
      })
      .execute();
    await trx
      .insertInto('channel_identities')
      .values({
        id: timeOrderedId(),
        workspace_id: input.workspaceId,
        customer_id: customerId,
        channel: input.channel,
        external_id: input.sender.externalId,
        created_at: now,
      })
      .execute();
    return customerId;
  }

  /** The conversation with this channel key, if any. */
  findConversationByKey(workspaceId: string, channel: string, conversationKey: string): Promise<Conversation | undefined> {
    return this.db
      .selectFrom('conversations')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('channel', '=', channel)
      .where('conversation_key', '=', conversationKey)
      .executeTakeFirst();
  }

  /** The conversation with this id, if any. */
  async getConversation(id: string): Promise<Conversation | undefined> {
    return (await this.hot.conversationById.execute(this.db, { id })).rows[0] as Conversation | undefined;
  }

  /** The message with this id, if any. */
  async getMessage(id: string): Promise<StoredMessage | undefined> {
    return (await this.hot.messageById.execute(this.db, { id })).rows[0] as StoredMessage | undefined;
  }

  /**
   * Persists an inbound message with the next sequence number of its conversation, unless a message with the same
   * channel message id was accepted before (then returns that one with `duplicate: true`).
   */
  async acceptInbound(message: InboundMessage, conversation: Conversation): Promise<AcceptResult> {
    const findDuplicate = () =>
      this.db
        .selectFrom('messages')
        .selectAll()
        .where('workspace_id', '=', message.workspaceId)
        .where('channel', '=', message.channel)
        .where('channel_message_id', '=', message.channelMessageId)
        .executeTakeFirst();
    // The unique index on the channel message id is the duplicate check: no read before the write.
    try {
      return await this.writes.run(async (trx) => {
        const bumped = await this.hot.bumpSequence.execute(trx, { id: conversation.id, at: message.receivedAt });
        const counter = bumped.rows[0] as Conversation | undefined;
        if (!counter) throw new Error(`Conversation ${conversation.id} does not exist`);
        const row: StoredMessage = {
          id: timeOrderedId(),
          workspace_id: message.workspaceId,
          conversation_id: conversation.id,
          seq: counter.last_seq,
          direction: 'in',
          author: 'shopper',
          author_name: message.sender.displayName ?? null,
          channel: message.channel,
          channel_message_id: message.channelMessageId,
          language: null,
          language_confidence: null,
          text: message.text,
          payload: inboundPayload(message),
          status: 'accepted',
          reply_to: null,
          created_at: message.receivedAt,
          processed_at: null,
          delivered_at: null,
        };
        await this.hot.insertMessage.execute(trx, row);
        return { message: row, conversation: counter, duplicate: false };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const winner = await findDuplicate();
      if (!winner) throw error;
      return { message: winner, conversation, duplicate: true };
    }
  }

  /** Inbound messages of a conversation still waiting to be processed, oldest first. */
  async pendingInbound(conversationId: string): Promise<StoredMessage[]> {
    return (await this.hot.pendingInbound.execute(this.db, { conversationId })).rows as StoredMessage[];
  }

  /**
   * Marks an inbound message processed and stores the replies (with fresh sequence numbers) and the conversation's
   * new language and state, all in one transaction: a crash leaves either everything or nothing.
   * @returns the stored replies, or an empty list when another worker completed this message first.
   */
  async completeTurn(turn: TurnResult): Promise<StoredMessage[]> {
    return this.writes.run(async (trx) => {
      const marked = await this.hot.markProcessed.execute(trx, {
        id: turn.inboundId,
        at: turn.at,
        language: turn.language,
        confidence: turn.languageConfidence,
      });
      if (Number(marked.numAffectedRows ?? 0) === 0) return [];
      const updated = await this.hot.completeConversationTurn.execute(trx, {
        id: turn.conversationId,
        count: turn.replies.length,
        at: turn.at,
        language: turn.conversationLanguage,
        state: turn.nextState ?? null,
        setDialogue: turn.dialogue === undefined ? 0 : 1,
        dialogue: turn.dialogue ?? null,
      });
      const counter = updated.rows[0] as { last_seq: number } | undefined;
      if (!counter) throw new Error(`Conversation ${turn.conversationId} does not exist`);
      const firstSeq = counter.last_seq - turn.replies.length + 1;
      const rows = turn.replies.map(
        (outgoing, index): StoredMessage => ({
          id: timeOrderedId(),
          workspace_id: turn.workspaceId,
          conversation_id: turn.conversationId,
          seq: firstSeq + index,
          direction: 'out',
          author: outgoing.author,
          author_name: outgoing.authorName ?? null,
          channel: turn.channel,
          channel_message_id: null,
          language: outgoing.reply.language,
          language_confidence: null,
          text: outgoing.reply.text,
          payload: replyPayload(outgoing.reply),
          status: 'pending',
          reply_to: turn.inboundId,
          created_at: turn.at,
          processed_at: turn.at,
          delivered_at: null,
        }),
      );
      for (const row of rows) await this.hot.insertMessage.execute(trx, row);
      return rows;
    });
  }

  /**
   * Stores a message not caused by an inbound one (an agent's reply, a notification) with the next sequence number.
   */
  async appendOutgoing(input: {
    conversation: Pick<Conversation, 'id' | 'workspace_id' | 'channel'>;
    outgoing: OutgoingMessage;
    nextState?: ConversationState;
    at?: number;
    /** The source's id of the message (e.g. a Slack reply's ts): storing the same one twice fails with a unique violation. */
    channelMessageId?: string;
  }): Promise<StoredMessage> {
    const at = input.at ?? Date.now();
    return this.writes.run(async (trx) => {
      const counter = await trx
        .updateTable('conversations')
        .set((eb) => ({
          last_seq: eb('last_seq', '+', 1),
          updated_at: at,
          last_message_at: at,
          ...(input.nextState ? { state: input.nextState } : {}),
        }))
        .where('id', '=', input.conversation.id)
        .returning('last_seq')
        .executeTakeFirstOrThrow();
      const row: StoredMessage = {
        id: timeOrderedId(),
        workspace_id: input.conversation.workspace_id,
        conversation_id: input.conversation.id,
        seq: counter.last_seq,
        direction: 'out',
        author: input.outgoing.author,
        author_name: input.outgoing.authorName ?? null,
        channel: input.conversation.channel,
        channel_message_id: input.channelMessageId ?? null,
        language: input.outgoing.reply.language,
        language_confidence: null,
        text: input.outgoing.reply.text,
        payload: replyPayload(input.outgoing.reply),
        status: 'pending',
        reply_to: null,
        created_at: at,
        processed_at: at,
        delivered_at: null,
      };
      await trx.insertInto('messages').values(row).execute();
      return row;
    });
  }

  /** Changes who owns the conversation. */
  async setState(conversationId: string, state: ConversationState, at = Date.now()): Promise<void> {
    await this.db.updateTable('conversations').set({ state, updated_at: at }).where('id', '=', conversationId).execute();
  }

  /** Records a successful delivery (idempotent). */
  async markDelivered(messageId: string, at = Date.now()): Promise<void> {
    await this.writes.run((trx) => this.hot.markDelivered.execute(trx, { id: messageId, at }));
  }

  /** Records the delivery of several messages with one statement (idempotent). */
  async markDeliveredMany(messageIds: readonly string[], at = Date.now()): Promise<void> {
    if (messageIds.length === 0) return;
    if (messageIds.length === 1) return this.markDelivered(messageIds[0] as string, at);
    await this.writes.run((trx) =>
      trx
        .updateTable('messages')
        .set({ status: 'delivered', delivered_at: at })
        .where('id', 'in', messageIds)
        .where('status', '=', 'pending')
        .execute(),
    );
  }

  /** Records that delivery gave up after its last attempt. */
  async markFailed(messageId: string): Promise<void> {
    await this.db.updateTable('messages').set({ status: 'failed' }).where('id', '=', messageId).where('status', '=', 'pending').execute();
  }

  /** Messages of a conversation, newest `limit` before `beforeSeq` (exclusive), returned oldest first. */
  async listMessages(conversationId: string, options: { beforeSeq?: number; limit: number }): Promise<StoredMessage[]> {
    let query = this.db.selectFrom('messages').selectAll().where('conversation_id', '=', conversationId);
    if (options.beforeSeq !== undefined) query = query.where('seq', '<', options.beforeSeq);
    const newestFirst = await query.orderBy('seq', 'desc').limit(options.limit).execute();
    return newestFirst.reverse();
  }

  /** Conversations of a workspace, most recently active first, optionally in one state; keyset-paginated. */
  listConversations(
    workspaceId: string,
    options: { state?: ConversationState; channel?: string; before?: number; limit: number },
  ): Promise<Conversation[]> {
    let query = this.db.selectFrom('conversations').selectAll().where('workspace_id', '=', workspaceId);
    if (options.state) query = query.where('state', '=', options.state);
    if (options.channel) query = query.where('channel', '=', options.channel);
    if (options.before !== undefined) query = query.where('last_message_at', '<', options.before);
    return query.orderBy('last_message_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  }

  /** Unfinished messages created before `olderThan`: accepted inbound and pending outbound, for the recovery sweep. */
  unfinishedBefore(olderThan: number, limit: number): Promise<StoredMessage[]> {
    return this.db
      .selectFrom('messages')
      .selectAll()
      .where('status', 'in', ['accepted', 'pending'])
      .where('created_at', '<', olderThan)
      .orderBy('created_at', 'asc')
      .limit(limit)
      .execute();
  }
}
