/**
 * A stand-in for WhatsApp as seen through whatsapp-web.js, for tests (WhatsApp Web needs a linked phone and the
 * internet). {@link FakeWhatsApp} is the WhatsApp side: it hands out {@link FakeWhatsAppClient}s (one per
 * connection attempt, like `new Client()`), plays shoppers writing, receipts, disconnects and failures, and records
 * what the bot sent and when it was "typing".
 *
 * The messages it emits are the library's own `Message` objects, built by whatsapp-web.js's `Message` class from the
 * raw WhatsApp Web model (the same data the browser hands the library), so every derived field (`from`, `hasMedia`,
 * `body` of a captioned image, `location`, `selectedRowId`, `isStatus`, `rawData.notifyName`) is computed by the
 * library exactly as in production. Only what needs the browser is replaced: `downloadMedia` returns the media the
 * test gave.
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import * as wwebjs from 'whatsapp-web.js';
import { MessageAck, MessageTypes, WAState, type ChatId, type ClientInfo, type Message, type MessageContent, type MessageMedia, type MessageSendOptions } from 'whatsapp-web.js';
import type { WhatsAppChat, WhatsAppClient } from '../../bots/channels/whatsapp-web';

/** The raw WhatsApp Web message model the library's `Message` class reads (the fields these tests use). */
export interface RawMessageData {
  id: { fromMe: boolean; remote: string; id: string; _serialized: string };
  from: string;
  to: string;
  author?: string;
  body?: string;
  caption?: string;
  type: MessageTypes;
  t: number;
  ack: MessageAck;
  notifyName?: string;
  /** Present on media messages: what makes `hasMedia` true. */
  directPath?: string;
  mimetype?: string;
  size?: number;
  filename?: string;
  lat?: number;
  lng?: number;
  loc?: string;
  selectedButtonId?: string;
  listResponse?: { singleSelectReply: { selectedRowId: string } };
  isStatusV3?: boolean;
  broadcast?: boolean;
}

// The typings declare `Message` and `ClientInfo` as interfaces, but the package exports the classes that build them.
const library = wwebjs as unknown as {
  Message: new (client: unknown, data: RawMessageData) => Message;
  ClientInfo: new (client: unknown, data: { pushname: string; wid: ChatId; platform: string }) => ClientInfo;
};

/** What the bot sent, as recorded by the fake. */
export interface FakeSentMessage {
  chatId: string;
  /** Text, or the caption of media. */
  text: string;
  media?: { mimetype: string; filename?: string | null; bytes: number };
  options?: MessageSendOptions;
  /** The provider id returned to the sender (`true_<chat>_<id>`). */
  id: string;
  at: number;
}

/** What the next `initialize()` does. */
export type InitializeScript =
  /** A saved session: `authenticated`, then `ready`. */
  | 'ready'
  /** No session: `qr` (and stays there until {@link FakeWhatsApp.scanQr}). */
  | 'qr'
  /** WhatsApp Web could not be loaded: rejects like puppeteer's navigation error. */
  | 'fail';

/** A shopper's message, as the test describes it. */
export interface IncomingMessage {
  from: string;
  body?: string;
  id?: string;
  type?: MessageTypes;
  author?: string;
  notifyName?: string;
  /** Media to attach (sets `directPath`, `mimetype`, `size`); `downloadMedia` resolves it (null: expired). */
  media?: MessageMedia | null;
  caption?: string;
  filename?: string;
  /** Announced size, when different from the media's. */
  size?: number;
  location?: { lat: number; lng: number; loc?: string };
  selectedButtonId?: string;
  selectedRowId?: string;
  isStatus?: boolean;
  fromMe?: boolean;
}

