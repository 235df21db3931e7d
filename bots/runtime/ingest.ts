/**
 * Accepts normalised inbound messages: drops duplicates by channel message id, persists the message (before the
 * channel is acknowledged), and queues its processing with an idempotent job id.
 */
import type { Queue } from 'bullmq';
import type { PlatformMetrics } from '../../platform/metrics';
import { jobIds, type InboundJobData } from '../../workers/queues';
import type { AcceptResult, Conversation, ConversationStore, InboundMessage } from './conversation-store';

/** Accepts inbound messages from every channel. */
export class IngestService {
  constructor(
    private readonly store: ConversationStore,
    private readonly inbound: Queue<InboundJobData>,
    private readonly metrics: PlatformMetrics,
  ) {}

  /**
   * Persists and queues one message. Resolves once the message is durable and queued: only then may the channel
   * acknowledge it. A duplicate is not stored again; if its first copy is still unprocessed (the process died
   * between persisting and queueing), it is queued again, which the job id makes harmless.
   *
   * @param conversation the message's conversation when the adapter already knows it (saves a lookup).
   */
  async ingest(message: InboundMessage, conversation?: Conversation): Promise<AcceptResult> {
    const target =
      conversation ??
      (await this.store.resolveConversation({
        workspaceId: message.workspaceId,
        channel: message.channel,
        conversationKey: message.conversationKey,
        sender: message.sender,
        now: message.receivedAt,
      }));
    const result = await this.store.acceptInbound(message, target);
    if (result.duplicate) this.metrics.duplicatesDropped.inc({ channel: message.channel });
    else this.metrics.messagesIn.inc({ channel: message.channel });
    if (!result.duplicate || result.message.status === 'accepted') {
      await this.inbound.add(
        'turn',
        { workspaceId: message.workspaceId, conversationId: result.message.conversation_id, messageId: result.message.id },
        { jobId: jobIds.inbound(result.message.id) },
      );
    }
    return result;
  }
}
