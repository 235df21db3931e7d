import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import {
  ConversationStore,
  type Conversation,
  type InboundMessage,
  type StoredMessage,
} from '../../../bots/runtime/conversation-store';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../platform/database';
import { WorkspaceStore, type Workspace } from '../../../platform/workspaces';
import { createPostgresDatabase } from '../../support/services';
import { createSqliteDatabase, type TestDatabase } from '../../support/databases';

describe.each([
  ['SQLite', createSqliteDatabase],
  ['PostgreSQL', createPostgresDatabase],
])('ConversationStore on %s', (_engine, createDatabase: () => Promise<TestDatabase>) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let store: ConversationStore;
  let workspace: Workspace;
  let firstMigration: string[];

  beforeAll(async () => {
    database = await createDatabase();
    handle = openDatabase(database.url, 25);
    firstMigration = await migrateToLatest(handle.db as never);
    store = new ConversationStore(handle.db, handle.engine);
    workspace = (await new WorkspaceStore(handle.db).ensure({ slug: 'store-suite', name: 'Store Suite', defaultLanguage: 'en' }))
      .workspace;
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  /** A new conversation with its own key. */
  function newConversation(now?: number, workspaceId = workspace.id): Promise<Conversation> {
    const key = randomUUID();
    return store.resolveConversation({ workspaceId, channel: 'webchat', conversationKey: key, sender: { externalId: key }, now });
  }

  function inbound(conversation: Conversation, overrides: Partial<InboundMessage> = {}): InboundMessage {
    return {
      workspaceId: conversation.workspace_id,
      channel: 'webchat',
      conversationKey: conversation.conversation_key,
      sender: { externalId: conversation.conversation_key },
      channelMessageId: `${conversation.id}:${randomUUID()}`,
      text: 'where is my order?',
      receivedAt: Date.now(),
      ...overrides,
    };
  }

  async function countRows(table: 'messages' | 'customers' | 'channel_identities' | 'conversations', column: string, value: string) {
    const row = await handle.db
      .selectFrom(table)
      .select(sql<number>`count(*)`.as('n'))
      .where(sql.ref(column), '=', value)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  describe('migrateToLatest', () => {
    it('applied every migration once, and a second run is a no-op', async () => {
      expect(firstMigration).toEqual(['0001-initial', '0002-commerce', '0003-models', '0004-knowledge', '0005-handoffs', '0006-channels', '0007-recommender', '0008-risk', '0009-email-relay', '0010-risk-ip-tables', '0011-risk-decision-partial-indexes']);
      expect(await migrateToLatest(handle.db as never)).toEqual([]);
    });
  });

  describe('resolveConversation', () => {
    describe('when a shopper writes for the first time', () => {
      it('creates the customer, the channel identity and the conversation in the bot state', async () => {
        const key = randomUUID();
        const conversation = await store.resolveConversation({
          workspaceId: workspace.id,
          channel: 'webchat',
          conversationKey: key,
          sender: { externalId: key, displayName: 'Jane' },
          language: 'es',
          now: 1234,
        });
        expect(conversation).toMatchObject({ state: 'bot', language: 'es', last_seq: 0, created_at: 1234, conversation_key: key });
        const customer = await handle.db.selectFrom('customers').selectAll().where('id', '=', conversation.customer_id).executeTakeFirstOrThrow();
        expect(customer.display_name).toBe('Jane');
        expect(await countRows('channel_identities', 'external_id', key)).toBe(1);
        expect(await store.getConversation(conversation.id)).toEqual(conversation);
      });
    });

    describe('when the same channel key comes again', () => {
      it('returns the same conversation and creates nothing new', async () => {
        const first = await newConversation();
        const again = await store.resolveConversation({
          workspaceId: workspace.id,
          channel: 'webchat',
          conversationKey: first.conversation_key,
          sender: { externalId: first.conversation_key },
        });
        expect(again.id).toBe(first.id);
        expect(await countRows('conversations', 'conversation_key', first.conversation_key)).toBe(1);
        expect(await countRows('customers', 'id', first.customer_id)).toBe(1);
        expect(await countRows('channel_identities', 'external_id', first.conversation_key)).toBe(1);
      });
    });

    describe('when the first messages of one shopper race', () => {
      it('creates one conversation and returns it to all', async () => {
        const key = randomUUID();
        const resolved = await Promise.all(
          Array.from({ length: 5 }, () =>
            store.resolveConversation({ workspaceId: workspace.id, channel: 'webchat', conversationKey: key, sender: { externalId: key } }),
          ),
        );
        expect(new Set(resolved.map((c) => c.id)).size).toBe(1);
        expect(await countRows('conversations', 'conversation_key', key)).toBe(1);
        expect(await countRows('channel_identities', 'external_id', key)).toBe(1);
      });
    });
  });

  describe('acceptInbound', () => {
    describe('when messages arrive one after another', () => {
      it('assigns sequence numbers 1, 2, 3 and stores them as accepted', async () => {
        const conversation = await newConversation();
        const results = [];
        for (const text of ['one', 'two', 'three']) results.push(await store.acceptInbound(inbound(conversation, { text }), conversation));
        expect(results.map((r) => r.message.seq)).toEqual([1, 2, 3]);
        expect(results.map((r) => r.duplicate)).toEqual([false, false, false]);
        expect(results[2]?.conversation.last_seq).toBe(3);
        const stored = await store.listMessages(conversation.id, { limit: 10 });
        expect(stored.map((m) => [m.seq, m.text, m.status, m.direction, m.author])).toEqual([
          [1, 'one', 'accepted', 'in', 'shopper'],
          [2, 'two', 'accepted', 'in', 'shopper'],
          [3, 'three', 'accepted', 'in', 'shopper'],
        ]);
      });

      it('keeps the quick-reply payload and the locale', async () => {
        const conversation = await newConversation();
        const { message } = await store.acceptInbound(inbound(conversation, { quickReplyPayload: 'human_agent', locale: 'es-MX' }), conversation);
        expect(JSON.parse((await store.getMessage(message.id))?.payload ?? 'null')).toEqual({ quickReplyPayload: 'human_agent', locale: 'es-MX' });
      });
    });

    describe('when the same channel message id arrives twice', () => {
      it('stores one message and reports the second as a duplicate of it', async () => {
        const conversation = await newConversation();
        const message = inbound(conversation);
        const first = await store.acceptInbound(message, conversation);
        const second = await store.acceptInbound({ ...message, text: 'changed' }, conversation);
        expect(second.duplicate).toBe(true);
        expect(second.message.id).toBe(first.message.id);
        expect(second.message.text).toBe('where is my order?');
        expect(await countRows('messages', 'conversation_id', conversation.id)).toBe(1);
        expect((await store.getConversation(conversation.id))?.last_seq).toBe(1);
      });
    });

    describe('when 20 distinct messages arrive at once', () => {
      it('gives them sequence numbers 1 to 20 without gaps or repeats', async () => {
        const conversation = await newConversation();
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => store.acceptInbound(inbound(conversation, { text: `m${i}` }), conversation)),
        );
        expect(results.every((r) => !r.duplicate)).toBe(true);
        expect(results.map((r) => r.message.seq).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        const stored = await store.listMessages(conversation.id, { limit: 50 });
        expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        expect((await store.getConversation(conversation.id))?.last_seq).toBe(20);
      });
    });

    describe('when copies of one message race each other', () => {
      it('stores one and leaves no gap in the sequence', async () => {
        const conversation = await newConversation();
        const message = inbound(conversation);
        const results = await Promise.all(Array.from({ length: 8 }, () => store.acceptInbound(message, conversation)));
        expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
        expect(new Set(results.map((r) => r.message.id)).size).toBe(1);
        expect(await countRows('messages', 'conversation_id', conversation.id)).toBe(1);
        const next = await store.acceptInbound(inbound(conversation), conversation);
        expect(next.message.seq).toBe(2);
      });
    });

    describe('when two workspaces use the same channel message id', () => {
      it('stores both', async () => {
        const other = (await new WorkspaceStore(handle.db).ensure({ slug: 'other-store', name: 'Other', defaultLanguage: 'en' })).workspace;
        const mine = await newConversation();
        const theirs = await newConversation(undefined, other.id);
        const id = `shared-${randomUUID()}`;
        expect((await store.acceptInbound(inbound(mine, { channelMessageId: id }), mine)).duplicate).toBe(false);
        expect((await store.acceptInbound(inbound(theirs, { channelMessageId: id }), theirs)).duplicate).toBe(false);
      });
    });
  });

  describe('completeTurn', () => {
    async function acceptedMessage() {
      const conversation = await newConversation();
      const { message } = await store.acceptInbound(inbound(conversation), conversation);
      return { conversation, message };
    }

    function turnFor(conversation: Conversation, message: StoredMessage) {
      return {
        inboundId: message.id,
        conversationId: conversation.id,
        workspaceId: conversation.workspace_id,
        channel: conversation.channel,
        language: 'es',
        languageConfidence: 0.97,
        conversationLanguage: 'es',
        nextState: 'waiting_agent' as const,
        replies: [
          { reply: { text: 'Uno', language: 'es', quickReplies: [{ title: 'Sí', payload: 'yes' }] }, author: 'bot' as const },
          { reply: { text: 'Dos', language: 'es', notice: { kind: 'handoff' as const, text: 'Ya viene' } }, author: 'bot' as const },
        ],
        at: 5_000_000,
      };
    }

    describe('when an accepted message is processed', () => {
      it('marks it processed, stores the replies with the next seqs, and sets language and state', async () => {
        const { conversation, message } = await acceptedMessage();
        const replies = await store.completeTurn(turnFor(conversation, message));
        expect(replies.map((r) => [r.seq, r.text, r.status, r.direction, r.reply_to])).toEqual([
          [2, 'Uno', 'pending', 'out', message.id],
          [3, 'Dos', 'pending', 'out', message.id],
        ]);
        const processed = await store.getMessage(message.id);
        expect(processed).toMatchObject({ status: 'processed', processed_at: 5_000_000, language: 'es' });
        expect(processed?.language_confidence).toBeCloseTo(0.97, 5);
        expect(await store.getConversation(conversation.id)).toMatchObject({
          language: 'es',
          state: 'waiting_agent',
          last_seq: 3,
          last_message_at: 5_000_000,
        });
        const stored = await store.listMessages(conversation.id, { limit: 10 });
        expect(stored.map((m) => m.seq)).toEqual([1, 2, 3]);
        expect(JSON.parse(stored[1]?.payload ?? 'null')).toEqual({ quickReplies: [{ title: 'Sí', payload: 'yes' }] });
        expect(JSON.parse(stored[2]?.payload ?? 'null')).toEqual({ notice: { kind: 'handoff', text: 'Ya viene' } });
        expect(await store.pendingInbound(conversation.id)).toEqual([]);
      });
    });

    describe('when the same inbound message is completed a second time', () => {
      it('returns no replies and changes nothing', async () => {
        const { conversation, message } = await acceptedMessage();
        await store.completeTurn(turnFor(conversation, message));
        const again = await store.completeTurn({ ...turnFor(conversation, message), nextState: 'closed', conversationLanguage: 'fr' });
        expect(again).toEqual([]);
        expect(await store.getConversation(conversation.id)).toMatchObject({ last_seq: 3, state: 'waiting_agent', language: 'es' });
        expect(await countRows('messages', 'conversation_id', conversation.id)).toBe(3);
      });
    });

    describe('when two workers complete the same message at once', () => {
      it('stores one set of replies', async () => {
        const { conversation, message } = await acceptedMessage();
        const results = await Promise.all([store.completeTurn(turnFor(conversation, message)), store.completeTurn(turnFor(conversation, message))]);
        expect(results.map((r) => r.length).sort()).toEqual([0, 2]);
        expect(await countRows('messages', 'conversation_id', conversation.id)).toBe(3);
      });
    });

    describe('when there are no replies', () => {
      it('still marks the message processed and keeps last_message_at', async () => {
        const conversation = await newConversation(1000);
        const { message } = await store.acceptInbound(inbound(conversation, { receivedAt: 2000 }), conversation);
        const replies = await store.completeTurn({ ...turnFor(conversation, message), replies: [], nextState: undefined, at: 3000 });
        expect(replies).toEqual([]);
        expect((await store.getMessage(message.id))?.status).toBe('processed');
        expect(await store.getConversation(conversation.id)).toMatchObject({ last_seq: 1, last_message_at: 2000, state: 'bot' });
      });
    });
  });

  describe('appendOutgoing', () => {
    it('stores an agent message with the next seq and the new state', async () => {
      const conversation = await newConversation();
      await store.acceptInbound(inbound(conversation), conversation);
      const message = await store.appendOutgoing({
        conversation,
        outgoing: { reply: { text: 'Hi, I am Maria', language: 'en' }, author: 'agent', authorName: 'Maria' },
        nextState: 'with_agent',
        at: 7000,
      });
      expect(message).toMatchObject({ seq: 2, author: 'agent', author_name: 'Maria', status: 'pending', reply_to: null, direction: 'out' });
      expect(await store.getMessage(message.id)).toEqual(message);
      expect(await store.getConversation(conversation.id)).toMatchObject({ state: 'with_agent', last_seq: 2, last_message_at: 7000 });
    });

    it('interleaves with inbound messages without reusing a seq', async () => {
      const conversation = await newConversation();
      await Promise.all([
        store.acceptInbound(inbound(conversation), conversation),
        store.appendOutgoing({ conversation, outgoing: { reply: { text: 'a', language: 'en' }, author: 'agent' } }),
        store.acceptInbound(inbound(conversation), conversation),
        store.appendOutgoing({ conversation, outgoing: { reply: { text: 'b', language: 'en' }, author: 'agent' } }),
      ]);
      expect((await store.listMessages(conversation.id, { limit: 10 })).map((m) => m.seq)).toEqual([1, 2, 3, 4]);
    });
  });

  describe('markDelivered and markFailed', () => {
    async function pendingReply() {
      const conversation = await newConversation();
      return store.appendOutgoing({ conversation, outgoing: { reply: { text: 'x', language: 'en' }, author: 'bot' } });
    }

    it('marks a pending message delivered, and a later failure does not undo it', async () => {
      const message = await pendingReply();
      await store.markDelivered(message.id, 9000);
      await store.markFailed(message.id);
      expect(await store.getMessage(message.id)).toMatchObject({ status: 'delivered', delivered_at: 9000 });
    });

    it('marks a pending message failed, and a late delivery does not undo it', async () => {
      const message = await pendingReply();
      await store.markFailed(message.id);
      await store.markDelivered(message.id, 9000);
      expect(await store.getMessage(message.id)).toMatchObject({ status: 'failed', delivered_at: null });
    });

    it('leaves an accepted inbound message alone', async () => {
      const conversation = await newConversation();
      const { message } = await store.acceptInbound(inbound(conversation), conversation);
      await store.markDelivered(message.id);
      await store.markFailed(message.id);
      expect((await store.getMessage(message.id))?.status).toBe('accepted');
    });

    it('marks several pending messages delivered at once and skips those already failed', async () => {
      const [first, second, failed] = [await pendingReply(), await pendingReply(), await pendingReply()];
      await store.markFailed(failed.id);
      await store.markDeliveredMany([first.id, second.id, failed.id], 7000);
      expect(await store.getMessage(first.id)).toMatchObject({ status: 'delivered', delivered_at: 7000 });
      expect(await store.getMessage(second.id)).toMatchObject({ status: 'delivered', delivered_at: 7000 });
      expect((await store.getMessage(failed.id))?.status).toBe('failed');
      await expect(store.markDeliveredMany([])).resolves.toBeUndefined();
    });
  });

  describe('listMessages', () => {
    let conversation: Conversation;
    beforeAll(async () => {
      conversation = await newConversation();
      for (let i = 1; i <= 10; i += 1) await store.acceptInbound(inbound(conversation, { text: `m${i}` }), conversation);
    });

    it('returns the newest page oldest first', async () => {
      expect((await store.listMessages(conversation.id, { limit: 3 })).map((m) => m.text)).toEqual(['m8', 'm9', 'm10']);
    });

    it('pages back with beforeSeq (exclusive)', async () => {
      expect((await store.listMessages(conversation.id, { beforeSeq: 8, limit: 3 })).map((m) => m.seq)).toEqual([5, 6, 7]);
      expect((await store.listMessages(conversation.id, { beforeSeq: 3, limit: 3 })).map((m) => m.seq)).toEqual([1, 2]);
      expect(await store.listMessages(conversation.id, { beforeSeq: 1, limit: 3 })).toEqual([]);
    });

    it('returns only that conversation’s messages', async () => {
      const other = await newConversation();
      await store.acceptInbound(inbound(other), other);
      expect(await store.listMessages(conversation.id, { limit: 100 })).toHaveLength(10);
    });
  });

  describe('listConversations', () => {
    let listed: Workspace;
    const ids: string[] = [];
    beforeAll(async () => {
      listed = (await new WorkspaceStore(handle.db).ensure({ slug: 'list-store', name: 'List', defaultLanguage: 'en' })).workspace;
      // Five conversations, last active at 1000, 2000, ... 5000; every other one handed to an agent.
      for (let i = 1; i <= 5; i += 1) {
        const conversation = await newConversation(i * 1000, listed.id);
        if (i % 2 === 0) await store.setState(conversation.id, 'with_agent');
        ids.push(conversation.id);
      }
    });

    it('lists the most recently active first', async () => {
      const page = await store.listConversations(listed.id, { limit: 10 });
      expect(page.map((c) => c.last_message_at)).toEqual([5000, 4000, 3000, 2000, 1000]);
    });

    it('pages with the keyset `before`', async () => {
      const first = await store.listConversations(listed.id, { limit: 2 });
      expect(first.map((c) => c.id)).toEqual([ids[4], ids[3]]);
      const second = await store.listConversations(listed.id, { limit: 2, before: first.at(-1)?.last_message_at });
      expect(second.map((c) => c.id)).toEqual([ids[2], ids[1]]);
      const third = await store.listConversations(listed.id, { limit: 2, before: second.at(-1)?.last_message_at });
      expect(third.map((c) => c.id)).toEqual([ids[0]]);
    });

    it('filters by state', async () => {
      expect((await store.listConversations(listed.id, { state: 'with_agent', limit: 10 })).map((c) => c.id)).toEqual([ids[3], ids[1]]);
      expect((await store.listConversations(listed.id, { state: 'bot', limit: 10, before: 5000 })).map((c) => c.id)).toEqual([ids[2], ids[0]]);
      expect(await store.listConversations(listed.id, { state: 'closed', limit: 10 })).toEqual([]);
    });

    it('filters by channel', async () => {
      expect(await store.listConversations(listed.id, { channel: 'whatsapp', limit: 10 })).toEqual([]);
      expect(await store.listConversations(listed.id, { channel: 'webchat', limit: 10 })).toHaveLength(5);
    });
  });

  describe('unfinishedBefore', () => {
    it('returns accepted inbound and pending outbound messages older than the threshold, oldest first', async () => {
      const conversation = await newConversation(100);
      const accepted = await store.acceptInbound(inbound(conversation, { receivedAt: 300 }), conversation);
      const processed = await store.acceptInbound(inbound(conversation, { receivedAt: 200 }), conversation);
      const [pendingReply] = await store.completeTurn({
        inboundId: processed.message.id,
        conversationId: conversation.id,
        workspaceId: conversation.workspace_id,
        channel: 'webchat',
        language: 'en',
        languageConfidence: 0.9,
        conversationLanguage: 'en',
        replies: [{ reply: { text: 'r', language: 'en' }, author: 'bot' }],
        at: 400,
      });
      const delivered = await store.appendOutgoing({ conversation, outgoing: { reply: { text: 'd', language: 'en' }, author: 'bot' }, at: 250 });
      await store.markDelivered(delivered.id);
      await store.acceptInbound(inbound(conversation, { receivedAt: 900 }), conversation); // too new

      const unfinished = await store.unfinishedBefore(800, 100);
      expect(unfinished.map((m) => m.id)).toEqual([accepted.message.id, pendingReply?.id]);
      expect((await store.unfinishedBefore(800, 1)).map((m) => m.id)).toEqual([accepted.message.id]);
    });
  });
});
