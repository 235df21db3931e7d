import { MessageAck } from 'whatsapp-web.js';
import {
  ImageUnavailableError,
  MAX_TYPING_MS,
  receiptStatus,
  SendRateLimitedError,
  SendRateLimiter,
  WhatsAppNotReadyError,
} from '../../../../bots/channels/whatsapp-web';
import type { Conversation, StoredMessage } from '../../../../bots/runtime/conversation-store';
import type { Reply } from '../../../../bots/runtime/reply';
import { describeAdapterConformance, type ConformanceHarness, type SentRecord } from '../adapter-conformance';
import type { FakeSentMessage } from '../../../support/fake-whatsapp-client';
import { waitFor } from '../../../support/wait-for';
import { startChannel, type ChannelUnderTest } from './channel-harness';

const CHAT = '4915112345678@c.us';

/** The fake's record as the conformance suite reads it (an image's file name is its URL, see channel-harness.ts). */
function toRecord(sent: FakeSentMessage): SentRecord {
  return sent.media ? { kind: 'image', url: sent.media.filename ?? '', ...(sent.text ? { caption: sent.text } : {}) } : { kind: 'text', text: sent.text };
}

async function storeReply(channel: ChannelUnderTest, reply: Reply, author: { author: 'bot' } | { author: 'agent'; name: string } = { author: 'bot' }): Promise<StoredMessage> {
  const conversation = await channel.store.findConversationByKey(channel.workspace.id, 'whatsapp-web', CHAT);
  if (!conversation) throw new Error('The shopper has not written yet');
  return channel.store.appendOutgoing({
    conversation,
    outgoing: { reply, author: author.author, ...(author.author === 'agent' ? { authorName: author.name } : {}) },
  });
}

describeAdapterConformance('whatsapp-web', async (): Promise<ConformanceHarness> => {
  const channel = await startChannel();
  return {
    adapter: channel.sender,
    async receiveText(text, providerMessageId) {
      await channel.receive({ from: CHAT, body: text, id: providerMessageId, notifyName: 'Conformance Shopper' });
    },
    ingested: () => channel.ingested,
    async conversation() {
      return (await channel.store.findConversationByKey(channel.workspace.id, 'whatsapp-web', CHAT)) as Conversation;
    },
    storeOutgoing: (reply, author) => storeReply(channel, reply, author),
    takeSent: () => channel.world.takeSent().map(toRecord),
    failSendAfter: (successes) => channel.world.failSendAfter(successes),
    close: () => channel.close(),
  };
});

