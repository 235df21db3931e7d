// fasttext.wasm.js loads its WebAssembly glue with a dynamic import(), which Jest's sandbox refuses without
// --experimental-vm-modules; load the real package through Node's own loader instead (no behaviour is faked).
jest.mock('fasttext.wasm.js', () =>
  jest
    .requireActual<{ _load(request: string, parent: null, isMain: boolean): unknown }>('node:module')
    ._load(require.resolve('fasttext.wasm.js'), null, false),
);
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { ChannelDeliveryRegistry, type ChannelDelivery } from '../../../bots/runtime/channel-delivery';
import { ConversationLock } from '../../../bots/runtime/conversation-lock';
import type { Conversation, StoredMessage } from '../../../bots/runtime/conversation-store';
import { IngestService } from '../../../bots/runtime/ingest';
import { OutboundBatcher } from '../../../bots/runtime/outbound-batcher';
import { foundationSkills } from '../../../bots/runtime/skills/foundation-skills';
import { TurnProcessor } from '../../../bots/runtime/turn-processor';
import { templatesFor } from '../../../bots/runtime/templates';
import type { Workspace } from '../../../platform/workspaces';
import { jobIds } from '../../../workers/queues';
import { startInProcessPlatform, type InProcessPlatform } from '../../support/platform';
import { waitFor } from '../../support/wait-for';

describe('TurnProcessor', () => {
  let platform: InProcessPlatform;
  let workspace: Workspace;
  let processor: TurnProcessor;
  let lock: ConversationLock;

  beforeAll(async () => {
    platform = await startInProcessPlatform({ worker: false });
    workspace = (await platform.context.workspaces.findBySlug('demo')) as Workspace;
    lock = new ConversationLock(platform.context.redis, platform.config.redis.keyPrefix);
    // Delivery is the outbound queue's business; here it only has to exist for the channel.
    const silentDelivery: ChannelDelivery = { channel: 'webchat', deliver: async () => undefined, typing: async () => undefined };
    processor = new TurnProcessor({
      store: platform.context.store,
      workspaces: platform.context.workspaces,
      identifier: platform.context.identifier,
      lock,
      outbound: new OutboundBatcher(platform.context.queues.outbound, 0),
      deliveries: new ChannelDeliveryRegistry().register(silentDelivery),
      skills: foundationSkills,
      language: platform.config.language,
      logger: pino({ level: 'silent' }),
    });
  });

  afterAll(async () => {
    await platform?.close();
  });

  async function conversationWith(texts: Array<string | { text: string; payload?: string; locale?: string }>) {
    const { store } = platform.context;
    const key = randomUUID();
    const conversation = await store.resolveConversation({
      workspaceId: workspace.id,
      channel: 'webchat',
      conversationKey: key,
      sender: { externalId: key },
    });
    const accepted: StoredMessage[] = [];
    for (const item of texts) {
      const { text, payload, locale } = typeof item === 'string' ? { text: item, payload: undefined, locale: undefined } : item;
      const result = await store.acceptInbound(
        {
          workspaceId: workspace.id,
          channel: 'webchat',
          conversationKey: key,
          sender: { externalId: key },
          channelMessageId: `${conversation.id}:${randomUUID()}`,
          text,
          quickReplyPayload: payload,
          locale,
          receivedAt: Date.now(),
        },
        conversation,
      );
      accepted.push(result.message);
    }
    return { conversation, accepted };
  }

  const messagesOf = (conversation: Conversation) => platform.context.store.listMessages(conversation.id, { limit: 100 });

  describe('when a conversation has several accepted messages', () => {
    it('answers each in sequence order and reports how many it processed', async () => {
      const { conversation, accepted } = await conversationWith(['hi', 'where is my order?', 'and my refund?']);
      expect(await processor.processConversation(conversation.id)).toBe(3);
      const messages = await messagesOf(conversation);
      expect(messages.map((m) => [m.seq, m.direction])).toEqual([
        [1, 'in'],
        [2, 'in'],
        [3, 'in'],
        [4, 'out'],
        [5, 'out'],
        [6, 'out'],
      ]);
      expect(messages.filter((m) => m.direction === 'out').map((m) => m.reply_to)).toEqual(accepted.map((m) => m.id));
      expect(messages.filter((m) => m.direction === 'in').every((m) => m.status === 'processed')).toBe(true);
      expect(await processor.processConversation(conversation.id)).toBe(0);
    });

    it('queues one delivery job per reply, keyed by the reply id', async () => {
      const { conversation } = await conversationWith(['hello', 'where is my parcel?']);
      await processor.processConversation(conversation.id);
      const replies = (await messagesOf(conversation)).filter((m) => m.direction === 'out');
      expect(replies).toHaveLength(2);
      for (const reply of replies) {
        const job = await platform.context.queues.outbound.getJob(jobIds.outbound(reply.id));
        expect(job?.data.items).toEqual([expect.objectContaining({ conversationId: conversation.id, messageId: reply.id, channel: 'webchat' })]);
      }
    });
  });

  describe('when the first message is "hola"', () => {
    it('greets in Spanish with the store name and remembers Spanish for a following "ok"', async () => {
      const { conversation } = await conversationWith(['hola', 'ok']);
      await processor.processConversation(conversation.id);
      const replies = (await messagesOf(conversation)).filter((m) => m.direction === 'out');
      const es = templatesFor('es');
      expect(replies[0]?.text).toBe(es.greeting.replace('{store}', 'Demo Store'));
      expect(replies.map((r) => r.language)).toEqual(['es', 'es']);
      expect(replies[1]?.text).toBe(es.fallback);
      expect((await platform.context.store.getConversation(conversation.id))?.language).toBe('es');
    });
  });

  describe('when the shopper switches to Chinese', () => {
    it('answers "你好" in Chinese and stores the guess on the message', async () => {
      const { conversation, accepted } = await conversationWith(['Hello there', '你好']);
      await processor.processConversation(conversation.id);
      const replies = (await messagesOf(conversation)).filter((m) => m.direction === 'out');
      expect(replies.map((r) => r.language)).toEqual(['en', 'zh']);
      const inbound = await platform.context.store.getMessage(accepted[1]?.id as string);
      expect(inbound?.language).toBe('zh');
      expect(inbound?.language_confidence).toBeGreaterThan(0.5);
    });
  });

  describe('when the browser locale is known and the message says nothing about its language', () => {
    it('answers in the locale’s language', async () => {
      const { conversation } = await conversationWith([{ text: 'ok', locale: 'fr-FR' }]);
      await processor.processConversation(conversation.id);
      const [reply] = (await messagesOf(conversation)).filter((m) => m.direction === 'out');
      expect(reply?.language).toBe('fr');
      expect(reply?.text).toBe(templatesFor('fr').fallback);
    });
  });

  describe('when the shopper asks for a person', () => {
    it('moves the conversation to waiting_agent and then stays silent', async () => {
      const { conversation } = await conversationWith([{ text: 'Talk to a person', payload: 'human_agent' }, 'hello?']);
      await processor.processConversation(conversation.id);
      const messages = await messagesOf(conversation);
      expect(messages.filter((m) => m.direction === 'out')).toHaveLength(1);
      expect(messages.filter((m) => m.direction === 'in').every((m) => m.status === 'processed')).toBe(true);
      expect((await platform.context.store.getConversation(conversation.id))?.state).toBe('waiting_agent');
    });
  });

  describe('when an agent holds the conversation', () => {
    it('marks the message processed and stores no reply', async () => {
      const { conversation, accepted } = await conversationWith(['where is my order?']);
      await platform.context.store.setState(conversation.id, 'with_agent');
      expect(await processor.processConversation(conversation.id)).toBe(1);
      expect((await messagesOf(conversation)).map((m) => m.id)).toEqual([accepted[0]?.id]);
      expect((await platform.context.store.getMessage(accepted[0]?.id as string))?.status).toBe('processed');
      expect((await platform.context.store.getConversation(conversation.id))?.state).toBe('with_agent');
    });
  });

  describe('when another worker holds the conversation lock', () => {
    it('reports busy and leaves the messages for the holder', async () => {
      const { conversation } = await conversationWith(['where is my order?']);
      const token = await lock.tryAcquire(conversation.id);
      expect(await processor.processConversation(conversation.id)).toBe('busy');
      expect(await platform.context.store.pendingInbound(conversation.id)).toHaveLength(1);
      await lock.release(conversation.id, token as string);
      expect(await processor.processConversation(conversation.id)).toBe(1);
    });
  });
});

