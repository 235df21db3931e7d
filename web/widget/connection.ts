/**
 * The socket to the platform (Socket.IO namespace `/webchat`) and the delivery of queued shopper messages.
 *
 * Delivery rule: a message is emitted only after the server's `session` event on the current connection (then
 * the server knows the conversation), stays in the {@link Outbox} until acknowledged, and is re-emitted with the
 * same `clientMessageId` after every reconnect. Socket.IO's own offline buffer is deliberately not used: it
 * would send a second copy next to our resend and it does not survive a reload.
 */
import { io, type Socket } from 'socket.io-client';
import type {
  HistoryAck,
  HistoryRequest,
  SendMessageAck,
  SendMessagePayload,
  SessionEvent,
  TypingEvent,
  WebchatAuth,
  WebchatErrorCode,
  WireMessage,
} from '../../bots/channels/webchat/protocol-types';
import type { Outbox, OutboxEntry } from './outbox';
import { readItem, writeItem, storageKeys, type StorageLike } from './storage';

/** What the widget tells the shopper about the link to the platform. */
export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'unavailable';

/** Events of the server -> client direction, as typed for Socket.IO. */
export interface ServerToClientEvents {
  session: (event: SessionEvent) => void;
  message: (message: WireMessage) => void;
  typing: (event: TypingEvent) => void;
  /** Not described in the protocol file beyond its name; handled defensively. */
  chat_error: (error: { code?: WebchatErrorCode; message?: string }) => void;
}

/** Events of the client -> server direction, as typed for Socket.IO. */
export interface ClientToServerEvents {
  message: (payload: SendMessagePayload, ack: (ack: SendMessageAck) => void) => void;
  history: (request: HistoryRequest, ack: (ack: HistoryAck) => void) => void;
}

/** The socket type used by the widget. */
export type WebchatSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** Callbacks to the widget. */
export interface ConnectionListener {
  status(status: ConnectionStatus): void;
  session(event: SessionEvent): void;
  message(message: WireMessage): void;
  typing(event: TypingEvent): void;
  /** The server acknowledged (or refused) a queued message; it has left the outbox either way. */
  ack(clientMessageId: string, ack: SendMessageAck): void;
}

/** Settings and collaborators of a {@link Connection}. */
export interface ConnectionOptions {
  origin: string;
  workspace: string;
  /** `navigator.language`. */
  locale?: string;
  /** Where the session token lives (localStorage), absent when storage is blocked. */
  tokenStorage?: StorageLike;
  outbox: Outbox;
  listener: ConnectionListener;
  /** How long to wait for an acknowledgement before emitting again. Default 10 s. */
  ackTimeoutMs?: number;
  /** Creates the socket; tests pass a fake. */
  connect?: (url: string, options: Parameters<typeof io>[1]) => WebchatSocket;
}

/** Emits per message and connection before waiting for the next reconnect; the server may simply be slow. */
const MAX_ATTEMPTS_PER_CONNECTION = 3;
/** Backoff bounds for reconnects Socket.IO does not do itself (refused handshakes, server-side disconnects). */
const MANUAL_RETRY_MIN_MS = 1_000;
const MANUAL_RETRY_MAX_MS = 30_000;

/**
 * Shapes the server accepts in the handshake. A value outside them makes the server refuse the whole connection
 * (`invalid_payload`), so the widget leaves out what it cannot vouch for instead: an odd `navigator.language`
 * costs only the language hint, and a corrupted stored token only the old conversation.
 */
const SESSION_TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,128}$/;
const LOCALE_SHAPE = /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8}){0,3}$/;

/** The handshake `auth` for a workspace, with the stored token and locale only when well-formed. */
export function buildAuth(workspace: string, sessionToken: string | undefined, locale: string | undefined): WebchatAuth {
  const auth: WebchatAuth = { workspace };
  if (sessionToken && SESSION_TOKEN_SHAPE.test(sessionToken)) auth.sessionToken = sessionToken;
  if (locale && LOCALE_SHAPE.test(locale)) auth.locale = locale;
  return auth;
}