describe('WhatsAppWebSender', () => {
  let channel: ChannelUnderTest;
  const pauses: number[] = [];
  let limiter: SendRateLimiter;
  let clock = 0;

  beforeAll(async () => {
    limiter = new SendRateLimiter(3, 60_000, () => clock);
    channel = await startChannel({
      sender: {
        typingMsPerChar: 25,
        rateLimiter: limiter,
        sleep: async (ms) => {
          pauses.push(ms);
        },
      },
    });
    await channel.receive({ from: CHAT, body: 'hello' });
  });

  afterAll(async () => {
    await channel?.close();
  });

  beforeEach(() => {
    // A fresh minute for every test.
    clock += 120_000;
    pauses.length = 0;
    channel.world.takeSent();
    channel.world.typing.length = 0;
  });

  describe('when pacing like a person', () => {
    it('shows typing for 25 ms per character before each message', async () => {
      await channel.sender.deliver(await storeReply(channel, { text: 'Your parcel ships today.', language: 'en' }));
      expect(channel.world.typing).toEqual([CHAT]);
      expect(pauses).toEqual([25 * 'Your parcel ships today.'.length]);
      expect(channel.world.takeSent().map((sent) => sent.text)).toEqual(['Your parcel ships today.']);
    });

    it('types for at most four seconds', async () => {
      await channel.sender.deliver(await storeReply(channel, { text: 'Free returns within thirty days. '.repeat(20), language: 'en' }));
      expect(pauses).toEqual([MAX_TYPING_MS]);
    });

    it('writes Markdown the WhatsApp way', async () => {
      await channel.sender.deliver(await storeReply(channel, { text: 'Your order is **on its way**.', language: 'en' }));
      expect(channel.world.takeSent().map((sent) => sent.text)).toEqual(['Your order is *on its way*.']);
    });
  });

  describe('when the phone has sent its budget for the minute', () => {
    it('refuses with the wait, sends nothing more, and sends the rest once the minute has passed', async () => {
      const cards = [1, 2, 3].map((n) => ({ productId: `b${n}`, title: `Budget Shoe ${n}`, imageUrl: `https://shop.example/img/b${n}.jpg` }));
      const message = await storeReply(channel, { text: 'Three ideas:', language: 'en', cards });
      const error = await channel.sender.deliver(message).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SendRateLimitedError);
      expect((error as SendRateLimitedError).retryInMs).toBe(60_000);
      expect(channel.world.takeSent()).toHaveLength(3);
      clock += 60_000;
      await channel.sender.deliver(message);
      expect(channel.world.takeSent().map((sent) => sent.media?.filename)).toEqual(['https://shop.example/img/b3.jpg']);
    });
  });

  describe('when the phone is not connected', () => {
    it('refuses with WhatsAppNotReadyError and sends nothing', async () => {
      const message = await storeReply(channel, { text: 'Later, please.', language: 'en' });
      channel.world.client.disconnect();
      await expect(channel.sender.deliver(message)).rejects.toBeInstanceOf(WhatsAppNotReadyError);
      expect(channel.world.takeSent()).toEqual([]);
      // The connection links again by itself; then the same message goes out.
      await waitFor(() => channel.connection.status().state === 'ready');
      await channel.sender.deliver(message);
      expect(channel.world.takeSent().map((sent) => sent.text)).toEqual(['Later, please.']);
    });
  });

  describe("when a product's image cannot be loaded", () => {
    it('sends the caption as text instead', async () => {
      const broken = await startChannel({
        sender: {
          loadImage: async (url) => {
            throw new ImageUnavailableError(url, 'HTTP 404');
          },
        },
      });
      try {
        await broken.receive({ from: CHAT, body: 'shoes?' });
        const cards = [{ productId: 'x1', title: 'Gone Shoe', imageUrl: 'https://shop.example/img/gone.jpg', url: 'https://shop.example/p/x1' }];
        await broken.sender.deliver(await storeReply(broken, { text: 'One idea:', language: 'en', cards }));
        const sent = broken.world.takeSent();
        expect(sent.every((message) => !message.media)).toBe(true);
        expect(sent.map((message) => message.text).join('\n')).toContain('https://shop.example/p/x1');
      } finally {
        await broken.close();
      }
    });
  });

  describe('receipts', () => {
    it('are recorded on the sent part: delivered, then read, never back', async () => {
      const message = await storeReply(channel, { text: 'Receipt please.', language: 'en' });
      await channel.sender.deliver(message);
      const [sent] = channel.world.takeSent();
      const providerId = (sent as FakeSentMessage).id;
      for (const ack of [MessageAck.ACK_DEVICE, MessageAck.ACK_READ, MessageAck.ACK_DEVICE]) {
        const status = receiptStatus(ack);
        if (status) await channel.deliveryLog.recordStatus('whatsapp-web', providerId, status);
      }
      expect(await channel.deliveryLog.parts(message.id)).toEqual([{ messageId: message.id, part: 0, providerMessageId: providerId, status: 'read' }]);
    });

    it('maps every WhatsApp ack to a delivery status', () => {
      expect([MessageAck.ACK_ERROR, MessageAck.ACK_PENDING, MessageAck.ACK_SERVER, MessageAck.ACK_DEVICE, MessageAck.ACK_READ, MessageAck.ACK_PLAYED].map(receiptStatus)).toEqual([
        'failed',
        undefined,
        undefined,
        'delivered',
        'read',
        'read',
      ]);
    });
  });

  it('shows and clears typing on request', async () => {
    const conversation = (await channel.store.findConversationByKey(channel.workspace.id, 'whatsapp-web', CHAT)) as Conversation;
    await channel.sender.typing(conversation, true);
    await channel.sender.typing(conversation, false);
    expect(channel.world.typing).toEqual([CHAT]);
  });
});