describe('A running worker', () => {
  let platform: InProcessPlatform;
  beforeAll(async () => {
    platform = await startInProcessPlatform();
  });
  afterAll(async () => {
    await platform?.close();
  });

  describe('when five messages of one conversation arrive at once', () => {
    it('answers every one, in the order they were accepted', async () => {
      const { store, queues, metrics } = platform.context;
      const workspace = (await platform.context.workspaces.findBySlug('demo')) as Workspace;
      const ingest = new IngestService(store, queues.inbound, metrics);
      const key = randomUUID();
      const texts = ['hi', 'where is my order?', 'it was order #10234', 'I paid by card', 'thanks'];
      const results = await Promise.all(
        texts.map((text, i) =>
          ingest.ingest({
            workspaceId: workspace.id,
            channel: 'webchat',
            conversationKey: key,
            sender: { externalId: key },
            channelMessageId: `${key}:${i}`,
            text,
            receivedAt: Date.now(),
          }),
        ),
      );
      const conversationId = results[0]?.message.conversation_id as string;
      expect(new Set(results.map((r) => r.message.conversation_id)).size).toBe(1);

      const messages = await waitFor(async () => {
        const all = await store.listMessages(conversationId, { limit: 100 });
        const replies = all.filter((m) => m.direction === 'out');
        return replies.length >= 5 && replies.every((m) => m.status === 'delivered') ? all : undefined;
      }, 30_000);
      const inbound = messages.filter((m) => m.direction === 'in');
      const replies = messages.filter((m) => m.direction === 'out');
      expect(replies).toHaveLength(5);
      expect(inbound.every((m) => m.status === 'processed')).toBe(true);
      // Replies come in the inbound order: the reply to seq n is stored before the reply to seq n+1.
      expect(replies.map((r) => r.reply_to)).toEqual(inbound.map((m) => m.id));
      const seqOf = new Map(inbound.map((m) => [m.id, m.seq]));
      for (const reply of replies) expect(reply.seq).toBeGreaterThan(seqOf.get(reply.reply_to as string) as number);
    });
  });
});
