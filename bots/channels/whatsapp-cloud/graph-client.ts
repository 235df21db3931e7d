/**
 * The few Graph API calls the WhatsApp Cloud channel makes, over Node's fetch: send a message, mark a message read
 * (with the typing indicator), and fetch a shopper's media (look up its URL, then download it within a size limit).
 * Every failure is classified into a retryable or a permanent error (graph-errors.ts); the client never retries by
 * itself, so the outbound queue's backoff and ordering decide when to try again.
 */
import type { Config } from '../../../config';
import { classifyGraphError, networkError, parseRetryAfter, type GraphErrorBody, WhatsAppPermanentError, WhatsAppRetryableError } from './graph-errors';

/** The settings the client reads: `config.whatsappCloud`. */
export type GraphClientSettings = Pick<Config['whatsappCloud'], 'graphApiUrl' | 'graphApiVersion' | 'accessToken' | 'phoneNumberId'>;

/** A reply button or list row. `id` comes back in the webhook when the shopper taps it. */
export interface GraphChoice {
  id: string;
  title: string;
}

/** One message as the `/messages` endpoint takes it, without the envelope (`messaging_product`, `to`). */
export type GraphMessage =
  | { type: 'text'; text: { body: string; preview_url?: boolean } }
  | { type: 'image'; image: { link: string; caption?: string } }
  | { type: 'interactive'; interactive: { type: 'button'; body: { text: string }; action: { buttons: Array<{ type: 'reply'; reply: GraphChoice }> } } }
  | {
      type: 'interactive';
      interactive: { type: 'list'; body: { text: string }; action: { button: string; sections: Array<{ title?: string; rows: GraphChoice[] }> } };
    }
  | {
      type: 'template';
      template: { name: string; language: { code: string }; components?: Array<{ type: 'body'; parameters: Array<{ type: 'text'; text: string }> }> };
    };

/** What the Graph API says about a media object (`GET /{version}/{media-id}`). */
export interface GraphMediaInfo {
  /** Where to download it, with the same Bearer token; valid for a few minutes. */
  url: string;
  mimeType: string;
  sha256?: string;
  fileSize?: number;
}

/** A downloaded media file, or the reason it was not downloaded. */
export type MediaDownload = { kind: 'file'; bytes: Buffer } | { kind: 'too_large'; size: number | undefined };

/** Options of {@link GraphApiClient}. */
export interface GraphClientOptions {
  /**
   * Longest a call may take before it counts as a network failure (retried).
   * @defaultValue 15000
   */
  timeoutMs?: number;
  /** The fetch to use (tests may pass one); Node's global fetch by default. */
  fetch?: typeof fetch;
}

/** See the file comment. */
export class GraphApiClient {
  private readonly base: string;
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(
    private readonly settings: GraphClientSettings,
    options: GraphClientOptions = {},
  ) {
    this.base = `${settings.graphApiUrl.replace(/\/+$/, '')}/${settings.graphApiVersion}`;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.fetch = options.fetch ?? fetch;
  }

  /**
   * Sends one message to a shopper (`to`: their wa_id) from the configured business number.
   * @returns the message's id (`wamid....`), which receipts refer to.
   * @throws WhatsAppRetryableError or WhatsAppPermanentError.
   */
  async sendMessage(to: string, message: GraphMessage): Promise<string> {
    const body = { messaging_product: 'whatsapp', recipient_type: 'individual', to, ...message };
    const answer = await this.call('send message', `${this.base}/${encodeURIComponent(this.settings.phoneNumberId)}/messages`, { method: 'POST', body });
    const id = (answer as { messages?: Array<{ id?: unknown }> } | undefined)?.messages?.[0]?.id;
    if (typeof id !== 'string' || !id) throw new WhatsAppPermanentError('send message: the Graph API accepted the message but returned no message id; check WHATSAPP_CLOUD_GRAPH_URL points at the Graph API');
    return id;
  }

  /** Marks a shopper's message read (blue ticks) and, with `typing`, shows "typing…" until the next reply or 25 s. */
  async markRead(messageId: string, typing: boolean): Promise<void> {
    const body = { messaging_product: 'whatsapp', status: 'read', message_id: messageId, ...(typing ? { typing_indicator: { type: 'text' } } : {}) };
    await this.call('mark read', `${this.base}/${encodeURIComponent(this.settings.phoneNumberId)}/messages`, { method: 'POST', body });
  }

  /** Looks up a media object the shopper sent (its id is in the webhook). */
  async mediaInfo(mediaId: string): Promise<GraphMediaInfo> {
    const answer = (await this.call('look up media', `${this.base}/${encodeURIComponent(mediaId)}`, { method: 'GET' })) as
      | { url?: unknown; mime_type?: unknown; sha256?: unknown; file_size?: unknown }
      | undefined;
    if (typeof answer?.url !== 'string') throw new WhatsAppPermanentError(`look up media: the Graph API returned no URL for media ${mediaId}`);
    const size = Number(answer.file_size);
    return {
      url: answer.url,
      mimeType: typeof answer.mime_type === 'string' ? answer.mime_type : 'application/octet-stream',
      ...(typeof answer.sha256 === 'string' ? { sha256: answer.sha256 } : {}),
      ...(Number.isFinite(size) && size >= 0 ? { fileSize: size } : {}),
    };
  }

  /**
   * Downloads a media file from the URL {@link mediaInfo} returned, stopping as soon as it is larger than
   * `maxBytes` (the body is not read further).
   */
  async downloadMedia(url: string, maxBytes: number): Promise<MediaDownload> {
    const call = 'download media';
    let response: Response;
    try {
      response = await this.fetch(url, { headers: { authorization: `Bearer ${this.settings.accessToken}` }, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (error) {
      throw networkError(call, error);
    }
    if (!response.ok) throw await this.failure(call, response);
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > maxBytes) {
      await response.body?.cancel();
      return { kind: 'too_large', size: declared };
    }
    const chunks: Buffer[] = [];
    let size = 0;
    try {
      for await (const chunk of response.body ?? []) {
        size += chunk.byteLength;
        if (size > maxBytes) {
          await response.body?.cancel().catch(() => undefined);
          return { kind: 'too_large', size: undefined };
        }
        chunks.push(Buffer.from(chunk));
      }
    } catch (error) {
      throw networkError(call, error);
    }
    return { kind: 'file', bytes: Buffer.concat(chunks) };
  }

  private async call(call: string, url: string, init: { method: 'GET' | 'POST'; body?: unknown }): Promise<unknown> {
    let response: Response;
    try {
      response = await this.fetch(url, {
        method: init.method,
        headers: {
          authorization: `Bearer ${this.settings.accessToken}`,
          ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw networkError(call, error);
    }
    if (!response.ok) throw await this.failure(call, response);
    try {
      return await response.json();
    } catch (error) {
      // A 2xx that is not JSON: a proxy's page, not the Graph API.
      throw new WhatsAppRetryableError(`${call}: the Graph API answered HTTP ${response.status} with a body that is not JSON`, undefined, undefined, { cause: error });
    }
  }

  private async failure(call: string, response: Response): Promise<WhatsAppRetryableError | WhatsAppPermanentError> {
    let body: GraphErrorBody | undefined;
    try {
      body = ((await response.json()) as { error?: GraphErrorBody } | undefined)?.error;
    } catch {
      body = undefined;
    }
    return classifyGraphError(call, response.status, body, parseRetryAfter(response.headers.get('retry-after')));
  }
}
