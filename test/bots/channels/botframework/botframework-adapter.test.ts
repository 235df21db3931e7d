import { UnrecoverableError } from 'bullmq';
import { BotFrameworkPermanentError, BotFrameworkRetryableError } from '../../../../bots/channels/botframework';
import { DeliveryLog } from '../../../../bots/channels/delivery-log';
import type { Conversation, StoredMessage } from '../../../../bots/runtime/conversation-store';
import type { Reply } from '../../../../bots/runtime/reply';
import { describeAdapterConformance, type ConformanceHarness } from '../adapter-conformance';
import { messageActivity, sentRecords, startBotFrameworkKit, type BotFrameworkKit } from './botframework-kit';

const CONVERSATION = 'a:1conformance;messageid=1700000000000';

describeAdapterConformance('botframework', async (): Promise<ConformanceHarness> => {
  const kit = await startBotFrameworkKit();
  let seen = 0;
  const conversation = async (): Promise<Conversation> => {
    const found = await kit.conversationOf(`msteams:${CONVERSATION}`);
    if (!found) throw new Error('no conversation yet: receiveText first');
    return found;
  };
  return {
    adapter: kit.adapter,
    async receiveText(text, providerMessageId) {
      const response = await kit.post(messageActivity(kit.connector.serviceUrl, { id: providerMessageId, text, conversation: { id: CONVERSATION } }));
      if (response.status !== 200) throw new Error(`/api/messages answered ${response.status}: ${await response.text()}`);
    },
    ingested: () => kit.ingested,
    conversation,
    async storeOutgoing(reply: Reply, author = { author: 'bot' as const }) {
      return kit.store.appendOutgoing({
        conversation: await conversation(),
        outgoing: { reply, author: author.author, ...(author.author === 'agent' ? { authorName: author.name } : {}) },
      });
    },
    takeSent() {
      const fresh = kit.connector.received.slice(seen);
      seen = kit.connector.received.length;
      return sentRecords(fresh);
    },
    failSendAfter: (successes) => kit.connector.failAfter(successes),
    close: () => kit.close(),
  };
});