/** See the file comment. */
export class FakeWhatsApp {
  /** The linked phone's id. */
  readonly me: ChatId = { server: 'c.us', user: '15550001111', _serialized: '15550001111@c.us' };
  readonly clients: FakeWhatsAppClient[] = [];
  /** What was sent and not yet taken by {@link takeSent}. */
  readonly sent: FakeSentMessage[] = [];
  /** Everything ever sent (receipts find their message here). */
  readonly history: FakeSentMessage[] = [];
  /** Chat ids "typing…" was shown in, in order. */
  readonly typing: string[] = [];
  /** Scripts of the next `initialize()` calls; when empty, {@link defaultScript}. */
  readonly scripts: InitializeScript[] = [];
  defaultScript: InitializeScript = 'ready';
  private succeedBeforeFailure: number | undefined;
  private sendError: Error | undefined;

  /** The factory the connection uses (`createClient`). */
  readonly createClient = (): WhatsAppClient => {
    const client = new FakeWhatsAppClient(this);
    this.clients.push(client);
    return client;
  };

  /** The newest client. */
  get client(): FakeWhatsAppClient {
    const client = this.clients.at(-1);
    if (!client) throw new Error('No client was created yet');
    return client;
  }

  /** The next `successes` sends succeed, then one fails with a transient error (like a browser evaluation failure). */
  failSendAfter(successes: number, error = new Error('Evaluation failed: TypeError: Failed to fetch')): void {
    this.succeedBeforeFailure = successes;
    this.sendError = error;
  }

  /** Throws the planned send failure when its turn has come. */
  checkSend(): void {
    if (this.succeedBeforeFailure === undefined) return;
    if (this.succeedBeforeFailure > 0) {
      this.succeedBeforeFailure -= 1;
      return;
    }
    const error = this.sendError ?? new Error('send failed');
    this.succeedBeforeFailure = undefined;
    this.sendError = undefined;
    throw error;
  }

  /** The phone scans the QR code shown by the newest client: `authenticated`, then `ready`. */
  scanQr(): void {
    this.client.becomeReady();
  }

  /** A shopper writes: the newest client emits `message` with the library's `Message`. */
  receive(input: IncomingMessage): Message {
    const client = this.client;
    const message = client.buildIncoming(input);
    client.emit('message', message);
    return message;
  }

  /** WhatsApp reports a receipt for a message the bot sent. */
  acknowledge(providerId: string, ack: MessageAck): void {
    const sent = this.history.find((message) => message.id === providerId);
    if (!sent) throw new Error(`No sent message ${providerId}`);
    const client = this.client;
    const message = client.buildOwn(sent.chatId, sent.text, providerId, ack);
    client.emit('message_ack', message, ack);
  }

  /** What was sent since the last call. */
  takeSent(): FakeSentMessage[] {
    return this.sent.splice(0);
  }
}

/** One `Client`: the subset the channel uses, on an EventEmitter like the real one. */
export class FakeWhatsAppClient extends EventEmitter implements WhatsAppClient {
  info?: ClientInfo;
  initialized = 0;
  destroyed = 0;

  constructor(private readonly world: FakeWhatsApp) {
    super();
  }

  async initialize(): Promise<void> {
    this.initialized += 1;
    const script = this.world.scripts.shift() ?? this.world.defaultScript;
    // Like the real client: events come after initialize() was called, from the page, asynchronously.
    await new Promise((resolve) => setImmediate(resolve));
    if (script === 'fail') throw new Error('net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/');
    if (script === 'qr') this.emit('qr', `2@${randomBytes(24).toString('base64')},${randomBytes(16).toString('base64')}`);
    else this.becomeReady();
  }

  async destroy(): Promise<void> {
    this.destroyed += 1;
  }

  /** `authenticated`, `ready` with `info` set, and WhatsApp's state CONNECTED. */
  becomeReady(): void {
    this.info = new library.ClientInfo(this, { pushname: 'Demo Store', wid: this.world.me, platform: 'android' });
    this.emit('authenticated');
    this.emit('change_state', WAState.CONNECTED);
    this.emit('ready');
  }

  /** The phone lost its connection, or was unlinked (`LOGOUT`). */
  disconnect(reason: WAState | 'LOGOUT' = WAState.CONFLICT): void {
    this.emit('disconnected', reason);
  }

