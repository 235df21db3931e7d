/**
 * A stand-in for the Bot Connector service on loopback, speaking its REST wire format: botbuilder posts activities to
 * `{serviceUrl}v3/conversations/{conversationId}/activities[/{replyToId}]` and gets `{ id }` back. It records every
 * activity, can fail the next requests with 503 + `Retry-After: 0` (an outage, as the service reports one), and can
 * refuse a conversation with 403/404 (the bot was removed, the chat deleted).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One activity the fake received. */
export interface ReceivedActivity {
  conversationId: string;
  /** Set when botbuilder posted it as a reply (`.../activities/{replyToId}`). */
  replyToId?: string;
  /** The `id` the fake answered with. */
  id: string;
  authorization?: string;
  activity: Record<string, unknown>;
}

/** How many requests botbuilder makes for one send when the service keeps answering 503: one try and 3 retries. */
export const BOTBUILDER_ATTEMPTS_PER_SEND = 4;

const ACTIVITIES_PATH = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?\/?$/;

/** The fake service; see the file comment. */
export class FakeBotConnector {
  readonly received: ReceivedActivity[] = [];
  /** Requests answered with a failure, in order. */
  readonly failed: { conversationId: string; status: number }[] = [];
  private server?: Server;
  private nextId = 0;
  private failures: { after: number; count: number } | undefined;
  private readonly refused = new Map<string, number>();

  /** The `serviceUrl` to put in activities (with the trailing slash the real service uses). */
  get serviceUrl(): string {
    const address = this.server?.address() as AddressInfo | null;
    if (!address) throw new Error('FakeBotConnector is not started');
    return `http://127.0.0.1:${address.port}/`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.handle(req).then(({ status, body, headers }) => {
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Accepts the next `successes` activities, then answers the `count` requests after them with 503. */
  failAfter(successes: number, count: number = BOTBUILDER_ATTEMPTS_PER_SEND): void {
    this.failures = { after: successes, count };
  }

  /** Answers every activity posted to the conversation with `status` (403, 404, ...) until {@link accept} is called. */
  refuse(conversationId: string, status: number): void {
    this.refused.set(conversationId, status);
  }

  accept(conversationId: string): void {
    this.refused.delete(conversationId);
  }

  /** The received activities of one type (`message`, `typing`). */
  ofType(type: string): ReceivedActivity[] {
    return this.received.filter((entry) => entry.activity.type === type);
  }

  private async handle(req: IncomingMessage): Promise<{ status: number; body: unknown; headers?: Record<string, string> }> {
    const match = ACTIVITIES_PATH.exec(new URL(req.url ?? '/', 'http://fake').pathname);
    const raw = await readBody(req);
    if (req.method !== 'POST' || !match) return { status: 404, body: { error: { code: 'NotFound', message: `${req.method} ${req.url}` } } };
    const conversationId = decodeURIComponent(match[1] as string);
    const refusal = this.refused.get(conversationId);
    if (refusal) {
      this.failed.push({ conversationId, status: refusal });
      return { status: refusal, body: { error: { code: refusal === 403 ? 'BotNotInConversationRoster' : 'ConversationNotFound', message: 'refused by the fake' } } };
    }
    if (this.failures) {
      if (this.failures.after > 0) {
        this.failures.after -= 1;
      } else {
        this.failures.count -= 1;
        if (this.failures.count <= 0) this.failures = undefined;
        this.failed.push({ conversationId, status: 503 });
        return { status: 503, body: { error: { code: 'ServiceError', message: 'outage played by the fake' } }, headers: { 'retry-after': '0' } };
      }
    }
    let activity: Record<string, unknown>;
    try {
      activity = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      return { status: 400, body: { error: { code: 'BadArgument', message: 'body is not JSON' } } };
    }
    const id = `fake-activity-${++this.nextId}`;
    this.received.push({
      conversationId,
      id,
      activity,
      ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
    });
    return { status: 200, body: { id } };
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}
