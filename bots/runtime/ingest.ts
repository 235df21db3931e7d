/**
 * Accepts normalised inbound messages: drops duplicates by channel message id, persists the message (before the
 * channel is acknowledged), and hands its processing on: to a turn in this process, or to the inbound queue with an
 * idempotent job id.
 */
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { PlatformMetrics } from '../../platform/metrics';
import { jobIds, type InboundJobData } from '../../workers/queues';
import type { AcceptResult, Conversation, ConversationStore, InboundMessage } from './conversation-store';

/**
 * Runs a conversation's turn in this process when a worker lives here too (`npm start`).
 * Resolves `busy` when the conversation is being processed, `false` when it declines (too many turns in flight).
 */
export type LocalTurnRunner = (conversationId: string) => Promise<number | 'busy' | false>;

/** Accepts inbound messages from every channel. */
export class IngestService {
  /**
   * @param localTurns when the worker runs in this process, turns run here directly instead of taking a round trip
   *   through the inbound queue; whatever it cannot take (busy conversation, failure) goes to the queue, and a crash
   *   before it ran is covered by the recovery sweep, since the message is already stored as `accepted`.
   */
  constructor(
    private readonly store: ConversationStore,
    private readonly inbound: Queue<InboundJobData>,
    private readonly metrics: PlatformMetrics,
    private readonly localTurns?: LocalTurnRunner,
    private readonly logger?: Logger,
  ) {}

  /**
   * Persists one message and hands on its processing. Resolves once the message is durable (and, without a local
   * runner, queued): only then may the channel acknowledge it. A duplicate is not stored again; if its first copy is still unprocessed (the process died
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
      const job: InboundJobData = {
        workspaceId: message.workspaceId,
        conversationId: result.message.conversation_id,
        messageId: result.message.id,
      };
      if (this.localTurns) this.runLocally(job);
      else await this.queue(job);
    }
    return result;
  }

  private queue(job: InboundJobData): Promise<unknown> {
    return this.inbound.add('turn', job, { jobId: jobIds.inbound(job.messageId) });
  }

  /** Runs the turn in this process after the caller has acknowledged the message; falls back to the queue. */
  private runLocally(job: InboundJobData): void {
    const runner = this.localTurns as LocalTurnRunner;
    setImmediate(() => {
      runner(job.conversationId)
        .then((outcome) => (outcome === 'busy' || outcome === false ? this.queue(job) : undefined))
        .catch((error: unknown) => {
          this.logger?.warn({ err: error, messageId: job.messageId }, 'local turn failed; queueing it');
          return this.queue(job);
        })
        .catch((error: unknown) => {
          // Redis is down too: the message stays `accepted` and the recovery sweep queues it later.
          this.logger?.error({ err: error, messageId: job.messageId }, 'turn could not be queued; left to the recovery sweep');
        });
    });
  }
}
