/**
 * Re-queues work that a crash left behind: inbound messages persisted but never processed, and replies persisted
 * but never delivered. Safe to run in every worker at once: job ids make re-queueing idempotent and processing
 * checks message status.
 */
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import { jobIds, type InboundJobData, type OutboundJobData } from '../../workers/queues';
import type { ConversationStore, StoredMessage } from './conversation-store';

/** Re-queues unfinished messages older than a threshold. */
export class RecoverySweep {
  constructor(
    private readonly store: ConversationStore,
    private readonly inbound: Queue<InboundJobData>,
    private readonly outbound: Queue<OutboundJobData>,
    private readonly logger: Logger,
  ) {}

  /**
   * Queues again every accepted inbound / pending outbound message created before `olderThan`.
   * A leftover finished job with the same id is removed first, or the add would be a no-op.
   * @returns how many messages were re-queued.
   */
  async run(olderThan: number, batch = 500): Promise<number> {
    const unfinished = await this.store.unfinishedBefore(olderThan, batch);
    let requeued = 0;
    for (const message of unfinished) {
      if (await this.requeue(message)) requeued += 1;
    }
    if (requeued > 0) this.logger.warn({ requeued }, 'recovery sweep re-queued unfinished messages');
    return requeued;
  }

  private async requeue(message: StoredMessage): Promise<boolean> {
    const inbound = message.direction === 'in';
    const queue: Queue<InboundJobData> | Queue<OutboundJobData> = inbound ? this.inbound : this.outbound;
    const jobId = inbound ? jobIds.inbound(message.id) : jobIds.outbound(message.id);
    const existing = await queue.getJob(jobId);
    if (existing) {
      const state = await existing.getState();
      if (state !== 'completed' && state !== 'failed' && state !== 'unknown') return false; // still on its way
      await existing.remove();
    }
    if (inbound) {
      await this.inbound.add(
        'turn',
        { workspaceId: message.workspace_id, conversationId: message.conversation_id, messageId: message.id },
        { jobId },
      );
    } else {
      await this.outbound.add(
        'deliver',
        {
          items: [
            { workspaceId: message.workspace_id, conversationId: message.conversation_id, messageId: message.id, channel: message.channel },
          ],
        },
        { jobId },
      );
    }
    return true;
  }
}
