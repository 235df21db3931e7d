/**
 * Meta's side of WhatsApp for tests, on loopback and in Meta's wire format:
 * - {@link FakeGraphApi}: the Graph API's `/messages` (send, mark read + typing) and media endpoints. It checks
 *   requests the way Meta documents (Bearer token, phone number id, text and caption lengths, button and list limits,
 *   unique ids and titles) and answers Meta's error objects (`{ error: { message, type, code, error_data } }`), so an
 *   adapter that breaks a limit fails here as it would in production. It records every send, serves media files, and
 *   can be told to fail sends or media calls with a 500, a 429 with Retry-After, or a given Meta error code.
 * - {@link webhookBody} and friends: webhook bodies shaped like Meta's documented examples, and
 *   {@link postWebhook}, which signs them with the app secret as Meta does.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { signWebhookBody } from '../../bots/channels/whatsapp-cloud/webhook-signature';

/** One message the fake accepted. */
export interface FakeGraphSend {
  to: string;
  type: string;
  /** The request body as sent. */
  body: Record<string, unknown>;
  /** The `wamid` the fake answered with. */
  id: string;
}

/** A failure to play. `code`: Meta's error code in the body; `retryAfterSeconds`: a Retry-After header. */
export interface FakeGraphFailure {
  status: number;
  code?: number;
  retryAfterSeconds?: number;
  /** Drop the connection instead of answering (a network failure). */
  hangUp?: boolean;
}

/** A media file the fake serves. */
export interface FakeMedia {
  bytes: Buffer;
  mimeType: string;
  /** The checksum announced by the lookup; the real one by default. */
  sha256?: string;
  /** The size announced by the lookup; the real one by default (null: not announced). */
  announcedSize?: number | null;
  /** Serve the download chunked, without Content-Length (the client must count the bytes itself). */
  chunked?: boolean;
}

/** What the fake expects of its clients. */
export interface FakeGraphOptions {
  accessToken: string;
  phoneNumberId: string;
  /** @defaultValue v21.0 */
  version?: string;
}

type Answer = { status: number; body?: unknown; headers?: Record<string, string>; raw?: Buffer; chunked?: boolean; hangUp?: boolean };

/** See the file comment. */
export class FakeGraphApi {
  readonly sent: FakeGraphSend[] = [];
  /** `status: read` calls: the message marked read, and whether a typing indicator was asked for. */
  readonly reads: Array<{ messageId: string; typing: boolean }> = [];
  /** Every request: method, path and the status answered. */
  readonly requests: Array<{ method: string; path: string; status: number }> = [];
  private server?: Server;
  private readonly media = new Map<string, FakeMedia>();
  private readonly sendFailures: Array<FakeGraphFailure | 'ok'> = [];
  private readonly mediaFailures: FakeGraphFailure[] = [];
  private readonly closedWindows = new Set<string>();
  private taken = 0;
  private nextId = 0;

  constructor(private readonly options: FakeGraphOptions) {}

