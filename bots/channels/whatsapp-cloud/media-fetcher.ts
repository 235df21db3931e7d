/**
 * Fetches the file of a shopper's media message from the Graph API (look up the media id, then download it with
 * the access token) and keeps it in the {@link MediaStore}, within `channels.maxMediaBytes`.
 *
 * Outcomes: the file is kept; or it is not kept for a reason retrying cannot change (too large, gone, refused), and
 * the message is handed on with that noted; or the Graph API is unreachable / rate limiting / the bytes do not match
 * Meta's checksum, and the {@link WhatsAppRetryableError} reaches the webhook, which answers 500 so that Meta
 * delivers the webhook again later (nothing is lost: the message was not accepted yet).
 */
import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import type { GraphApiClient } from './graph-client';
import { WhatsAppPermanentError, WhatsAppRetryableError } from './graph-errors';
import { attachmentText, type MappedInbound, type WhatsAppInboundMessage } from './inbound-mapper';
import type { MediaStore } from './media-store';

/** What the fetcher needs. */
export interface MediaFetcherDeps {
  graph: Pick<GraphApiClient, 'mediaInfo' | 'downloadMedia'>;
  store: MediaStore;
  /** `channels.maxMediaBytes`. */
  maxBytes: number;
  logger: Logger;
}

/** See the file comment. */
export class MediaFetcher {
  constructor(private readonly deps: MediaFetcherDeps) {}

  /**
   * The message with its attachment's `file` (kept) or `notKept` (and the text noting it) filled in. Messages
   * without media come back unchanged.
   * @throws WhatsAppRetryableError when the file should be fetched again later.
   */
  async resolve(inbound: MappedInbound): Promise<WhatsAppInboundMessage> {
    const { message, media } = inbound;
    const attachment = message.attachment;
    if (!media || !attachment) return message;
    const relative = this.deps.store.relativePath(message.channelMessageId, media.mimeType, attachment.filename);
    const outcome = await this.fetch(relative, media.mediaId, media.sha256, message.channelMessageId);
    const resolved = outcome === 'kept' ? { ...attachment, file: relative } : { ...attachment, notKept: outcome };
    return { ...message, attachment: resolved, text: attachmentText(resolved) };
  }

  private async fetch(relative: string, mediaId: string, sha256: string | undefined, messageId: string): Promise<'kept' | 'too_large' | 'unavailable'> {
    if (await this.deps.store.has(relative)) return 'kept';
    try {
      const info = await this.deps.graph.mediaInfo(mediaId);
      if (info.fileSize !== undefined && info.fileSize > this.deps.maxBytes) return this.skipped('too_large', messageId, info.fileSize);
      const download = await this.deps.graph.downloadMedia(info.url, this.deps.maxBytes);
      if (download.kind === 'too_large') return this.skipped('too_large', messageId, download.size);
      if (!matchesChecksum(info.sha256 ?? sha256, download.bytes)) {
        throw new WhatsAppRetryableError(`download media: media ${mediaId} of message ${messageId} does not match its SHA-256 checksum (a truncated download)`);
      }
      await this.deps.store.save(relative, download.bytes);
      return 'kept';
    } catch (error) {
      if (error instanceof WhatsAppPermanentError) {
        this.deps.logger.warn({ err: error, messageId, mediaId }, 'whatsapp media could not be fetched; the message is kept without its file');
        return 'unavailable';
      }
      throw error;
    }
  }

  private skipped(reason: 'too_large', messageId: string, size: number | undefined): 'too_large' {
    this.deps.logger.info({ messageId, size, maxBytes: this.deps.maxBytes }, 'whatsapp media larger than CHANNELS_MAX_MEDIA_BYTES; not kept');
    return reason;
  }
}

/**
 * True when `bytes` have the SHA-256 Meta announced. Meta documents a hex digest; a base64 one is accepted too, and a
 * value in neither form is not held against the file (a format change must not make every download fail).
 */
export function matchesChecksum(expected: string | undefined, bytes: Buffer): boolean {
  if (!expected) return true;
  const digest = createHash('sha256').update(bytes).digest();
  if (/^[0-9a-f]{64}$/i.test(expected)) return digest.toString('hex') === expected.toLowerCase();
  const decoded = /^[A-Za-z0-9+/_-]{43}=?$/.test(expected) ? Buffer.from(expected, 'base64') : undefined;
  return decoded?.length === 32 ? decoded.equals(digest) : true;
}
