/** Delivers stored outgoing messages on their channels; the body of the `outbound` queue's processor. */
import type { PlatformMetrics } from '../../platform/metrics';
import type { OutboundItem, OutboundJobData } from '../../workers/queues';
import type { ChannelDeliveryRegistry } from './channel-delivery';
import type { ConversationStore, StoredMessage } from './conversation-store';

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
    const sent: StoredMessage[] = [];
    let firstError: unknown;
    for (const item of job.items) {
      try {
        const message = await this.send(retry ? { ...item, message: undefined } : item);
        if (message) sent.push(message);
      } catch (error) {
        firstError ??= error;
      }
    }
    // One statement for the whole job: awaiting one update per message would also wait for one commit each.
    await this.store.markDeliveredMany(sent.map((message) => message.id));
    job.items.forEach((item) => {
      const message = sent.find((candidate) => candidate.id === item.messageId);
      if (message) this.recordDelivered(message, item);
    });
    if (firstError !== undefined) throw firstError;
    return sent.length;
  }

  /** Delivers one message unless it was delivered already. Throws to be retried. */
  async deliver(item: OutboundItem): Promise<'delivered' | 'skipped'> {
    const message = await this.send(item);
    if (!message) return 'skipped';
    await this.store.markDelivered(message.id);
    this.recordDelivered(message, item);
    return 'delivered';
  }

  /** Sends the item's message on its channel; undefined when there is nothing (left) to send. */
  private async send(item: OutboundItem): Promise<StoredMessage | undefined> {
    // The snapshot spares a read; a retry after a delivery whose status update was lost delivers again, which
    // channels dedupe by message id.
    const message = item.message ?? (await this.store.getMessage(item.messageId));
    if (!message || message.status === 'delivered' || message.status === 'failed') return undefined;
    await this.deliveries.get(message.channel).deliver(message);
    return message;
  }

  private recordDelivered(message: StoredMessage, item: OutboundItem): void {
    this.metrics.messagesOut.inc({ channel: message.channel, author: message.author });
    if (item.acceptedAt) this.metrics.replyLatency.observe({ channel: message.channel }, (Date.now() - item.acceptedAt) / 1000);
  }

  /** Called when the last attempt failed: the message is marked failed (if still pending) for agents to see. */
  async giveUp(job: OutboundItem): Promise<void> {
    await this.store.markFailed(job.messageId);
    this.metrics.deliveryFailures.inc({ channel: job.channel });
  }
}
