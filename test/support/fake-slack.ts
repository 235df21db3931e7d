/**
 * A stand-in for Slack's Web API on loopback that answers like Slack: HTTP 200 with `{ ok: true, ... }` or
 * `{ ok: false, error }`, HTTP 429 with `Retry-After` when rate limited. It records every call, and can be told to
 * fail the next N calls with a 500 or a 429 to play an outage.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One request the fake received. */
export interface FakeSlackCall {
  method: string;
  args: Record<string, unknown>;
  token: string | undefined;
  /** HTTP status it was answered with. */
  status: number;
}

/** A message the fake holds. */
export interface FakeSlackMessage {
  channel: string;
  ts: string;
  text: string;
  threadTs?: string;
  blocks?: unknown[];
  /** Times `chat.update` changed it. */
  updates: number;
  /** Event metadata posted with it (`metadata` argument), as conversations.history returns it. */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** A user `users.info` knows. */
export interface FakeSlackUser {
  id: string;
  name: string;
  real_name?: string;
  profile: { display_name?: string; real_name?: string; email?: string };
}

/** Fake workspace contents. */
export interface FakeSlackOptions {
  botToken: string;
  /** App-level token (`xapp-...`) that may open Socket Mode connections (`apps.connections.open`). */
  appToken?: string;
  channels?: string[];
  users?: FakeSlackUser[];
}

/** The fake Web API. */
export class FakeSlack {
  readonly calls: FakeSlackCall[] = [];
  readonly messages: FakeSlackMessage[] = [];
  readonly teamId = 'T0FAKE';
  readonly botUserId = 'U0BOT';
  readonly botId = 'B0BOT';
  private server?: Server;
  private failures: { status: 500 | 429; retryAfterSeconds?: number; afterProcessing?: boolean }[] = [];
  private lastTs = 0;
  private readonly channels: Set<string>;
  private readonly users: Map<string, FakeSlackUser>;
  private sockets?: WebSocketServer;
  private readonly pendingAcks = new Map<string, (ack: Record<string, unknown>) => void>();
  /** Socket Mode connections the app opened so far. */
  socketConnections = 0;

  constructor(private readonly options: FakeSlackOptions) {
    this.channels = new Set(options.channels ?? ['C0AGENTS']);
    this.users = new Map((options.users ?? []).map((user) => [user.id, user]));
  }

  /** Base URL to give the client, e.g. `http://127.0.0.1:53211/api/`. */
  get apiUrl(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('FakeSlack is not started');
    return `http://127.0.0.1:${address.port}/api/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.answer(req).then(({ status, body, headers }) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(body));
      });
    });
    // Socket Mode: the app asks apps.connections.open for a URL, then connects here.
    this.sockets = new WebSocketServer({ server: this.server, path: '/socket-mode' });
    this.sockets.on('connection', (socket: WebSocket) => {
      this.socketConnections += 1;
      socket.on('message', (data) => {
        const ack = JSON.parse(String(data)) as Record<string, unknown>;
        const resolve = typeof ack.envelope_id === 'string' ? this.pendingAcks.get(ack.envelope_id) : undefined;
        if (resolve) {
          this.pendingAcks.delete(ack.envelope_id as string);
          resolve(ack);
        }
      });
      socket.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0APP' } }));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  /** Socket Mode connections open now. */
  openSockets(): number {
    return this.sockets?.clients.size ?? 0;
  }

  /**
   * Sends a Socket Mode envelope (`events_api`, `interactive` or `slash_commands`) to every connected app, as Slack
   * does, and resolves with the app's acknowledgement (rejects after `timeoutMs` without one).
   */
  sendEnvelope(type: 'events_api' | 'interactive' | 'slash_commands', payload: unknown, options: { retryAttempt?: number; timeoutMs?: number } = {}): Promise<Record<string, unknown>> {
    const envelopeId = randomUUID();
    const envelope = { envelope_id: envelopeId, type, payload, accepts_response_payload: type !== 'events_api', retry_attempt: options.retryAttempt ?? 0, retry_reason: options.retryAttempt ? 'timeout' : '' };
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pendingAcks.delete(envelopeId);
        reject(new Error(`no acknowledgement of envelope ${envelopeId}`));
      }, options.timeoutMs ?? 3000);
      this.pendingAcks.set(envelopeId, (ack) => {
        clearTimeout(timer);
        resolve(ack);
      });
      for (const client of this.sockets?.clients ?? []) client.send(JSON.stringify(envelope));
    });
  }

  async stop(): Promise<void> {
    for (const client of this.sockets?.clients ?? []) client.terminate();
    this.sockets?.close();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The next `count` calls get HTTP 500. */
  failNext(count: number): void {
    for (let i = 0; i < count; i++) this.failures.push({ status: 500 });
  }

  /**
   * The next `count` calls are carried out but answered with HTTP 500, as when Slack posted the message and the
   * answer was lost on the way (a timeout): the caller cannot know whether it was posted.
   */
  loseAnswerOfNext(count: number): void {
    for (let i = 0; i < count; i++) this.failures.push({ status: 500, afterProcessing: true });
  }

  /** The next `count` calls get HTTP 429 with `Retry-After: retryAfterSeconds`. */
  rateLimitNext(count: number, retryAfterSeconds: number): void {
    for (let i = 0; i < count; i++) this.failures.push({ status: 429, retryAfterSeconds });
  }

  /** Calls of one method. */
  callsOf(method: string): FakeSlackCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  private async answer(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const method = (req.url ?? '').replace(/^\/api\//, '').split('?')[0] ?? '';
    const args = await readArgs(req);
    const token = req.headers.authorization?.replace(/^Bearer /, '') ?? (typeof args.token === 'string' ? args.token : undefined);
    const record = (status: number): void => {
      this.calls.push({ method, args, token, status });
    };
    const failure = this.failures.shift();
    if (failure?.status === 429) {
      record(429);
      return { status: 429, body: { ok: false, error: 'ratelimited' }, headers: { 'retry-after': String(failure.retryAfterSeconds ?? 1) } };
    }
    if (failure?.afterProcessing) {
      record(500);
      if (token === this.options.botToken) this.call(method, args);
      return { status: 500, body: { ok: false, error: 'internal_error' } };
    }
    if (failure) {
      record(500);
      return { status: 500, body: { ok: false, error: 'internal_error' } };
    }
    record(200);
    if (method === 'apps.connections.open') {
      if (!this.options.appToken || token !== this.options.appToken) return { status: 200, body: { ok: false, error: 'invalid_auth' } };
      const address = this.server?.address() as AddressInfo;
      return { status: 200, body: { ok: true, url: `ws://127.0.0.1:${address.port}/socket-mode` } };
    }
    if (token !== this.options.botToken) return { status: 200, body: { ok: false, error: token ? 'invalid_auth' : 'not_authed' } };
    return { status: 200, body: this.call(method, args) };
  }