  /** Base URL for `whatsappCloud.graphApiUrl`. */
  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('FakeGraphApi is not started');
    return `http://127.0.0.1:${address.port}`;
  }

  get version(): string {
    return this.options.version ?? 'v21.0';
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      void this.answer(req).then((answer) => this.reply(req, res, answer));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return this;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Serves `id` as a media object. */
  addMedia(id: string, media: FakeMedia): void {
    this.media.set(id, media);
  }

  /** The next `count` message sends fail with `failure`. */
  failNextSends(count: number, failure: FakeGraphFailure): void {
    for (let i = 0; i < count; i++) this.sendFailures.push(failure);
  }

  /** The next `successes` sends succeed, then one fails with a 500 (a transient outage). */
  failSendAfter(successes: number, failure: FakeGraphFailure = { status: 500, code: 131000 }): void {
    for (let i = 0; i < successes; i++) this.sendFailures.push('ok');
    this.sendFailures.push(failure);
  }

  /** The next `count` media lookups or downloads fail with `failure`. */
  failNextMedia(count: number, failure: FakeGraphFailure): void {
    for (let i = 0; i < count; i++) this.mediaFailures.push(failure);
  }

  /** Free-form messages to `waId` are refused with 131047 (their 24-hour window is closed); templates pass. */
  closeWindow(waId: string): void {
    this.closedWindows.add(waId);
  }

  /** The sends since the last call, in order. */
  takeSent(): FakeGraphSend[] {
    const fresh = this.sent.slice(this.taken);
    this.taken = this.sent.length;
    return fresh;
  }

  private reply(req: IncomingMessage, res: ServerResponse, answer: Answer): void {
    this.requests.push({ method: req.method ?? '', path: (req.url ?? '').split('?')[0] ?? '', status: answer.hangUp ? 0 : answer.status });
    if (answer.hangUp) {
      res.socket?.destroy();
      return;
    }
    if (answer.raw) {
      res.writeHead(answer.status, { ...(answer.chunked ? {} : { 'content-length': String(answer.raw.length) }), ...answer.headers });
      if (!answer.chunked) {
        res.end(answer.raw);
        return;
      }
      // Several writes: the body arrives in chunks, as a large download does.
      const size = Math.max(1, Math.ceil(answer.raw.length / 4));
      for (let at = 0; at < answer.raw.length; at += size) res.write(answer.raw.subarray(at, at + size));
      res.end();
      return;
    }
    res.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body ?? {}));
  }

  private async answer(req: IncomingMessage): Promise<Answer> {
    const raw = await readBody(req);
    const path = (req.url ?? '').split('?')[0] ?? '';
    const token = req.headers.authorization?.replace(/^Bearer /, '');
    if (token !== this.options.accessToken) return metaError(401, 190, 'Error validating access token: Session has expired');
    const download = /^\/media-files\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && download?.[1]) return this.download(decodeURIComponent(download[1]));
    const versioned = new RegExp(`^/${this.version.replace('.', '\\.')}/([^/]+)(/messages)?$`).exec(path);
    if (!versioned?.[1]) return metaError(400, 100, `Unknown path component: ${path}`);
    const [, objectId, messages] = versioned;
    if (req.method === 'GET' && !messages) return this.lookup(decodeURIComponent(objectId), req);
    if (req.method !== 'POST' || !messages) return metaError(400, 100, `Unsupported ${req.method} request.`);
    if (objectId !== this.options.phoneNumberId) return metaError(400, 100, `Unsupported post request. Object with ID '${objectId}' does not exist.`);
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
    } catch {
      return metaError(400, 100, 'The request body is not JSON');
    }
    return this.post(body);
  }

  private post(body: Record<string, unknown>): Answer {
    if (body.messaging_product !== 'whatsapp') return metaError(400, 100, 'The parameter messaging_product is required.');
    if (body.status === 'read') {
      if (typeof body.message_id !== 'string') return metaError(400, 100, 'The parameter message_id is required.');
      const typing = body.typing_indicator as { type?: unknown } | undefined;
      if (typing !== undefined && typing.type !== 'text') return metaError(400, 131009, 'typing_indicator.type must be text');
      this.reads.push({ messageId: body.message_id, typing: typing !== undefined });
      return { status: 200, body: { success: true } };
    }
    const failure = this.sendFailures.shift();
    if (failure && failure !== 'ok') return failureAnswer(failure);
    const invalid = validateMessage(body);
    if (invalid) return metaError(400, invalid.code, invalid.details);
    const to = String(body.to);
    if (this.closedWindows.has(to) && body.type !== 'template') {
      return metaError(400, 131047, 'Message failed to send because more than 24 hours have passed since the customer last replied to this number.');
    }
    const id = `wamid.FAKE${String(++this.nextId).padStart(6, '0')}`;
    this.sent.push({ to, type: String(body.type), body, id });
    return { status: 200, body: { messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id }] } };
  }

  private lookup(mediaId: string, req: IncomingMessage): Answer {
    const failure = this.mediaFailures.shift();
    if (failure) return failureAnswer(failure);
    const media = this.media.get(mediaId);
    if (!media) return metaError(400, 100, `Unsupported get request. Object with ID '${mediaId}' does not exist.`);
    const announced = media.announcedSize === undefined ? media.bytes.length : media.announcedSize;
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        url: `http://${req.headers.host}/media-files/${encodeURIComponent(mediaId)}`,
        mime_type: media.mimeType,
        sha256: media.sha256 ?? createHash('sha256').update(media.bytes).digest('hex'),
        ...(announced === null ? {} : { file_size: announced }),
        id: mediaId,
      },
    };
  }

  private download(mediaId: string): Answer {
    const failure = this.mediaFailures.shift();
    if (failure) return failureAnswer(failure);
    const media = this.media.get(mediaId);
    if (!media) return metaError(404, 100, 'Not found');
    return { status: 200, raw: media.bytes, headers: { 'content-type': media.mimeType }, ...(media.chunked ? { chunked: true } : {}) };
  }
}

