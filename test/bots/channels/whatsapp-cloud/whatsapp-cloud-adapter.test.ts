import { UnrecoverableError } from 'bullmq';
import { createWhatsAppCloudAdapter, TEMPLATE_PART, WhatsAppRetryableError, WhatsAppWindowClosedError, WhatsAppPermanentError, type GraphMessage } from '../../../../bots/channels/whatsapp-cloud';
import type { Conversation, StoredMessage } from '../../../../bots/runtime/conversation-store';
import type { Reply } from '../../../../bots/runtime/reply';
import { postWebhook, textMessage, webhookBody, type FakeGraphSend } from '../../../support/fake-graph-api';
import { describeAdapterConformance, type ConformanceHarness, type SentRecord } from '../adapter-conformance';
import { APP_SECRET, PHONE_NUMBER_ID, startChannelFixture, type ChannelFixture } from './channel-fixture';

const HOUR = 3_600_000;

/** What the fake Graph API received, in the conformance suite's terms. */
function toSentRecord(send: FakeGraphSend): SentRecord {
  // The recorded request body is Meta's envelope around one of the messages the client builds.
  const message = send.body as unknown as GraphMessage;
  switch (message.type) {
    case 'text':
      return { kind: 'text', text: message.text.body };
    case 'image':
      return { kind: 'image', url: message.image.link, ...(message.image.caption ? { caption: message.image.caption } : {}) };
    case 'interactive': {
      const interactive = message.interactive;
      if (interactive.type === 'button') return { kind: 'text', text: interactive.body.text, buttons: interactive.action.buttons.map((button) => button.reply.title) };
      return { kind: 'text', text: interactive.body.text, list: interactive.action.sections.flatMap((section) => section.rows.map((row) => row.title)) };
    }
    case 'template':
      return { kind: 'text', text: `[template ${message.template.name}]` };
  }
}

/** A shopper who writes through signed webhooks. */
function shopperOf(channel: ChannelFixture, waId: string) {
  return {
    waId,
    async say(text: string, id: string): Promise<void> {
      const answer = await postWebhook(channel.webhookUrl, APP_SECRET, webhookBody(PHONE_NUMBER_ID, { shopper: { waId, name: 'Ana Ruiz' }, messages: [textMessage(waId, id, text)] }));
      if (answer.status !== 200) throw new Error(`webhook answered ${answer.status}: ${answer.body}`);
    },
    async conversation(): Promise<Conversation> {
      const found = await channel.store.findConversationByKey(channel.workspace.id, 'whatsapp', waId);
      if (!found) throw new Error('the shopper has not written yet');
      return found;
    },
    async store(reply: Reply, author: { author: 'bot' } | { author: 'agent'; name: string } = { author: 'bot' }): Promise<StoredMessage> {
      const conversation = await this.conversation();
      return channel.store.appendOutgoing({ conversation, outgoing: { reply, author: author.author, ...(author.author === 'agent' ? { authorName: author.name } : {}) } });
    },
  };
}

const TEMPLATE = { templateName: 'reply_waiting', templateLanguage: 'es', templateParams: ['{shopper}', '{store}', '{text}'] };

describeAdapterConformance('whatsapp-cloud', async (): Promise<ConformanceHarness> => {
  const channel = await startChannelFixture();
  const shopper = shopperOf(channel, '4917012345678');
  return {
    adapter: channel.adapter,
    receiveText: (text, id) => shopper.say(text, id),
    ingested: () => channel.ingested,
    conversation: () => shopper.conversation(),
    storeOutgoing: (reply, author) => shopper.store(reply, author),
    takeSent: () => channel.graph.takeSent().map(toSentRecord),
    failSendAfter: (successes) => channel.graph.failSendAfter(successes),
    close: () => channel.close(),
  };
});

