/**
 * Takes the messages the phone receives and hands them to the platform: mapped (inbound-mapper.ts), persisted
 * through ingest first, then the attachment downloaded and kept. WhatsApp Web never redelivers a message that
 * reached the linked browser, so a failed ingest (database restarting) is retried here with backoff, and messages of
 * one chat are handled one after the other to keep their order.
 */
import type { Logger } from 'pino';
import type { Message } from 'whatsapp-web.js';
import type { AcceptResult } from '../../runtime/conversation-store';
import { mapInbound, type IgnoreReason, type MappableMessage } from './inbound-mapper';
import type { InboundIngest, MediaAcknowledgement } from './media-acknowledgement';
import type { MediaStore, StoredMedia } from './media-store';

/** The workspace the phone belongs to. */
export interface PhoneWorkspace {
  id: string;
  /** Language of acknowledgements in a conversation whose language is not known yet. */
  defaultLanguage: string;
}

/** Dependencies of {@link WhatsAppWebInbound}. */
export interface WhatsAppWebInboundDeps {
  workspace: PhoneWorkspace;
  allowGroups: boolean;
  ingest: InboundIngest;
  acknowledgement: Pick<MediaAcknowledgement, 'ingest'>;
  media: Pick<MediaStore, 'save' | 'tooLarge'>;
  logger: Logger;
  /** Ingest attempts before a message is given up (logged with its id). @defaultValue 8 */
  attempts?: number;
  /** First retry delay, doubled each time. @defaultValue 200 */
  retryDelayMs?: number;
  now?: () => number;
}

/** What became of a message's attachment. */
export type KeptMedia = StoredMedia | { stored: false; reason: 'unavailable' | 'failed' };

/** What happened to one message. */
export type InboundOutcome =
  | { kind: 'ignored'; reason: IgnoreReason }
  | { kind: 'accepted'; result: AcceptResult; acknowledged: boolean; media?: KeptMedia }
  | { kind: 'lost'; error: unknown };

/** A message as the handler needs it: what mapping reads, and the media download. */
export type ReceivedMessage = MappableMessage & Pick<Message, 'downloadMedia'>;

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
    const key = mapping.acknowledgement;
    let result: AcceptResult & { acknowledgementId?: string };
    try {
      result = await this.retrying(() =>
        key ? this.deps.acknowledgement.ingest(mapping.inbound, key, this.deps.workspace.defaultLanguage) : this.deps.ingest.ingest(mapping.inbound),
      );
    } catch (error) {
      this.deps.logger.error({ err: error, channelMessageId: mapping.inbound.channelMessageId, chatId: message.from }, 'WhatsApp Web message could not be stored; it is lost');
      return { kind: 'lost', error };
    }
    const acknowledged = result.acknowledgementId !== undefined;
    if (!mapping.media || result.duplicate) return { kind: 'accepted', result, acknowledged };
    return { kind: 'accepted', result, acknowledged, media: await this.keepMedia(message, mapping.media.announcedBytes) };
  }

  /** Downloads and stores the attachment; failures are logged (the message itself is already stored). */
  private async keepMedia(message: ReceivedMessage, announcedBytes: number | undefined): Promise<KeptMedia> {
    const messageId = message.id._serialized;
    if (announcedBytes !== undefined && this.deps.media.tooLarge(announcedBytes)) {
      this.deps.logger.info({ messageId, bytes: announcedBytes }, 'attachment larger than CHANNELS_MAX_MEDIA_BYTES; not downloaded');
      return { stored: false, reason: 'too_large', bytes: announcedBytes };
    }
    try {
      // The library resolves undefined/null when WhatsApp no longer has the file (expired, being re-uploaded).
      const media = (await this.retrying(() => message.downloadMedia(), 3)) as Awaited<ReturnType<Message['downloadMedia']>> | null | undefined;
      if (!media) {
        this.deps.logger.warn({ messageId }, 'attachment could not be downloaded from WhatsApp');
        return { stored: false, reason: 'unavailable' };
      }
      const stored = await this.deps.media.save(this.deps.workspace.id, messageId, media);
      if (!stored.stored) this.deps.logger.info({ messageId, bytes: stored.bytes }, 'attachment larger than CHANNELS_MAX_MEDIA_BYTES; not kept');
      return stored;
    } catch (error) {
      this.deps.logger.warn({ err: error, messageId }, 'attachment could not be kept');
      return { stored: false, reason: 'failed' };
    }
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
