/**
 * Handles one verified webhook body: maps it (inbound-mapper.ts), fetches and keeps the files of media messages,
 * hands every shopper message to ingest in the order Meta sent them, and records delivery receipts. It resolves
 * only when every message is persisted, so the route answers Meta 200 only then ("persisted before acknowledged").
 * A redelivered webhook is harmless: ingest drops messages it has seen (same `wamid`), kept files are not fetched
 * again, and receipts never move a status backwards.
 */
import type { Logger } from 'pino';
import type { AcceptResult, InboundMessage } from '../../runtime/conversation-store';
import type { DeliveryLog } from '../delivery-log';
import { mapWebhook, WHATSAPP_CHANNEL } from './inbound-mapper';
import type { MediaFetcher } from './media-fetcher';

/** Where shopper messages go: the platform's IngestService in production, a recorder in tests. */
export interface InboundSink {
  ingest(message: InboundMessage): Promise<AcceptResult>;
}

/** What the handler needs. */
export interface WebhookHandlerDeps {
  /** The configured business phone number id; other numbers' changes are ignored. */
  phoneNumberId: string;
  /** The id of the workspace the number belongs to. */
  workspaceId: () => Promise<string>;
  ingest: InboundSink;
  media: Pick<MediaFetcher, 'resolve'>;
  deliveryLog: Pick<DeliveryLog, 'recordStatus'>;
  logger: Logger;
  /** @defaultValue Date.now */
  now?: () => number;
}

/** What one webhook delivery carried, for logs and tests. */
export interface WebhookOutcome {
  accepted: number;
  duplicates: number;
  /** Receipts that matched a message the platform sent. */
  receipts: number;
  ignored: number;
}

/** See the file comment. */
export class WhatsAppWebhookHandler {
  constructor(private readonly deps: WebhookHandlerDeps) {}

  /**
   * @throws WebhookPayloadError when the body does not have Meta's shape; WhatsAppRetryableError when a media file
   *   could not be fetched now (the webhook should be delivered again); anything ingest throws.
   */
  async handle(body: unknown): Promise<WebhookOutcome> {
    const workspaceId = await this.deps.workspaceId();
    const mapped = mapWebhook(body, { phoneNumberId: this.deps.phoneNumberId, workspaceId, receivedAt: (this.deps.now ?? Date.now)() });
    for (const error of mapped.errors) this.deps.logger.warn({ error }, 'whatsapp reported an error for the business number');
    const outcome: WebhookOutcome = { accepted: 0, duplicates: 0, receipts: 0, ignored: mapped.ignoredChanges + mapped.ignoredMessages };
    // One after the other: the conversation's sequence follows Meta's order.
    for (const inbound of mapped.inbound) {
      const message = await this.deps.media.resolve(inbound);
      const result = await this.deps.ingest.ingest(message);
      if (result.duplicate) outcome.duplicates += 1;
      else outcome.accepted += 1;
    }
    for (const receipt of mapped.statuses) {
      const part = await this.deps.deliveryLog.recordStatus(WHATSAPP_CHANNEL, receipt.providerMessageId, receipt.status, receipt.error, receipt.at);
      if (part) outcome.receipts += 1;
      if (receipt.status === 'failed') this.deps.logger.warn({ providerMessageId: receipt.providerMessageId, error: receipt.error, messageId: part?.messageId }, 'whatsapp could not deliver a message');
    }
    return outcome;
  }
}