  async sendMessage(chatId: string, content: MessageContent, options?: MessageSendOptions): Promise<Message> {
    if (!this.info) throw new Error('sendMessage before ready');
    this.world.checkSend();
    const id = `true_${chatId}_${randomBytes(10).toString('hex').toUpperCase()}`;
    let text: string;
    let media: FakeSentMessage['media'];
    if (typeof content === 'string') text = content;
    else if (content instanceof wwebjs.MessageMedia) {
      text = options?.caption ?? '';
      media = { mimetype: content.mimetype, filename: content.filename ?? null, bytes: Buffer.from(content.data, 'base64').length };
    } else throw new Error('The fake sends text and MessageMedia only');
    const record: FakeSentMessage = { chatId, text, ...(media ? { media } : {}), ...(options && Object.keys(options).length ? { options } : {}), id, at: Date.now() };
    this.world.sent.push(record);
    this.world.history.push(record);
    return this.buildOwn(chatId, text, id, MessageAck.ACK_PENDING, media ? MessageTypes.IMAGE : MessageTypes.TEXT);
  }

  async getChatById(chatId: string): Promise<WhatsAppChat> {
    const [user = '', server = ''] = chatId.split('@');
    const world = this.world;
    return {
      id: { server, user, _serialized: chatId },
      isGroup: server === 'g.us',
      async sendStateTyping() {
        world.typing.push(chatId);
      },
      async clearState() {
        return true;
      },
    };
  }

  /** A message from a shopper, as WhatsApp Web's model holds it. */
  buildIncoming(input: IncomingMessage): Message {
    const serverId = input.id ?? randomBytes(10).toString('hex').toUpperCase();
    const fromMe = input.fromMe ?? false;
    const remote = input.isStatus ? 'status@broadcast' : input.from;
    const media = input.media;
    const raw: RawMessageData = {
      id: { fromMe, remote, id: serverId, _serialized: `${fromMe}_${remote}_${serverId}${input.author ? `_${input.author}` : ''}` },
      from: remote,
      to: this.world.me._serialized,
      type: input.type ?? (input.location ? MessageTypes.LOCATION : media !== undefined ? MessageTypes.IMAGE : MessageTypes.TEXT),
      t: Math.floor(Date.now() / 1000),
      ack: MessageAck.ACK_DEVICE,
      ...(input.body !== undefined ? { body: input.body } : {}),
      ...(input.author ? { author: input.author } : {}),
      ...(input.notifyName ? { notifyName: input.notifyName } : {}),
      ...(input.isStatus ? { isStatusV3: true } : {}),
      ...(input.selectedButtonId ? { selectedButtonId: input.selectedButtonId } : {}),
      ...(input.selectedRowId ? { listResponse: { singleSelectReply: { selectedRowId: input.selectedRowId } } } : {}),
      ...(input.location ? { lat: input.location.lat, lng: input.location.lng, ...(input.location.loc ? { loc: input.location.loc } : {}) } : {}),
    };
    if (media !== undefined) {
      raw.directPath = `/v/t62.7118-24/${serverId}.enc`;
      raw.mimetype = media?.mimetype ?? 'image/jpeg';
      raw.size = input.size ?? (media ? Buffer.from(media.data, 'base64').length : 0);
      if (input.caption) raw.caption = input.caption;
      if (input.filename) raw.filename = input.filename;
    }
    const message = new library.Message(this, raw);
    // The real download runs in the browser; the fake resolves the test's media (null: expired on WhatsApp).
    message.downloadMedia = async () => media as MessageMedia;
    return message;
  }

  /** A message the bot sent, as WhatsApp Web's model holds it. */
  buildOwn(chatId: string, body: string, serialized: string, ack: MessageAck, type: MessageTypes = MessageTypes.TEXT): Message {
    const serverId = serialized.split('_').at(-1) ?? serialized;
    return new library.Message(this, {
      id: { fromMe: true, remote: chatId, id: serverId, _serialized: serialized },
      from: this.world.me._serialized,
      to: chatId,
      body,
      type,
      t: Math.floor(Date.now() / 1000),
      ack,
    });
  }
}