  private call(method: string, args: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'bot', team_id: this.teamId, user_id: this.botUserId, bot_id: this.botId };
      case 'chat.postMessage': {
        const channel = String(args.channel ?? '');
        if (!this.channels.has(channel)) return { ok: false, error: 'channel_not_found' };
        if (!args.text && !args.blocks) return { ok: false, error: 'no_text' };
        const message: FakeSlackMessage = { channel, ts: this.nextTs(), text: String(args.text ?? ''), updates: 0 };
        if (typeof args.thread_ts === 'string') message.threadTs = args.thread_ts;
        if (Array.isArray(args.blocks)) message.blocks = args.blocks;
        const metadata = args.metadata as FakeSlackMessage['metadata'] | undefined;
        if (metadata && typeof metadata === 'object' && typeof metadata.event_type === 'string') message.metadata = metadata;
        this.messages.push(message);
        return { ok: true, channel, ts: message.ts, message: { type: 'message', text: message.text, ts: message.ts, bot_id: this.botId } };
      }
      case 'chat.update': {
        const message = this.messages.find((m) => m.channel === args.channel && m.ts === args.ts);
        if (!message) return { ok: false, error: 'message_not_found' };
        message.text = String(args.text ?? message.text);
        if (Array.isArray(args.blocks)) message.blocks = args.blocks;
        message.updates += 1;
        return { ok: true, channel: message.channel, ts: message.ts, text: message.text };
      }
      case 'users.info': {
        const user = this.users.get(String(args.user ?? ''));
        return user ? { ok: true, user } : { ok: false, error: 'user_not_found' };
      }
      case 'conversations.info': {
        const channel = String(args.channel ?? '');
        return this.channels.has(channel) ? { ok: true, channel: { id: channel, name: channel.toLowerCase(), is_member: true } } : { ok: false, error: 'channel_not_found' };
      }
      case 'conversations.history':
      case 'conversations.replies': {
        const channel = String(args.channel ?? '');
        if (!this.channels.has(channel)) return { ok: false, error: 'channel_not_found' };
        const oldest = Number(args.oldest ?? 0);
        const limit = Number(args.limit ?? 100);
        const withMetadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
        const inChannel = this.messages.filter((m) => m.channel === channel && Number(m.ts) >= oldest);
        // history: the channel's top-level messages, newest first; replies: the thread's parent and replies, oldest first.
        const selected =
          method === 'conversations.history'
            ? inChannel.filter((m) => !m.threadTs).reverse()
            : inChannel.filter((m) => m.ts === args.ts || m.threadTs === args.ts);
        if (method === 'conversations.replies' && !this.messages.some((m) => m.ts === args.ts)) return { ok: false, error: 'thread_not_found' };
        return {
          ok: true,
          has_more: selected.length > limit,
          messages: selected.slice(0, limit).map((m) => ({
            type: 'message',
            ts: m.ts,
            text: m.text,
            bot_id: this.botId,
            ...(m.threadTs ? { thread_ts: m.threadTs } : {}),
            ...(withMetadata && m.metadata ? { metadata: m.metadata } : {}),
          })),
        };
      }
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /** Slack's message ids: seconds and microseconds, strictly increasing within a channel. */
  private nextTs(): string {
    const micros = Math.max(Date.now() * 1000, this.lastTs + 1);
    this.lastTs = micros;
    return `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
  }
}

/** Reads a Web API request body: form fields (the client's default, objects as JSON strings) or JSON. */
async function readArgs(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const raw = Buffer.concat(chunks).toString('utf8');
  if (!raw) return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(raw) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // Like Slack, accept structured arguments (blocks, metadata) as JSON text inside form fields.
    args[key] = /^[[{]/.test(value) ? tryJson(value) : value;
  }
  return args;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}
