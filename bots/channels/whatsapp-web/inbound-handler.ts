/**
 * Takes the messages the phone receives and hands them to the platform: mapped (inbound-mapper.ts), the attachment's
 * file downloaded and kept, then persisted through ingest. The runtime answers a wordless attachment politely
 * (bots/runtime/skills/attachment-skill.ts), as on every channel.
 *
 * Why the file comes first: the stored message then says where its file is (or why it is not there), and the
 * bot's "I've kept it for our team" is true when it is sent. WhatsApp Web never redelivers a message that reached
 * the linked browser, so, unlike the Cloud API (which answers Meta 500 and gets the webhook again), a download that
 * fails or hangs must not hold the message back: after a few bounded attempts the message is ingested without its
 * file (`notKept: 'unavailable'`). A failed ingest (database restarting) is retried here with backoff, and messages
 * of one chat are handled one after the other to keep their order.
 */
import type { Logger } from 'pino';
import type { Message } from 'whatsapp-web.js';
import type { AcceptResult, InboundAttachment, InboundMessage } from '../../runtime/conversation-store';
import { describeAttachment, mapInbound, type IgnoreReason, type MappableMessage } from './inbound-mapper';
import type { MediaStore } from './media-store';

/** The ingest the channel hands messages to (production: `IngestService`). */
export interface InboundIngest {
  ingest(message: InboundMessage): Promise<AcceptResult>;
}

/** The workspace the phone belongs to. */
export interface PhoneWorkspace {
  id: string;
}

/** Dependencies of {@link WhatsAppWebInbound}. */
export interface WhatsAppWebInboundDeps {
  workspace: PhoneWorkspace;
  allowGroups: boolean;
  ingest: InboundIngest;
  media: Pick<MediaStore, 'save' | 'tooLarge'>;
  logger: Logger;
  /** Ingest attempts before a message is given up (logged with its id). @defaultValue 8 */
  attempts?: number;
  /** First retry delay, doubled each time. @defaultValue 200 */
  retryDelayMs?: number;
  /** Download attempts of an attachment before the message is stored without its file. @defaultValue 3 */
  downloadAttempts?: number;
  /** How long one download attempt may take (the browser may hang). @defaultValue 30000 */
  downloadTimeoutMs?: number;
  now?: () => number;
}

/** What happened to one message. */
export type InboundOutcome =
  | { kind: 'ignored'; reason: IgnoreReason }
  /** Stored (or found stored before: `result.duplicate`), with its attachment as stored. */
  | { kind: 'accepted'; result: AcceptResult; attachment?: InboundAttachment }
  | { kind: 'lost'; error: unknown };

/** A message as the handler needs it: what mapping reads, and the media download. */
export type ReceivedMessage = MappableMessage & Pick<Message, 'downloadMedia'>;

/** A download attempt took longer than `downloadTimeoutMs`. */
class DownloadTimeoutError extends Error {
  override readonly name = 'DownloadTimeoutError';
  constructor(ms: number) {
    super(`WhatsApp Web did not hand over the attachment within ${ms} ms; the message is stored without its file.`);
  }
}

