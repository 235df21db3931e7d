/** Delivers stored outgoing messages on their channels; the body of the `outbound` queue's processor. */
import type { PlatformMetrics } from '../../platform/metrics';
import type { OutboundItem, OutboundJobData } from '../../workers/queues';
import type { ChannelDeliveryRegistry } from './channel-delivery';
import type { ConversationStore } from './conversation-store';

/** Sends queued replies through the channel's delivery and records the outcome. */
export class OutboundDelivery {
  constructor(
    private readonly store: ConversationStore,
    private readonly deliveries: ChannelDeliveryRegistry,
    private readonly metrics: PlatformMetrics,
  ) {}

  /**
   * Delivers every item of a job. Items already delivered are skipped, so a retried job only sends what is left.
   * One failing item does not hold up the others; the job then fails with the first error and is retried.
   * @param retry true from the second attempt on: snapshots are ignored and statuses read from the database.
   */
  async deliverAll(job: OutboundJobData, retry: boolean): Promise<number> {
    let delivered = 0;
    let firstError: unknown;
    for (const item of job.items) {
      try {
        const outcome = await this.deliver(retry ? { ...item, message: undefined } : item);
        if (outcome === 'delivered') delivered += 1;
      } catch (error) {
        firstError ??= error;
      }
    }
    if (firstError !== undefined) throw firstError;
    return delivered;
  }

  /** Delivers one message unless it was delivered already. Throws to be retried. */
  async deliver(job: OutboundItem): Promise<'delivered' | 'skipped'> {
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

  /** Called when the last attempt failed: the message is marked failed (if still pending) for agents to see. */
  async giveUp(job: OutboundItem): Promise<void> {
    await this.store.markFailed(job.messageId);
    this.metrics.deliveryFailures.inc({ channel: job.channel });
  }
}