describe('BotFrameworkAdapter', () => {
  let kit: BotFrameworkKit;
  let conversation: Conversation;

  beforeAll(async () => {
    kit = await startBotFrameworkKit();
    const response = await kit.post(messageActivity(kit.connector.serviceUrl, { text: 'hola' }));
    expect(response.status).toBe(200);
    conversation = (await kit.conversationOf('msteams:a:1shopper-conversation')) as Conversation;
  });

  afterAll(async () => {
    await kit?.close();
  });

  const reply = (text: string, extra: Partial<Reply> = {}): Promise<StoredMessage> =>
    kit.store.appendOutgoing({ conversation, outgoing: { reply: { text, language: 'es', ...extra }, author: 'bot' } });

  const newSince = (count: number) => kit.connector.received.slice(count);

  describe('when it delivers a reply', () => {
    it('posts a new message to the stored conversation as the bot, to the shopper', async () => {
      const before = kit.connector.received.length;
      await kit.adapter.deliver(await reply('Tu pedido sale **hoy**.'));
      const [sent] = newSince(before);
      expect(sent).toBeDefined();
      expect(sent?.conversationId).toBe('a:1shopper-conversation');
      // A new message of the conversation, not a reply to botbuilder's made-up continuation activity.
      expect(sent?.replyToId).toBeUndefined();
      expect(sent?.activity).toMatchObject({
        type: 'message',
        text: 'Tu pedido sale **hoy**.',
        textFormat: 'markdown',
        from: { id: '28:bot-app-id' },
        recipient: { id: '29:shopper' },
        conversation: { id: 'a:1shopper-conversation' },
        channelId: 'msteams',
      });
      expect(sent?.activity.replyToId).toBeUndefined();
    });

    it('records the Bot Connector id of each part, so a receipt or a retry finds it', async () => {
      const before = kit.connector.received.length;
      const message = await reply('Dos ideas:', { cards: [{ productId: 'p1', title: 'Zapatilla', url: 'https://shop.example/p/1' }] });
      await kit.adapter.deliver(message);
      const ids = newSince(before).map((entry) => entry.id);
      const parts = await new DeliveryLog(kit.handle.db).parts(message.id);
      expect(parts.map((part) => part.providerMessageId)).toEqual(ids);
      expect(parts.map((part) => part.status)).toEqual(['sent', 'sent']);
    });

    it('offers quick replies as suggested actions that send their title', async () => {
      const before = kit.connector.received.length;
      await kit.adapter.deliver(await reply('¿Qué necesitas?', { quickReplies: [{ title: 'Seguir mi pedido', payload: 'track_order' }, { title: 'Hablar con una persona', payload: 'human_agent' }] }));
      const [sent] = newSince(before);
      expect(sent?.activity.suggestedActions).toEqual({
        actions: [
          { type: 'imBack', title: 'Seguir mi pedido', value: 'Seguir mi pedido' },
          { type: 'imBack', title: 'Hablar con una persona', value: 'Hablar con una persona' },
        ],
      });
    });

    it('shows products as a carousel of Adaptive Cards with image, price, link and buttons', async () => {
      const before = kit.connector.received.length;
      await kit.adapter.deliver(
        await reply('', {
          cards: [
            { productId: 'p1', title: 'Trail Runner', price: { amount: 59.9, currency: 'EUR' }, imageUrl: 'https://shop.example/p1.png', url: 'https://www.shop.example/p/1', actions: [{ title: 'Más así', payload: 'similar:p1' }] },
            { productId: 'p2', title: 'Road Runner' },
          ],
        }),
      );
      const [sent] = newSince(before);
      expect(sent?.activity.attachmentLayout).toBe('carousel');
      const attachments = sent?.activity.attachments as { contentType: string; content: Record<string, unknown> }[];
      expect(attachments).toHaveLength(2);
      expect(attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
      expect(attachments[0]?.content).toMatchObject({
        type: 'AdaptiveCard',
        body: [{ type: 'Image', url: 'https://shop.example/p1.png' }, { type: 'TextBlock', text: 'Trail Runner' }, { type: 'TextBlock', text: expect.stringMatching(/^59,90\s€$/) }],
        selectAction: { type: 'Action.OpenUrl', url: 'https://www.shop.example/p/1' },
        actions: [
          { type: 'Action.OpenUrl', title: 'shop.example ↗', url: 'https://www.shop.example/p/1' },
          { type: 'Action.Submit', title: 'Más así', data: { payload: 'similar:p1', title: 'Más así' } },
        ],
      });
      expect(attachments[1]?.content.actions).toBeUndefined();
    });

    it('names the agent on an agent reply, sent the same proactive way', async () => {
      const before = kit.connector.received.length;
      const message = await kit.store.appendOutgoing({ conversation, outgoing: { reply: { text: 'Ya lo he reembolsado.', language: 'es' }, author: 'agent', authorName: 'Ana' } });
      await kit.adapter.deliver(message);
      expect(newSince(before).map((entry) => entry.activity.text)).toEqual(['**Ana**\nYa lo he reembolsado.']);
    });
  });

  describe('when the Bot Connector fails', () => {
    it('rejects with a retryable error during an outage, and the retry sends only what is missing', async () => {
      const message = await reply('Uno.\n\n' + 'Dos. '.repeat(900));
      kit.connector.failAfter(1);
      const before = kit.connector.received.length;
      const failure = await kit.adapter.deliver(message).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(BotFrameworkRetryableError);
      expect(failure).not.toBeInstanceOf(UnrecoverableError);
      expect((failure as BotFrameworkRetryableError).status).toBe(503);
      expect(newSince(before)).toHaveLength(1);
      await kit.adapter.deliver(message);
      expect(newSince(before)).toHaveLength(2);
    });

    it.each([
      [403, /removed from the team or chat/],
      [404, /no longer exists/],
    ])('fails for good when the conversation answers %i, saying why', async (status, why) => {
      kit.connector.refuse('a:1shopper-conversation', status);
      try {
        const failure = await kit.adapter.deliver(await reply('¿Sigues ahí?')).catch((error: unknown) => error);
        expect(failure).toBeInstanceOf(BotFrameworkPermanentError);
        expect(failure).toBeInstanceOf(UnrecoverableError);
        expect((failure as Error).message).toMatch(why);
      } finally {
        kit.connector.accept('a:1shopper-conversation');
      }
    });

    it('fails for good when the conversation has no conversation reference', async () => {
      const other = await kit.store.resolveConversation({ workspaceId: kit.workspace.id, channel: 'botframework', conversationKey: 'msteams:never-seen', sender: { externalId: 'msteams:nobody' } });
      const message = await kit.store.appendOutgoing({ conversation: other, outgoing: { reply: { text: 'Hola', language: 'es' }, author: 'agent', authorName: 'Ana' } });
      await expect(kit.adapter.deliver(message)).rejects.toThrow(BotFrameworkPermanentError);
      await expect(kit.adapter.deliver(message)).rejects.toThrow(/no Bot Framework conversation reference/);
    });
  });

  describe('typing indicator', () => {
    it('sends a typing activity when the bot starts typing, and nothing when it stops', async () => {
      const before = kit.connector.ofType('typing').length;
      const current = (await kit.store.getConversation(conversation.id)) as Conversation;
      await kit.adapter.typing?.(current, true);
      await kit.adapter.typing?.(current, false);
      const typing = kit.connector.ofType('typing').slice(before);
      expect(typing).toHaveLength(1);
      expect(typing[0]?.activity).toMatchObject({ type: 'typing', recipient: { id: '29:shopper' } });
    });
  });
});