/** See the file comment. */
export class WhatsAppWebInbound {
  /** The last handling of each chat: the next message of that chat waits for it. */
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: WhatsAppWebInboundDeps) {}

  /** Handles a message after the earlier ones of its chat. Never rejects: failures are logged and reported. */
  handle(message: ReceivedMessage): Promise<InboundOutcome> {
    const chatId = message.from;
    const previous = this.chains.get(chatId) ?? Promise.resolve();
    const next = previous.then(() => this.handleNow(message));
    this.chains.set(chatId, next);
    void next.finally(() => {
      if (this.chains.get(chatId) === next) this.chains.delete(chatId);
    });
    return next;
  }

  /** Resolves once every message received so far has been handled (shutdown). */
  async drain(): Promise<void> {
    while (this.chains.size) await Promise.allSettled([...this.chains.values()]);
  }

  private async handleNow(message: ReceivedMessage): Promise<InboundOutcome> {
    const mapping = mapInbound(message, {
      workspaceId: this.deps.workspace.id,
      allowGroups: this.deps.allowGroups,
      receivedAt: (this.deps.now ?? Date.now)(),
    });
    if (mapping.kind === 'ignore') return { kind: 'ignored', reason: mapping.reason };
    const inbound = mapping.media && mapping.inbound.attachment ? await this.keepMedia(message, mapping.inbound, mapping.inbound.attachment) : mapping.inbound;
    try {
      const result = await this.retrying(() => this.deps.ingest.ingest(inbound));
      return { kind: 'accepted', result, ...(inbound.attachment ? { attachment: inbound.attachment } : {}) };
    } catch (error) {
      this.deps.logger.error({ err: error, channelMessageId: inbound.channelMessageId, chatId: message.from }, 'WhatsApp Web message could not be stored; it is lost');
      return { kind: 'lost', error };
    }
  }

  /**
   * Downloads and keeps the attachment's file; the message comes back with the attachment saying where the file is,
   * or why it is not there (and its text noting that). Never rejects: a failure only costs the file.
   */
  private async keepMedia(message: ReceivedMessage, inbound: InboundMessage, attachment: InboundAttachment): Promise<InboundMessage> {
    const messageId = message.id._serialized;
    const resolved = await this.download(message, messageId, attachment);
    return { ...inbound, attachment: resolved, text: describeAttachment(resolved) };
  }

  private async download(message: ReceivedMessage, messageId: string, attachment: InboundAttachment): Promise<InboundAttachment> {
    if (attachment.bytes !== undefined && this.deps.media.tooLarge(attachment.bytes)) {
      this.deps.logger.info({ messageId, bytes: attachment.bytes }, 'attachment larger than CHANNELS_MAX_MEDIA_BYTES; not downloaded');
      return { ...attachment, notKept: 'too_large' };
    }
    try {
      // The library resolves undefined/null when WhatsApp no longer has the file (expired, being re-uploaded).
      const media = (await this.retrying(() => this.withTimeout(message.downloadMedia()), this.deps.downloadAttempts ?? 3)) as
        | Awaited<ReturnType<Message['downloadMedia']>>
        | null
        | undefined;
      if (!media) {
        this.deps.logger.warn({ messageId }, 'attachment could not be downloaded from WhatsApp; the message is stored without it');
        return { ...attachment, notKept: 'unavailable' };
      }
      const stored = await this.deps.media.save(this.deps.workspace.id, messageId, media);
      if (!stored.stored) {
        this.deps.logger.info({ messageId, bytes: stored.bytes }, 'attachment larger than CHANNELS_MAX_MEDIA_BYTES; not kept');
        return { ...attachment, bytes: stored.bytes, notKept: 'too_large' };
      }
      const filename = attachment.filename ?? (attachment.kind === 'document' && media.filename ? media.filename : undefined);
      return { ...attachment, file: stored.file, bytes: stored.bytes, mimeType: stored.mimetype, ...(filename ? { filename } : {}) };
    } catch (error) {
      this.deps.logger.warn({ err: error, messageId }, 'attachment could not be kept; the message is stored without it');
      return { ...attachment, notKept: 'unavailable' };
    }
  }

  private withTimeout<T>(operation: Promise<T>): Promise<T> {
    const ms = this.deps.downloadTimeoutMs ?? 30_000;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new DownloadTimeoutError(ms)), ms);
    });
    return Promise.race([operation, timeout]).finally(() => clearTimeout(timer));
  }

  private async retrying<T>(operation: () => Promise<T>, attempts = this.deps.attempts ?? 8): Promise<T> {
    let delay = this.deps.retryDelayMs ?? 200;
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await operation();
      } catch (error) {
        if (attempt >= attempts) throw error;
        this.deps.logger.warn({ err: error, attempt }, 'WhatsApp Web inbound step failed; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
        delay *= 2;
      }
    }
  }
}
