import { existsSync, readFileSync } from 'node:fs';
import pino from 'pino';
import { MessageMedia, MessageTypes } from 'whatsapp-web.js';
import { MediaAcknowledgement, MediaStore, WhatsAppWebInbound, type InboundOutcome } from '../../../../bots/channels/whatsapp-web';
import { ConversationLock } from '../../../../bots/runtime/conversation-lock';
import type { Conversation, InboundMessage } from '../../../../bots/runtime/conversation-store';
import { IngestService } from '../../../../bots/runtime/ingest';
import { PlatformMetrics } from '../../../../platform/metrics';
import { templatesFor } from '../../../../bots/runtime/templates';
import { jobIds } from '../../../../workers/queues';
import { startChannel, type ChannelUnderTest } from './channel-harness';

const voice = () => new MessageMedia('audio/ogg; codecs=opus', Buffer.from('OggS voice').toString('base64'), null, 10);
const photo = () => new MessageMedia('image/jpeg', Buffer.from('jpeg photo').toString('base64'), null, 10);

describe('WhatsAppWebInbound', () => {
  let channel: ChannelUnderTest;
  let chatCounter = 0;
  /** A chat no other test writes in. */
  const newChat = (): string => `49151${process.pid}${String(chatCounter++).padStart(4, '0')}@c.us`;

  beforeAll(async () => {
    channel = await startChannel({ maxMediaBytes: 64 });
  });

  afterAll(async () => {
    await channel?.close();
  });

  const accepted = (outcome: InboundOutcome) => {
    if (outcome.kind !== 'accepted') throw new Error(`expected the message to be accepted, got ${outcome.kind}`);
    return outcome;
  };
  const conversationOf = async (chat: string) => (await channel.store.findConversationByKey(channel.workspace.id, 'whatsapp-web', chat)) as Conversation;

  describe('when a shopper sends a voice note while the bot owns the conversation', () => {
    it('stores it, keeps the file, answers politely in the conversation language and queues that answer', async () => {
      const chat = newChat();
      await channel.receive({ from: chat, body: 'Hallo, ich habe eine Frage' });
      const conversation = await conversationOf(chat);
      await channel.handle.db.updateTable('conversations').set({ language: 'de' }).where('id', '=', conversation.id).execute();

      const outcome = accepted(await channel.receive({ from: chat, type: MessageTypes.VOICE, media: voice(), id: 'VOICE1' }));
      expect(outcome.acknowledged).toBe(true);
      expect(outcome.result.message).toMatchObject({ text: '[voice note]', channel_message_id: `false_${chat}_VOICE1` });
      const messages = await channel.store.listMessages(conversation.id, { limit: 10 });
      const [voiceNote, answer] = messages.slice(-2);
      expect(voiceNote).toMatchObject({ direction: 'in', status: 'processed' });
      expect(answer).toMatchObject({ direction: 'out', author: 'bot', status: 'pending', language: 'de', text: templatesFor('de').channel.voiceNoteReceived, reply_to: voiceNote?.id });
      const job = await channel.queues.outbound.getJob(jobIds.outbound(answer?.id as string));
      expect(job?.data.items.map((item) => item.messageId)).toEqual([answer?.id]);

      expect(outcome.media).toMatchObject({ stored: true, mimetype: 'audio/ogg; codecs=opus' });
      const path = (outcome.media as { path: string }).path;
      expect(path).toMatch(/whatsapp-web\/.+\/false_.+_VOICE1\.ogg$/);
      expect(readFileSync(path, 'utf8')).toBe('OggS voice');
    });

    it('answers a redelivered copy only once', async () => {
      const chat = newChat();
      await channel.receive({ from: chat, type: MessageTypes.VOICE, media: voice(), id: 'TWICE' });
      const again = accepted(await channel.receive({ from: chat, type: MessageTypes.VOICE, media: voice(), id: 'TWICE' }));
      expect(again.result.duplicate).toBe(true);
      expect(again.acknowledged).toBe(false);
      const messages = await channel.store.listMessages((await conversationOf(chat)).id, { limit: 10 });
      expect(messages.map((message) => message.direction)).toEqual(['in', 'out']);
      expect(messages[1]?.text).toBe(templatesFor('en').channel.voiceNoteReceived);
    });

    it('waits while the bot is still answering an earlier message of the conversation', async () => {
      const chat = newChat();
      await channel.receive({ from: chat, body: 'first' });
      const conversation = await conversationOf(chat);
      const lock = new ConversationLock(channel.redis, channel.prefix);
      const token = (await lock.tryAcquire(conversation.id)) as string;
      const pending = channel.receive({ from: chat, location: { lat: 48.8584, lng: 2.2945, loc: 'Tour Eiffel' } });
      await new Promise((resolve) => setTimeout(resolve, 150));
      expect(await channel.store.listMessages(conversation.id, { limit: 10 })).toHaveLength(1);
      await lock.release(conversation.id, token);
      const outcome = accepted(await pending);
      expect(outcome.acknowledged).toBe(true);
      expect(outcome.result.message.text).toBe('[location] Tour Eiffel (48.8584, 2.2945)');
    });
  });

  describe('when a person owns the conversation', () => {
    it('stores the attachment for the runtime to relay, without answering', async () => {
      const chat = newChat();
      await channel.receive({ from: chat, body: 'I need a human' });
      const conversation = await conversationOf(chat);
      await channel.store.setState(conversation.id, 'with_agent');
      const outcome = accepted(await channel.receive({ from: chat, media: photo() }));
      expect(outcome.acknowledged).toBe(false);
      expect(outcome.result.message).toMatchObject({ text: '[image]', status: 'accepted' });
      expect(outcome.media).toMatchObject({ stored: true });
    });
  });

  describe('with a captioned image', () => {
    it('hands the caption to the bot and keeps the photo, without an acknowledgement', async () => {
      const outcome = accepted(await channel.receive({ from: newChat(), media: photo(), caption: 'The sole came off' }));
      expect(outcome.acknowledged).toBe(false);
      expect(outcome.result.message).toMatchObject({ text: '[image] The sole came off', status: 'accepted' });
      expect(existsSync((outcome.media as { path: string }).path)).toBe(true);
    });
  });

  describe('with an attachment that cannot be kept', () => {
    it('does not download a file announced larger than the limit, and still stores and answers the message', async () => {
      const outcome = accepted(await channel.receive({ from: newChat(), type: MessageTypes.DOCUMENT, media: photo(), size: 10_000, filename: 'scan.pdf' }));
      expect(outcome.media).toEqual({ stored: false, reason: 'too_large', bytes: 10_000 });
      expect(outcome.acknowledged).toBe(true);
    });

    it('stores the message when WhatsApp no longer has the file', async () => {
      const outcome = accepted(await channel.receive({ from: newChat(), type: MessageTypes.VIDEO, media: null }));
      expect(outcome.media).toEqual({ stored: false, reason: 'unavailable' });
      expect(outcome.result.message.text).toBe('[video]');
    });
  });

  describe('when storing fails for a moment', () => {
    it('retries until the database answers, keeping the order of the chat', async () => {
      let failures = 2;
      const order: string[] = [];
      const logger = pino({ level: 'silent' });
      const service = new IngestService(channel.store, channel.queues.inbound, new PlatformMetrics({ defaultMetrics: false }));
      const flaky = {
        async ingest(message: InboundMessage, conversation?: Conversation) {
          if (failures > 0) {
            failures -= 1;
            throw new Error('SQLITE_BUSY: database is locked');
          }
          order.push(message.text);
          return service.ingest(message, conversation);
        },
      };
      const inbound = new WhatsAppWebInbound({
        workspace: { id: channel.workspace.id, defaultLanguage: 'en' },
        allowGroups: false,
        ingest: flaky,
        acknowledgement: new MediaAcknowledgement({ store: channel.store, ingest: flaky, lock: new ConversationLock(channel.redis, channel.prefix), outbound: channel.queues.outbound, logger }),
        media: new MediaStore(channel.mediaDir, 1024),
        logger,
        retryDelayMs: 5,
      });
      const chat = newChat();
      const client = channel.world.client;
      const outcomes = await Promise.all(['one', 'two', 'three'].map((body) => inbound.handle(client.buildIncoming({ from: chat, body }))));
      expect(outcomes.map((outcome) => outcome.kind)).toEqual(['accepted', 'accepted', 'accepted']);
      expect(order).toEqual(['one', 'two', 'three']);
      const stored = await channel.store.listMessages((await conversationOf(chat)).id, { limit: 10 });
      expect(stored.map((message) => message.text)).toEqual(['one', 'two', 'three']);
    });
  });

  it('ignores status updates and group chats without storing anything', async () => {
    const before = channel.ingested.length;
    expect(await channel.receive({ from: newChat(), body: 'my holiday', isStatus: true })).toEqual({ kind: 'ignored', reason: 'status' });
    expect(await channel.receive({ from: '120363025246125486@g.us', author: newChat(), body: 'group chat' })).toEqual({ kind: 'ignored', reason: 'group' });
    expect(channel.ingested.length).toBe(before);
  });
});