describe('WhatsAppCloudAdapter', () => {
  let channel: ChannelFixture;
  let serial = 0;
  const nextShopper = () => shopperOf(channel, `4915${String(process.pid).slice(-4)}${String(++serial).padStart(5, '0')}`);
  const wamid = () => `wamid.IN${process.pid}${Date.now()}${serial++}`;

  beforeAll(async () => {
    channel = await startChannelFixture({ whatsappCloud: TEMPLATE });
  });

  beforeEach(() => {
    channel.setNow(Date.now());
    channel.graph.takeSent();
  });

  afterAll(async () => {
    await channel?.close();
  });

  it("records each part's provider message id for the receipts", async () => {
    const shopper = nextShopper();
    await shopper.say('hi', wamid());
    const message = await shopper.store({ text: 'Two ideas:', language: 'en', cards: [{ productId: 'a', title: 'A', imageUrl: 'https://shop.example/a.jpg' }] });
    await channel.adapter.deliver(message);
    const sent = channel.graph.takeSent();
    expect((await channel.deliveryLog.parts(message.id)).map((part) => part.providerMessageId)).toEqual(sent.map((send) => send.id));
    expect(sent.every((send) => send.to === shopper.waId)).toBe(true);
  });

  describe("outside WhatsApp's 24-hour window", () => {
    it('sends the configured template once instead of the parts, filled with the shopper, store and text', async () => {
      const shopper = nextShopper();
      await shopper.say('hola', wamid());
      const message = await shopper.store({ text: 'Tu **reembolso** está aprobado.\nLlega en 3 días.', language: 'es', quickReplies: [{ title: 'Gracias', payload: 'thanks' }] }, { author: 'agent', name: 'Dana' });
      channel.setNow(Date.now() + 25 * HOUR);
      await channel.adapter.deliver(message);
      const sent = channel.graph.takeSent();
      expect(sent).toHaveLength(1);
      expect(sent[0]?.body).toMatchObject({
        to: shopper.waId,
        type: 'template',
        template: {
          name: 'reply_waiting',
          language: { code: 'es' },
          components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana Ruiz' }, { type: 'text', text: 'Trail Shop' }, { type: 'text', text: '*Dana* Tu *reembolso* está aprobado. Llega en 3 días.' }] }],
        },
      });
      // A retry, or a second delivery, sends nothing more.
      await channel.adapter.deliver(message);
      expect(channel.graph.takeSent()).toEqual([]);
      expect(await channel.deliveryLog.parts(message.id)).toEqual([{ messageId: message.id, part: TEMPLATE_PART, providerMessageId: sent[0]?.id, status: 'sent' }]);
    });

    it('sends the template to a shopper who never wrote (a proactive message)', async () => {
      const waId = '4930111222333';
      const conversation = await channel.store.resolveConversation({ workspaceId: channel.workspace.id, channel: 'whatsapp', conversationKey: waId, sender: { externalId: waId, displayName: 'Lena' } });
      const message = await channel.store.appendOutgoing({ conversation, outgoing: { reply: { text: 'Your order shipped.', language: 'en' }, author: 'bot' } });
      await channel.adapter.deliver(message);
      const [sent] = channel.graph.takeSent();
      expect(sent).toMatchObject({ to: waId, type: 'template' });
      expect(JSON.stringify(sent?.body)).toContain('Lena');
    });

    it('falls back to the template when WhatsApp itself says the window is closed', async () => {
      const shopper = nextShopper();
      await shopper.say('hi', wamid());
      channel.graph.closeWindow(shopper.waId);
      const message = await shopper.store({ text: 'Following up on your return.', language: 'en' });
      await channel.adapter.deliver(message);
      expect(channel.graph.takeSent().map((send) => send.type)).toEqual(['template']);
    });

    it('continues a message that had started going out, rather than repeat it in a template', async () => {
      const shopper = nextShopper();
      await shopper.say('hi', wamid());
      const message = await shopper.store({ text: 'Ideas:', language: 'en', cards: [{ productId: 'a', title: 'A', imageUrl: 'https://shop.example/a.jpg' }] });
      channel.graph.failSendAfter(1);
      await expect(channel.adapter.deliver(message)).rejects.toBeInstanceOf(WhatsAppRetryableError);
      channel.setNow(Date.now() + 25 * HOUR);
      await channel.adapter.deliver(message);
      expect(channel.graph.takeSent().map((send) => send.type)).toEqual(['text', 'image']);
    });

    it('fails permanently, naming the setting, when no template is configured', async () => {
      const withoutTemplate = createWhatsAppCloudAdapter({
        config: { whatsappCloud: { ...channel.config.whatsappCloud, templateName: '' } },
        db: channel.handle.db,
        store: channel.store,
        now: () => Date.now() + 25 * HOUR,
      });
      const shopper = nextShopper();
      await shopper.say('hi', wamid());
      const message = await shopper.store({ text: 'Late answer', language: 'en' });
      const error = await withoutTemplate.deliver(message).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WhatsAppWindowClosedError);
      expect(error).toBeInstanceOf(UnrecoverableError);
      expect((error as Error).message).toMatch(/last wrote 25 h ago.*WHATSAPP_CLOUD_TEMPLATE/);
      expect(channel.graph.takeSent()).toEqual([]);
    });
  });

  describe('when the Graph API fails', () => {
    it('throws a retryable error carrying Retry-After on a rate limit, and sends nothing twice after', async () => {
      const shopper = nextShopper();
      await shopper.say('hi', wamid());
      const message = await shopper.store({ text: 'Rate limited answer', language: 'en' });
      channel.graph.failNextSends(1, { status: 429, code: 130429, retryAfterSeconds: 2 });
      const error = (await channel.adapter.deliver(message).catch((e: unknown) => e)) as WhatsAppRetryableError;
      expect(error).toBeInstanceOf(WhatsAppRetryableError);
      expect(error.retryAfterMs).toBe(2000);
      await channel.adapter.deliver(message);
      expect(channel.graph.takeSent()).toHaveLength(1);
    });

    it.each([131056, 80007, 4, 613])('retries Meta error %i', async (code) => {
      const shopper = nextShopper();
      await shopper.say('hi', wamid());
      channel.graph.failNextSends(1, { status: 400, code });
      await expect(channel.adapter.deliver(await shopper.store({ text: 'x', language: 'en' }))).rejects.toBeInstanceOf(WhatsAppRetryableError);
    });

    it('fails permanently for an undeliverable recipient', async () => {
      const shopper = nextShopper();
      await shopper.say('hi', wamid());
      channel.graph.failNextSends(1, { status: 400, code: 131026 });
      const error = await channel.adapter.deliver(await shopper.store({ text: 'x', language: 'en' })).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WhatsAppPermanentError);
      expect(error).toBeInstanceOf(UnrecoverableError);
    });
  });

  describe('typing', () => {
    it("shows the typing indicator on the shopper's last message (marking it read)", async () => {
      const shopper = nextShopper();
      const first = wamid();
      const last = wamid();
      await shopper.say('one', first);
      await shopper.say('two', last);
      await channel.adapter.typing(await shopper.conversation(), true);
      expect(channel.graph.reads.at(-1)).toEqual({ messageId: last, typing: true });
    });

    it('does nothing to stop it (WhatsApp removes it with the reply) or outside the window', async () => {
      const shopper = nextShopper();
      await shopper.say('one', wamid());
      const before = channel.graph.reads.length;
      await channel.adapter.typing(await shopper.conversation(), false);
      channel.setNow(Date.now() + 25 * HOUR);
      await channel.adapter.typing(await shopper.conversation(), true);
      expect(channel.graph.reads.length).toBe(before);
    });
  });

  it('refuses a message whose conversation is gone, permanently', async () => {
    const shopper = nextShopper();
    await shopper.say('hi', wamid());
    const message = await shopper.store({ text: 'x', language: 'en' });
    await expect(channel.adapter.deliver({ ...message, conversation_id: 'missing' })).rejects.toBeInstanceOf(WhatsAppPermanentError);
  });
});

