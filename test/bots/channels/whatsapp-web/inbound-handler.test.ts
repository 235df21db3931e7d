import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { MessageMedia, MessageTypes, type Message } from 'whatsapp-web.js';
import { MediaStore, WhatsAppWebInbound, type InboundIngest, type InboundOutcome } from '../../../../bots/channels/whatsapp-web';
import { messagePayload, type Conversation, type InboundMessage } from '../../../../bots/runtime/conversation-store';
import { IngestService } from '../../../../bots/runtime/ingest';
import { PlatformMetrics } from '../../../../platform/metrics';
import { jobIds } from '../../../../workers/queues';
import type { IncomingMessage } from '../../../support/fake-whatsapp-client';
import { startChannel, type ChannelUnderTest } from './channel-harness';

const voice = () => new MessageMedia('audio/ogg; codecs=opus', Buffer.from('OggS voice').toString('base64'), null, 10);
const photo = () => new MessageMedia('image/jpeg', Buffer.from('jpeg photo').toString('base64'), null, 10);
const logger = pino({ level: 'silent' });

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
  const service = () => new IngestService(channel.store, channel.queues.inbound, new PlatformMetrics({ defaultMetrics: false }));

  /** An inbound handler of its own around `ingest`, for tests that watch or break ingest or the download. */
  function handlerWith(ingest: InboundIngest, options: { downloadTimeoutMs?: number } = {}): WhatsAppWebInbound {
    return new WhatsAppWebInbound({
      workspace: { id: channel.workspace.id },
      allowGroups: false,
      ingest,
      media: new MediaStore(channel.mediaDir, 1024),
      logger,
      retryDelayMs: 5,
      ...options,
    });
  }
  const build = (input: IncomingMessage): Message => channel.world.client.buildIncoming(input);

  describe('with a voice note', () => {
    it('keeps the file before the message is stored, and stores the message with its attachment for the runtime to answer', async () => {
      const chat = newChat();
      const keptAtIngest: boolean[] = [];
      const real = service();
      const inbound = handlerWith({
        ingest(message: InboundMessage) {
          keptAtIngest.push(message.attachment?.file !== undefined && existsSync(join(channel.mediaDir, message.attachment.file)));
          return real.ingest(message);
        },
      });
      const outcome = accepted(await inbound.handle(build({ from: chat, type: MessageTypes.VOICE, media: voice(), id: 'VOICE1' })));
      expect(keptAtIngest).toEqual([true]);
      expect(outcome.result.message).toMatchObject({ text: '[voice note]', channel_message_id: `false_${chat}_VOICE1`, status: 'accepted' });
      expect(messagePayload(outcome.result.message).attachment).toEqual({
        kind: 'voice',
        mimeType: 'audio/ogg; codecs=opus',
        bytes: 10,
        file: join('whatsapp-web', channel.workspace.id, `false_${chat.replace('@', '_')}_VOICE1.ogg`),
      });
      expect(readFileSync(join(channel.mediaDir, outcome.attachment?.file as string), 'utf8')).toBe('OggS voice');
      // Queued for the turn processor, which answers it (bots/runtime/skills/attachment-skill.ts).
      expect((await channel.queues.inbound.getJob(jobIds.inbound(outcome.result.message.id)))?.data.messageId).toBe(outcome.result.message.id);
    });

    it('stores a copy the phone hands over twice only once', async () => {
      const chat = newChat();
      await channel.receive({ from: chat, type: MessageTypes.VOICE, media: voice(), id: 'TWICE' });
      const again = accepted(await channel.receive({ from: chat, type: MessageTypes.VOICE, media: voice(), id: 'TWICE' }));
      expect(again.result.duplicate).toBe(true);
      const messages = await channel.store.listMessages((await conversationOf(chat)).id, { limit: 10 });
      expect(messages.map((message) => message.text)).toEqual(['[voice note]']);
    });
  });

  describe('with a captioned image', () => {
    it('stores the caption as the words of the attachment, and keeps the photo', async () => {
      const outcome = accepted(await channel.receive({ from: newChat(), media: photo(), caption: 'The sole came off' }));
      expect(outcome.result.message).toMatchObject({ text: '[image] The sole came off', status: 'accepted' });
      expect(outcome.attachment).toMatchObject({ kind: 'image', caption: 'The sole came off', mimeType: 'image/jpeg' });
      expect(existsSync(join(channel.mediaDir, outcome.attachment?.file as string))).toBe(true);
    });
  });

  describe('with a shared location', () => {
    it('stores the place and its coordinates as the attachment', async () => {
      const outcome = accepted(await channel.receive({ from: newChat(), location: { lat: 48.8584, lng: 2.2945, loc: 'Tour Eiffel\nChamp de Mars, Paris' } }));
      expect(outcome.result.message.text).toBe('[location] Tour Eiffel, Champ de Mars, Paris (48.8584, 2.2945)');
      expect(messagePayload(outcome.result.message).attachment).toEqual({
        kind: 'location',
        location: { latitude: 48.8584, longitude: 2.2945, name: 'Tour Eiffel', address: 'Champ de Mars, Paris' },
      });
    });
  });

  describe('with an attachment that cannot be kept', () => {
    it('does not download a file announced larger than the limit, and still stores the message', async () => {
      const outcome = accepted(await channel.receive({ from: newChat(), type: MessageTypes.DOCUMENT, media: photo(), size: 10_000, filename: 'scan.pdf' }));
      expect(outcome.result.message.text).toBe('[document: scan.pdf (not kept: too large)]');
      expect(messagePayload(outcome.result.message).attachment).toEqual({ kind: 'document', mimeType: 'image/jpeg', filename: 'scan.pdf', bytes: 10_000, notKept: 'too_large' });
    });

    it('stores the message when WhatsApp no longer has the file', async () => {
      const outcome = accepted(await channel.receive({ from: newChat(), type: MessageTypes.VIDEO, media: null }));
      expect(outcome.attachment).toMatchObject({ kind: 'video', notKept: 'unavailable' });
      expect(outcome.result.message.text).toBe('[video (not kept: unavailable)]');
    });

    it('stores the message without its file when every download fails', async () => {
      const chat = newChat();
      const message = build({ from: chat, type: MessageTypes.VOICE, media: voice() });
      let downloads = 0;
      message.downloadMedia = async () => {
        downloads += 1;
        throw new Error('Evaluation failed: the page was closed');
      };
      const outcome = accepted(await handlerWith(service()).handle(message));
      expect(downloads).toBe(3);
      expect(outcome.result.message).toMatchObject({ text: '[voice note (not kept: unavailable)]', status: 'accepted' });
      expect(messagePayload(outcome.result.message).attachment).toMatchObject({ kind: 'voice', notKept: 'unavailable' });
    });

    it('does not let a download that hangs hold the message back', async () => {
      const message = build({ from: newChat(), media: photo(), caption: 'broken zipper' });
      message.downloadMedia = () => new Promise<MessageMedia>(() => undefined);
      const started = Date.now();
      const outcome = accepted(await handlerWith(service(), { downloadTimeoutMs: 50 }).handle(message));
      expect(Date.now() - started).toBeLessThan(2000);
      expect(outcome.result.message.text).toBe('[image (not kept: unavailable)] broken zipper');
    });
  });

  describe('with a message the bot cannot read', () => {
    it('stores a contact card as an unsupported attachment, without the raw vCard', async () => {
      const outcome = accepted(await channel.receive({ from: newChat(), type: MessageTypes.CONTACT_CARD, body: 'BEGIN:VCARD\nFN:Max\nEND:VCARD' }));
      expect(outcome.result.message.text).toBe('[contact card]');
      expect(outcome.attachment).toEqual({ kind: 'unsupported', providerType: MessageTypes.CONTACT_CARD });
    });
  });

  describe('when storing fails for a moment', () => {
    it('retries until the database answers, keeping the order of the chat', async () => {
      let failures = 2;
      const order: string[] = [];
      const real = service();
      const inbound = handlerWith({
        async ingest(message: InboundMessage) {
          if (failures > 0) {
            failures -= 1;
            throw new Error('SQLITE_BUSY: database is locked');
          }
          order.push(message.text);
          return real.ingest(message);
        },
      });
      const chat = newChat();
      const outcomes = await Promise.all(['one', 'two', 'three'].map((body) => inbound.handle(build({ from: chat, body }))));
      expect(outcomes.map((outcome) => outcome.kind)).toEqual(['accepted', 'accepted', 'accepted']);
      expect(order).toEqual(['one', 'two', 'three']);
      const stored = await channel.store.listMessages((await conversationOf(chat)).id, { limit: 10 });
      expect(stored.map((message) => message.text)).toEqual(['one', 'two', 'three']);
    });

    it('reports a message it could not store at all as lost', async () => {
      const inbound = new WhatsAppWebInbound({
        workspace: { id: channel.workspace.id },
        allowGroups: false,
        ingest: { ingest: () => Promise.reject(new Error('database is down')) },
        media: new MediaStore(channel.mediaDir, 1024),
        logger,
        attempts: 2,
        retryDelayMs: 1,
      });
      const outcome = await inbound.handle(build({ from: newChat(), body: 'hello?' }));
      expect(outcome).toMatchObject({ kind: 'lost', error: expect.objectContaining({ message: 'database is down' }) });
    });
  });

  it('ignores status updates and group chats without storing anything', async () => {
    const before = channel.ingested.length;
    expect(await channel.receive({ from: newChat(), body: 'my holiday', isStatus: true })).toEqual({ kind: 'ignored', reason: 'status' });
    expect(await channel.receive({ from: '120363025246125486@g.us', author: newChat(), body: 'group chat' })).toEqual({ kind: 'ignored', reason: 'group' });
    expect(channel.ingested.length).toBe(before);
  });
});
