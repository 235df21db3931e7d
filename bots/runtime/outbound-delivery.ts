/** Delivers one stored outgoing message on its channel; the body of the `outbound` queue's processor. */
import type { PlatformMetrics } from '../../platform/metrics';
import type { OutboundJobData } from '../../workers/queues';
import type { ChannelDeliveryRegistry } from './channel-delivery';
import type { ConversationStore } from './conversation-store';

/** Sends queued replies through the channel's delivery and records the outcome. */
export class OutboundDelivery {
  constructor(
    private readonly store: ConversationStore,
    private readonly deliveries: ChannelDeliveryRegistry,
    private readonly metrics: PlatformMetrics,
  ) {}

  /** Delivers the job's message unless it was delivered already. Throws to be retried. */
  async deliver(job: OutboundJobData): Promise<'delivered' | 'skipped'> {
    // The snapshot spares a read; a retry after a delivery whose status update was lost delivers again, which
    // channels dedupe by message id.
    const message = job.message ?? (await this.store.getMessage(job.messageId));
    if (!message || message.status === 'delivered' || message.status === 'failed') return 'skipped';
    await this.deliveries.get(message.channel).deliver(message);
    await this.store.markDelivered(message.id);
    this.metrics.messagesOut.inc({ channel: message.channel, author: message.author });
    if (job.acceptedAt) this.metrics.replyLatency.observe({ channel: message.channel }, (Date.now() - job.acceptedAt) / 1000);
    return 'delivered';
  }

  /** Called when the last attempt failed: the message is marked failed for agents to see. */
  async giveUp(job: OutboundJobData): Promise<void> {
    await this.store.markFailed(job.messageId);
    this.metrics.deliveryFailures.inc({ channel: job.channel });
  }
}
