import { Queue, type Worker } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import {
  openWhatsAppWebQueue,
  SendRateLimiter,
  startWhatsAppWebSendWorker,
  whatsAppWebJobId,
  WhatsAppWebQueueAdapter,
  WhatsAppWebSender,
  WHATSAPP_WEB_QUEUE,
  type WhatsAppWebSendJobData,
} from '../../../../bots/channels/whatsapp-web';
import type { StoredMessage } from '../../../../bots/runtime/conversation-store';
import { bullPrefix } from '../../../../workers/queues';
import { REDIS_URL } from '../../../support/services';
import { waitFor } from '../../../support/wait-for';
import { startChannel, urlNamedImageLoader, type ChannelUnderTest } from './channel-harness';

const CHAT = '4915187654321@c.us';
const logger = pino({ level: 'silent' });

describe('the whatsapp-web send queue', () => {
  let channel: ChannelUnderTest;
  let queue: Queue<WhatsAppWebSendJobData>;
  let workerRedis: Redis;
  let worker: Worker<WhatsAppWebSendJobData> | undefined;

  beforeAll(async () => {
    channel = await startChannel();
    await channel.receive({ from: CHAT, body: 'hello' });
    // Quick retries for the test; production uses WHATSAPP_WEB_JOB_OPTIONS (see openWhatsAppWebQueue).
    queue = new Queue<WhatsAppWebSendJobData>(WHATSAPP_WEB_QUEUE, {
      connection: channel.redis,
      prefix: bullPrefix(channel.prefix),
      defaultJobOptions: { attempts: 3, backoff: { type: 'fixed', delay: 50 }, removeOnComplete: true, removeOnFail: true },
    });
    workerRedis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
  });

  afterEach(async () => {
    await worker?.close();
    worker = undefined;
    await queue.obliterate({ force: true });
    channel.world.takeSent();
  });

  afterAll(async () => {
    await queue?.close();
    await workerRedis?.quit();
    await channel?.close();
  });

  async function reply(text: string): Promise<StoredMessage> {
    const conversation = await channel.store.findConversationByKey(channel.workspace.id, 'whatsapp-web', CHAT);
    if (!conversation) throw new Error('no conversation');
    return channel.store.appendOutgoing({ conversation, outgoing: { reply: { text, language: 'en' }, author: 'bot' } });
  }

  function consume(sender: WhatsAppWebSender = channel.sender): void {
    worker = startWhatsAppWebSendWorker({
      connection: workerRedis,
      redisKeyPrefix: channel.prefix,
      queue,
      store: channel.store,
      sender,
      maxPerMinute: 60,
      logger,
      notReadyRetryMs: 100,
    });
  }

  describe('on the worker side', () => {
    it('queues one job per message, however often it is delivered', async () => {
      const adapter = new WhatsAppWebQueueAdapter(queue);
      const message = await reply('Queued once.');
      await adapter.deliver(message);
      await adapter.deliver(message);
      expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
      const job = await queue.getJob(whatsAppWebJobId(message.id));
      expect(job?.data).toEqual({ workspaceId: message.workspace_id, conversationId: message.conversation_id, messageId: message.id });
    });

    it('uses the deployment prefix and the retry defaults for production queues', async () => {
      const production = openWhatsAppWebQueue(channel.redis, channel.prefix);
      try {
        expect(production.name).toBe('whatsapp-web');
        expect(production.opts.prefix).toBe(`${channel.prefix}:bull`);
        expect(production.defaultJobOptions).toMatchObject({ attempts: 10, backoff: { type: 'exponential', delay: 2000 } });
      } finally {
        await production.close();
      }
    });
  });

  describe('in the process holding the phone', () => {
    it('sends queued messages in order', async () => {
      const adapter = new WhatsAppWebQueueAdapter(queue);
      for (const text of ['First.', 'Second.', 'Third.']) await adapter.deliver(await reply(text));
      consume();
      await waitFor(() => channel.world.sent.length === 3);
      expect(channel.world.takeSent().map((sent) => [sent.chatId, sent.text])).toEqual([
        [CHAT, 'First.'],
        [CHAT, 'Second.'],
        [CHAT, 'Third.'],
      ]);
    });

    it('keeps jobs waiting while the phone is disconnected, without using attempts, and sends once it is back', async () => {
      // WhatsApp Web cannot be reached until the test says so.
      channel.world.defaultScript = 'fail';
      channel.world.client.disconnect();
      const message = await reply('Sent after the outage.');
      await new WhatsAppWebQueueAdapter(queue).deliver(message);
      consume();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(channel.world.sent).toEqual([]);
      const waiting = await queue.getJob(whatsAppWebJobId(message.id));
      expect(waiting?.attemptsMade).toBe(0);
      expect(await waiting?.isFailed()).toBe(false);
      channel.world.defaultScript = 'ready';
      await waitFor(() => channel.connection.status().state === 'ready', 5000);
      await waitFor(() => channel.world.sent.length === 1, 5000);
      expect(channel.world.takeSent()[0]?.text).toBe('Sent after the outage.');
    });

    it("waits when the phone's budget is spent, then sends the rest", async () => {
      const limited = new WhatsAppWebSender({
        client: () => channel.connection.readyClient(),
        deliveryLog: channel.deliveryLog,
        conversations: channel.store,
        loadImage: urlNamedImageLoader,
        typingMsPerChar: 0,
        rateLimiter: new SendRateLimiter(1, 400),
        logger,
      });
      const adapter = new WhatsAppWebQueueAdapter(queue);
      const first = await reply('One.');
      const second = await reply('Two.');
      await adapter.deliver(first);
      await adapter.deliver(second);
      consume(limited);
      await waitFor(() => channel.world.sent.length === 1);
      const started = Date.now();
      await waitFor(() => channel.world.sent.length === 2, 5000);
      expect(Date.now() - started).toBeGreaterThanOrEqual(200);
      const sent = channel.world.takeSent();
      expect(sent.map((message) => message.text)).toEqual(['One.', 'Two.']);
      expect((sent[1]?.at ?? 0) - (sent[0]?.at ?? 0)).toBeGreaterThanOrEqual(390);
    });

    it('retries a send WhatsApp refused, and never sends a part twice', async () => {
      const cards = [1, 2].map((n) => ({ productId: `q${n}`, title: `Queue Shoe ${n}`, imageUrl: `https://shop.example/img/q${n}.jpg` }));
      const conversation = await channel.store.findConversationByKey(channel.workspace.id, 'whatsapp-web', CHAT);
      const message = await channel.store.appendOutgoing({ conversation: conversation as never, outgoing: { reply: { text: 'Two shoes:', language: 'en', cards }, author: 'bot' } });
      channel.world.failSendAfter(1);
      await new WhatsAppWebQueueAdapter(queue).deliver(message);
      consume();
      await waitFor(() => channel.world.sent.length === 3, 5000);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const sent = channel.world.takeSent();
      expect(sent.map((part) => part.media?.filename ?? part.text)).toEqual(['Two shoes:', 'https://shop.example/img/q1.jpg', 'https://shop.example/img/q2.jpg']);
      expect((await channel.deliveryLog.parts(message.id)).map((part) => part.providerMessageId)).toEqual(sent.map((part) => part.id));
    });
  });
});