function isAck(value: unknown): value is SendMessageAck {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

function describeError(error: Error): string {
  const data = (error as Error & { data?: { message?: unknown } }).data;
  return typeof data?.message === 'string' ? data.message : error.message;
}

/** One widget's link to the platform. */
export class Connection {
  private socket: WebchatSocket | undefined;
  private currentStatus: ConnectionStatus = 'connecting';
  /** Bumped on every `session` and disconnect, so callbacks of an earlier connection can tell they are stale. */
  private epoch = 0;
  /** True between `session` and the next disconnect: emitting is allowed. */
  private ready = false;
  /** Messages emitted on the current connection whose acknowledgement is still awaited, with attempt counts. */
  private readonly inFlight = new Map<string, number>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelayMs = MANUAL_RETRY_MIN_MS;
  private stopped = false;
  /** Whether the last handshake carried a session token (to know what to drop when it is refused). */
  private sentToken = false;

  constructor(private readonly options: ConnectionOptions) {}

  /** The status last reported to the listener. */
  get status(): ConnectionStatus {
    return this.currentStatus;
  }

  /** Opens the socket. Call once. */
  start(): void {
    const connect = this.options.connect ?? ((url, opts) => io(url, opts) as WebchatSocket);
    const socket = connect(`${this.options.origin}/webchat`, {
      // A function, not an object: it runs before every reconnect, so the token from the latest `session`
      // is sent and the shopper keeps the same conversation.
      auth: (callback) => callback(this.auth() as unknown as Record<string, unknown>),
      transports: ['websocket', 'polling'],
    });
    this.socket = socket;

    socket.on('session', (event) => this.onSession(event));
    socket.on('message', (message) => this.options.listener.message(message));
    socket.on('typing', (event) => this.options.listener.typing(event));
    socket.on('chat_error', (error) => {
      if (error?.code === 'unknown_workspace') this.becomeUnavailable();
    });
    socket.on('disconnect', (reason) => {
      this.ready = false;
      this.epoch++;
      this.inFlight.clear();
      if (this.stopped || this.currentStatus === 'unavailable') return;
      this.setStatus('reconnecting');
      // After a server-side disconnect Socket.IO does not reconnect by itself.
      if (reason === 'io server disconnect') this.scheduleManualReconnect();
    });
    socket.on('connect_error', (error) => {
      if (error.message === 'unknown_workspace') {
        this.becomeUnavailable();
        return;
      }
      if (error.message === 'invalid_payload') {
        // The server rejected the handshake itself. The stored token is the only part that can go stale, so
        // retry once without it; a refusal without a token (a malformed data-workspace) will not heal.
        if (!this.sentToken) {
          console.error('[PolyglotDesk widget] the server refused the handshake:', describeError(error));
          this.becomeUnavailable();
          return;
        }
        writeItem(this.options.tokenStorage, storageKeys.session(this.options.workspace), undefined);
      }
      this.setStatus(this.currentStatus === 'connecting' ? 'connecting' : 'reconnecting');
      // A refusal by server middleware leaves the socket inactive; transport failures are retried by Socket.IO.
      if (!socket.active) this.scheduleManualReconnect();
    });
  }

  /** Closes the socket for good. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.socket?.disconnect();
  }

  /** Queues a shopper message and emits it now if the conversation is ready, else after the next `session`. */
  send(entry: OutboxEntry): void {
    this.options.outbox.add(entry);
    if (this.ready) this.emit(entry);
  }

  /** Asks for messages older than `beforeSeq`. Resolves with an error ack when offline or on timeout. */
  requestHistory(beforeSeq: number, limit = 30): Promise<HistoryAck> {
    const failed = (message: string): HistoryAck => ({ ok: false, error: { code: 'internal_error', message } });
    const socket = this.socket;
    if (!socket || !this.ready) return Promise.resolve(failed('offline'));
    return new Promise((resolve) => {
      socket.timeout(this.options.ackTimeoutMs ?? 10_000).emit('history', { beforeSeq, limit }, (error, ack) => {
        resolve(error || typeof ack !== 'object' || ack === null ? failed('no answer') : ack);
      });
    });
  }

  private auth(): WebchatAuth {
    const token = readItem(this.options.tokenStorage, storageKeys.session(this.options.workspace));
    const auth = buildAuth(this.options.workspace, token, this.options.locale);
    this.sentToken = auth.sessionToken !== undefined;
    return auth;
  }

  private onSession(event: SessionEvent): void {
    if (event.sessionToken) {
      writeItem(this.options.tokenStorage, storageKeys.session(this.options.workspace), event.sessionToken);
    }
    this.epoch++;
    this.inFlight.clear();
    this.ready = true;
    this.retryDelayMs = MANUAL_RETRY_MIN_MS;
    this.setStatus('online');
    this.options.listener.session(event);

    // Whatever the history already contains did arrive before a reload or disconnect: no need to resend it.
    const delivered = new Set(event.history.map((message) => message.clientMessageId).filter(Boolean));
    for (const entry of this.options.outbox.entries()) {
      if (delivered.has(entry.clientMessageId)) this.options.outbox.remove(entry.clientMessageId);
      else this.emit(entry);
    }
  }

  private emit(entry: OutboxEntry): void {
    const socket = this.socket;
    const attempts = this.inFlight.get(entry.clientMessageId);
    if (!socket || attempts !== undefined) return;
    this.emitAttempt(socket, entry, 1);
  }

  private emitAttempt(socket: WebchatSocket, entry: OutboxEntry, attempt: number): void {
    const epoch = this.epoch;
    this.inFlight.set(entry.clientMessageId, attempt);
    const payload: SendMessagePayload = { clientMessageId: entry.clientMessageId, text: entry.text };
    if (entry.quickReplyPayload !== undefined) payload.quickReplyPayload = entry.quickReplyPayload;

    socket.timeout(this.options.ackTimeoutMs ?? 10_000).emit('message', payload, (error, ack) => {
      // An answer about an earlier connection is still an answer, but retries belong to the current one.
      if (!error && isAck(ack)) {
        if (epoch === this.epoch) this.inFlight.delete(entry.clientMessageId);
        this.settle(entry.clientMessageId, ack);
        return;
      }
      if (epoch !== this.epoch || !this.options.outbox.has(entry.clientMessageId)) return;
      if (!error) {
        // The server answered with something that is not an acknowledgement: retrying will not help.
        this.inFlight.delete(entry.clientMessageId);
        this.settle(entry.clientMessageId, {
          ok: false,
          error: { code: 'internal_error', message: 'malformed acknowledgement' },
        });
        return;
      }
      // Timed out: try again (same id, so the server deduplicates), then leave it to the next reconnect.
      if (attempt < MAX_ATTEMPTS_PER_CONNECTION && this.ready) this.emitAttempt(socket, entry, attempt + 1);
    });
  }

  private settle(clientMessageId: string, ack: SendMessageAck): void {
    if (!this.options.outbox.has(clientMessageId)) return; // already settled (a duplicate or late answer)
    // Refused messages leave the outbox too: the refusal (too long, rate limited, closed) will not change by
    // resending the same text.
    this.options.outbox.remove(clientMessageId);
    this.options.listener.ack(clientMessageId, ack);
  }

  private becomeUnavailable(): void {
    this.ready = false;
    clearTimeout(this.retryTimer);
    this.setStatus('unavailable');
    this.socket?.disconnect();
  }

  private scheduleManualReconnect(): void {
    if (this.stopped || this.currentStatus === 'unavailable') return;
    clearTimeout(this.retryTimer);
    const delay = this.retryDelayMs * (0.75 + Math.random() * 0.5);
    this.retryDelayMs = Math.min(this.retryDelayMs * 2, MANUAL_RETRY_MAX_MS);
    this.retryTimer = setTimeout(() => {
      if (!this.stopped && this.currentStatus !== 'unavailable' && this.socket && !this.socket.connected) {
        this.socket.connect();
      }
    }, delay);
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    this.options.listener.status(status);
  }
}
