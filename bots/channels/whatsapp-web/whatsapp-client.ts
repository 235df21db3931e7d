/**
 * The part of whatsapp-web.js's `Client` this channel uses, typed with the library's own types, and the factory that
 * builds the real one. Everything else in the folder depends on {@link WhatsAppClient}, so tests drive it with a fake
 * (test/support/fake-whatsapp-client.ts) and production with WhatsApp Web in Debian's Chromium.
 */
import { join } from 'node:path';
import { Client, LocalAuth, type Chat, type ClientInfo, type ClientOptions, type Message, type MessageAck, type MessageContent, type MessageSendOptions, type WAState } from 'whatsapp-web.js';
import type { Config } from '../../../config';

/** The events of `Client` this channel listens to, with the library's payload types. */
export interface WhatsAppClientEvents {
  /** A new QR code to link the phone (about every 20 s until scanned). */
  qr: (qr: string) => void;
  authenticated: () => void;
  /** Restoring the saved session failed; the phone has to be linked again. */
  auth_failure: (message: string) => void;
  ready: () => void;
  disconnected: (reason: WAState | 'LOGOUT') => void;
  change_state: (state: WAState) => void;
  /** A message someone else sent (also group and status messages; the channel filters them). */
  message: (message: Message) => void;
  /** A receipt for a message, including the ones this phone sent. */
  message_ack: (message: Message, ack: MessageAck) => void;
}

/** What the channel needs of a chat: typing and reading. */
export type WhatsAppChat = Pick<Chat, 'id' | 'isGroup' | 'sendStateTyping' | 'clearState'>;

/** The subset of whatsapp-web.js's `Client` the channel uses; the real `Client` satisfies it. */
export interface WhatsAppClient {
  /** The linked phone; only set once `ready` was emitted. */
  readonly info?: ClientInfo;
  initialize(): Promise<void>;
  /** Closes the browser; the saved session stays on disk. */
  destroy(): Promise<void>;
  sendMessage(chatId: string, content: MessageContent, options?: MessageSendOptions): Promise<Message>;
  getChatById(chatId: string): Promise<WhatsAppChat>;
  on<E extends keyof WhatsAppClientEvents>(event: E, listener: WhatsAppClientEvents[E]): unknown;
  removeAllListeners(): unknown;
}

/** Builds a fresh client (a reconnect destroys the old one and builds a new one). */
export type WhatsAppClientFactory = () => WhatsAppClient;

/** Settings the real client needs. */
export type WhatsAppClientSettings = Pick<Config['whatsappWeb'], 'sessionDir' | 'chromiumPath'>;

/**
 * Chromium flags for a server without a display or a user namespace sandbox (containers run as root). The sandbox
 * is off because Chromium refuses to start as root with it; WhatsApp Web is the only page this browser ever opens.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-setuid-sandbox',
  '--disable-dev-shm-usage',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The options of the real `Client`: the session saved under `sessionDir` (LocalAuth), Debian's Chromium headless
 * (puppeteer never downloads one), and the library's cache of WhatsApp Web versions kept beside the session instead
 * of in the working directory.
 *
 * @param extraArgs more Chromium flags (tests use `--host-resolver-rules` to be offline deterministically).
 */
export function whatsAppClientOptions(settings: WhatsAppClientSettings, extraArgs: readonly string[] = []): ClientOptions {
  return {
    authStrategy: new LocalAuth({ dataPath: settings.sessionDir }),
    webVersionCache: { type: 'local', path: join(settings.sessionDir, 'web-version-cache') },
    puppeteer: {
      executablePath: settings.chromiumPath,
      headless: true,
      args: [...CHROMIUM_ARGS, ...extraArgs],
    },
  };
}

/**
 * The production factory: a new whatsapp-web.js `Client` per call.
 *
 * @example
 * const connection = new WhatsAppConnection({ createClient: createWhatsAppClientFactory(config.whatsappWeb), logger });
 */
export function createWhatsAppClientFactory(settings: WhatsAppClientSettings, extraArgs: readonly string[] = []): WhatsAppClientFactory {
  return () => new Client(whatsAppClientOptions(settings, extraArgs));
}
