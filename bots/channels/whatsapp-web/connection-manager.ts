/**
 * Keeps one whatsapp-web.js client connected: starts it, follows its life (QR code, authenticated, ready,
 * disconnected), and after a failure or a disconnect throws the client away and starts a new one after an
 * exponential, jittered backoff. Only the process that holds the phone session runs one (see the folder's index).
 */
import QRCode from 'qrcode';
import type { Logger } from 'pino';
import type { Message, MessageAck, WAState } from 'whatsapp-web.js';
import type { WhatsAppClient, WhatsAppClientFactory } from './whatsapp-client';

/** Where the connection stands, as the admin app shows it. */
export type WhatsAppConnectionState =
  /** The browser is starting and loading WhatsApp Web. */
  | 'starting'
  /** Waiting for the phone to scan the QR code. */
  | 'qr'
  /** The phone is linked; WhatsApp Web is loading the chats. */
  | 'authenticated'
  /** Messages flow. */
  | 'ready'
  /** Not connected; a reconnect is scheduled unless the connection was stopped. */
  | 'disconnected';

/** A snapshot of the connection. */
export interface WhatsAppConnectionStatus {
  state: WhatsAppConnectionState;
  /** Epoch ms when the state was entered. */
  since: number;
  /** The latest QR code (while `state` is `qr`): the text to encode in a QR image. */
  qr?: string;
  /** The linked phone (once ready). */
  me?: { id: string; name?: string };
  /** Why the connection is down (`disconnected`), e.g. `net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/`. */
  error?: string;
  /** Epoch ms of the next reconnect (`disconnected`, unless stopped). */
  reconnectAt?: number;
  /** WhatsApp's own connection state as last reported (`CONNECTED`, `CONFLICT`, ...). */
  whatsAppState?: WAState;
}

/** Backoff between reconnects: `initialMs * 2^(failures-1)`, capped at `maxMs`, then jittered down by up to half. */
export interface ReconnectBackoff {
  /** @defaultValue 2000 */
  initialMs: number;
  /** @defaultValue 60000 */
  maxMs: number;
}

/** Dependencies of {@link WhatsAppConnection}. */
export interface WhatsAppConnectionOptions {
  createClient: WhatsAppClientFactory;
  logger: Logger;
  backoff?: Partial<ReconnectBackoff>;
  /** Source of randomness for the jitter, in [0, 1). @defaultValue Math.random */
  random?: () => number;
  /** @defaultValue Date.now */
  now?: () => number;
}

/** Listeners of the connection. */
export interface WhatsAppConnectionListeners {
  /** A message someone sent to the phone (unfiltered: groups, status, own messages included). */
  message: (message: Message) => void;
  /** A receipt of a message. */
  receipt: (message: Message, ack: MessageAck) => void;
  /** The state changed. */
  state: (status: WhatsAppConnectionStatus) => void;
}

const DEFAULT_BACKOFF: ReconnectBackoff = { initialMs: 2000, maxMs: 60_000 };

/** See the file comment. */
export class WhatsAppConnection {
  private client: WhatsAppClient | undefined;
  /** Increases with each client, so that late events of a destroyed client are ignored. */
  private generation = 0;
  /** Failures since the last `ready`: the exponent of the backoff. */
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private current: WhatsAppConnectionStatus;
  private readonly listeners: { [K in keyof WhatsAppConnectionListeners]: Set<WhatsAppConnectionListeners[K]> } = {
    message: new Set(),
    receipt: new Set(),
    state: new Set(),
  };
  private readonly backoff: ReconnectBackoff;
  private readonly random: () => number;
  private readonly now: () => number;

  constructor(private readonly options: WhatsAppConnectionOptions) {
    this.backoff = { ...DEFAULT_BACKOFF, ...options.backoff };
    this.random = options.random ?? Math.random;
    this.now = options.now ?? Date.now;
    this.current = { state: 'disconnected', since: this.now(), error: 'not started' };
  }

  /** Subscribes to messages, receipts or state changes; returns the unsubscribe function. */
  on<K extends keyof WhatsAppConnectionListeners>(event: K, listener: WhatsAppConnectionListeners[K]): () => void {
    const set = this.listeners[event] as Set<WhatsAppConnectionListeners[K]>;
    set.add(listener);
    return () => set.delete(listener);
  }

  /** The current state (a copy). */
  status(): WhatsAppConnectionStatus {
    return { ...this.current, ...(this.current.me ? { me: { ...this.current.me } } : {}) };
  }

  /** The client when messages can be sent (state `ready`), else undefined. */
  readyClient(): WhatsAppClient | undefined {
    return this.current.state === 'ready' ? this.client : undefined;
  }