function failureAnswer(failure: FakeGraphFailure): Answer {
  if (failure.hangUp) return { status: 0, hangUp: true };
  const answer = metaError(failure.status, failure.code ?? (failure.status === 429 ? 130429 : 131000), `Simulated failure ${failure.status}`);
  if (failure.retryAfterSeconds !== undefined) answer.headers = { 'retry-after': String(failure.retryAfterSeconds) };
  return answer;
}

function metaError(status: number, code: number, details: string): Answer {
  return { status, body: { error: { message: `(#${code}) ${details}`, type: 'OAuthException', code, error_data: { messaging_product: 'whatsapp', details }, fbtrace_id: 'AfakeTrace' } } };
}

/** Meta's documented limits, checked like the Graph API does. Returns the error to answer, if any. */
function validateMessage(body: Record<string, unknown>): { code: number; details: string } | undefined {
  const bad = (details: string) => ({ code: 131009, details });
  if (typeof body.to !== 'string' || !body.to) return { code: 100, details: 'The parameter to is required.' };
  const length = (value: unknown): number => (typeof value === 'string' ? value.length : -1);
  switch (body.type) {
    case 'text': {
      const text = body.text as { body?: unknown } | undefined;
      const size = length(text?.body);
      if (size < 1 || size > 4096) return bad(`text.body must have 1 to 4096 characters, not ${size}`);
      return undefined;
    }
    case 'image': {
      const image = body.image as { link?: unknown; caption?: unknown } | undefined;
      if (typeof image?.link !== 'string' || !/^https?:\/\//.test(image.link)) return bad('image.link must be an http(s) URL');
      if (image.caption !== undefined && (length(image.caption) < 1 || length(image.caption) > 1024)) return bad('image.caption must have 1 to 1024 characters');
      return undefined;
    }
    case 'interactive':
      return validateInteractive(body.interactive as Record<string, unknown> | undefined);
    case 'template': {
      const template = body.template as { name?: unknown; language?: { code?: unknown } } | undefined;
      if (length(template?.name) < 1 || length(template?.language?.code) < 1) return { code: 132001, details: 'template name and language code are required' };
      return undefined;
    }
    default:
      return { code: 131051, details: `Unsupported message type ${String(body.type)}` };
  }
}

function validateInteractive(interactive: Record<string, unknown> | undefined): { code: number; details: string } | undefined {
  const bad = (details: string) => ({ code: 131009, details });
  const bodyText = (interactive?.body as { text?: unknown } | undefined)?.text;
  const bodyLength = typeof bodyText === 'string' ? bodyText.length : 0;
  const action = interactive?.action as Record<string, unknown> | undefined;
  const unique = (values: string[]) => new Set(values).size === values.length;
  if (interactive?.type === 'button') {
    if (bodyLength < 1 || bodyLength > 1024) return bad(`interactive.body.text must have 1 to 1024 characters, not ${bodyLength}`);
    const buttons = (action?.buttons as Array<{ type?: unknown; reply?: { id?: unknown; title?: unknown } }> | undefined) ?? [];
    if (buttons.length < 1 || buttons.length > 3) return bad(`a button message takes 1 to 3 buttons, not ${buttons.length}`);
    const ids = buttons.map((button) => String(button.reply?.id ?? ''));
    const titles = buttons.map((button) => String(button.reply?.title ?? ''));
    if (buttons.some((button) => button.type !== 'reply')) return bad('button type must be reply');
    if (ids.some((id) => id.length < 1 || id.length > 256)) return bad('button ids must have 1 to 256 characters');
    if (titles.some((title) => title.length < 1 || title.length > 20)) return bad('button titles must have 1 to 20 characters');
    if (!unique(ids) || !unique(titles)) return bad('button ids and titles must be unique');
    return undefined;
  }
  if (interactive?.type === 'list') {
    if (bodyLength < 1 || bodyLength > 4096) return bad(`interactive.body.text must have 1 to 4096 characters, not ${bodyLength}`);
    const button = action?.button;
    if (typeof button !== 'string' || button.length < 1 || button.length > 20) return bad('action.button must have 1 to 20 characters');
    const sections = (action?.sections as Array<{ title?: unknown; rows?: Array<{ id?: unknown; title?: unknown }> }> | undefined) ?? [];
    if (sections.length < 1 || sections.length > 10) return bad('a list takes 1 to 10 sections');
    if (sections.length > 1 && sections.some((section) => typeof section.title !== 'string')) return bad('sections need titles when there are several');
    const rows = sections.flatMap((section) => section.rows ?? []);
    if (rows.length < 1 || rows.length > 10) return bad(`a list takes 1 to 10 rows, not ${rows.length}`);
    const ids = rows.map((row) => String(row.id ?? ''));
    if (ids.some((id) => id.length < 1 || id.length > 200)) return bad('row ids must have 1 to 200 characters');
    if (rows.some((row) => String(row.title ?? '').length < 1 || String(row.title ?? '').length > 24)) return bad('row titles must have 1 to 24 characters');
    if (!unique(ids)) return bad('row ids must be unique');
    return undefined;
  }
  return bad(`Unsupported interactive type ${String(interactive?.type)}`);
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** A shopper as WhatsApp describes them in webhooks. */
export interface FakeShopper {
  waId: string;
  name?: string;
}

/** A `messages` webhook body (Meta's envelope) for the business number `phoneNumberId`. */
export function webhookBody(phoneNumberId: string, value: { shopper?: FakeShopper; messages?: unknown[]; statuses?: unknown[] }): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102290129340398',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: '15550783881', phone_number_id: phoneNumberId },
              ...(value.shopper ? { contacts: [{ profile: { name: value.shopper.name ?? 'Shopper' }, wa_id: value.shopper.waId }] } : {}),
              ...(value.messages ? { messages: value.messages } : {}),
              ...(value.statuses ? { statuses: value.statuses } : {}),
            },
          },
        ],
      },
    ],
  };
}

/** A text message from `waId`, as in Meta's example. */
export function textMessage(waId: string, id: string, text: string): Record<string, unknown> {
  return { from: waId, id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text } };
}

/** A receipt of a message the business sent. */
export function statusUpdate(providerMessageId: string, status: 'sent' | 'delivered' | 'read' | 'failed', recipient: string, errors?: unknown[]): Record<string, unknown> {
  return { id: providerMessageId, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: recipient, ...(errors ? { errors } : {}) };
}

/**
 * POSTs a webhook body to `url` signed with `appSecret` (or with `signature` as given, to forge one).
 * @returns the status and body of the answer.
 */
export async function postWebhook(url: string, appSecret: string, body: unknown, options: { signature?: string | null } = {}): Promise<{ status: number; body: string }> {
  const raw = JSON.stringify(body);
  const signature = options.signature === undefined ? signWebhookBody(appSecret, raw) : options.signature;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature === null ? {} : { 'x-hub-signature-256': signature }) },
    body: raw,
  });
  return { status: response.status, body: await response.text() };
}