  /** Starts the first client. Returns at once: the connection reports its progress through `state`. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.failures = 0;
    this.connect();
  }

  /** Stops reconnecting and closes the browser (the saved session stays). */
  async stop(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.setState({ state: 'disconnected', error: 'stopped' });
    await this.dispose();
  }

  private connect(): void {
    this.timer = undefined;
    const generation = ++this.generation;
    let client: WhatsAppClient;
    try {
      client = this.options.createClient();
    } catch (error) {
      this.fail(generation, error);
      return;
    }
    this.client = client;
    this.setState({ state: 'starting' });
    const mine = () => generation === this.generation && this.running;
    client.on('qr', (qr) => {
      if (!mine()) return;
      this.options.logger.info({ qr }, 'WhatsApp Web: scan this QR code with the phone (WhatsApp > Linked devices), or open the admin app');
      // Drawn on the terminal too, for a first start from a shell (the log line above is for log collectors).
      if (process.stdout.isTTY) {
        QRCode.toString(qr, { type: 'terminal', small: true })
          .then((drawing) => process.stdout.write(`\n${drawing}\n`))
          .catch(() => undefined);
      }
      this.setState({ state: 'qr', qr });
    });
    client.on('authenticated', () => {
      if (mine()) this.setState({ state: 'authenticated' });
    });
    client.on('auth_failure', (message) => {
      // The saved session was refused (unlinked from the phone): a new client shows a fresh QR code.
      this.fail(generation, new Error(`authentication failed: ${message}`));
    });
    client.on('ready', () => {
      if (!mine()) return;
      this.failures = 0;
      const wid = client.info?.wid;
      const name = client.info?.pushname;
      this.setState({ state: 'ready', ...(wid ? { me: { id: wid._serialized, ...(name ? { name } : {}) } } : {}) });
      this.options.logger.info({ me: wid?._serialized }, 'WhatsApp Web ready');
    });
    client.on('change_state', (whatsAppState) => {
      if (!mine()) return;
      this.current = { ...this.current, whatsAppState };
      this.options.logger.info({ whatsAppState }, 'WhatsApp Web connection state changed');
    });
    client.on('disconnected', (reason) => {
      this.fail(generation, new Error(`disconnected: ${reason}`));
    });
    client.on('message', (message) => {
      if (mine()) for (const listener of this.listeners.message) listener(message);
    });
    client.on('message_ack', (message, ack) => {
      if (mine()) for (const listener of this.listeners.receipt) listener(message, ack);
    });
    client.initialize().catch((error: unknown) => this.fail(generation, error));
  }

  /** The client of `generation` failed: record why, close it and schedule the next one. */
  private fail(generation: number, error: unknown): void {
    if (generation !== this.generation || !this.running) return;
    // Invalidate this client's later events at once: a failing client often reports twice (event, then rejection).
    this.generation += 1;
    const message = describeError(error);
    this.failures += 1;
    const base = Math.min(this.backoff.maxMs, this.backoff.initialMs * 2 ** Math.min(this.failures - 1, 30));
    // Jitter spreads the restarts of many deployments after a WhatsApp outage.
    const delay = Math.round(base / 2 + (base / 2) * this.random());
    const now = this.now();
    const reconnectAt = now + delay;
    this.options.logger.warn({ error: message, failures: this.failures, reconnectInMs: delay }, 'WhatsApp Web disconnected; reconnecting');
    this.setState({ state: 'disconnected', error: message, reconnectAt }, now);
    const previous = this.client;
    this.client = undefined;
    void this.close(previous);
    this.timer = setTimeout(() => this.connect(), delay);
  }

  private async dispose(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.generation += 1;
    await this.close(client);
  }

  private async close(client: WhatsAppClient | undefined): Promise<void> {
    if (!client) return;
    client.removeAllListeners();
    try {
      await client.destroy();
    } catch (error) {
      // A browser that already crashed cannot be closed; nothing is left to free.
      this.options.logger.debug({ err: error }, 'closing the WhatsApp Web browser failed');
    }
  }

  private setState(next: Omit<WhatsAppConnectionStatus, 'since'>, since: number = this.now()): void {
    this.current = { ...next, since, ...(this.current.whatsAppState ? { whatsAppState: this.current.whatsAppState } : {}) };
    const snapshot = this.status();
    for (const listener of this.listeners.state) listener(snapshot);
  }
}

/** whatsapp-web.js rejects with Errors, and sometimes with bare strings (`'auth timeout'`). */
function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return typeof error === 'string' ? error : JSON.stringify(error);
}
