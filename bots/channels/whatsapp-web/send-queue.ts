/**
 * How workers reach the phone. Exactly one process holds the WhatsApp Web session (the server with
 * WHATSAPP_WEB_ENABLED); any worker may produce a reply. The worker-side adapter therefore only puts the reply on the
 * `whatsapp-web` queue (job id from the message id: queueing twice adds one job), and the holder of the phone
 * consumes that queue one job at a time, within the phone's budget per minute. While the phone is not connected,
 * or the budget is spent, jobs go back to waiting without using up an attempt: they are delayed, never dropped.
 */
import { Queue, Worker, type ConnectionOptions, type Job, type JobsOptions } from 'bullmq';
import type { Logger } from 'pino';
import type { ChannelAdapter } from '../channel-adapter';
import type { ConversationStore, StoredMessage } from '../../runtime/conversation-store';
import { bullPrefix } from '../../../workers/queues';
import { WHATSAPP_WEB_CAPABILITIES, WHATSAPP_WEB_CHANNEL } from './capabilities';
import { SendRateLimitedError, WhatsAppNotReadyError } from './errors';

/** Name of the queue (under the deployment's BullMQ prefix, like every queue in workers/queues.ts). */
export const WHATSAPP_WEB_QUEUE = 'whatsapp-web';

/** Payload of a `whatsapp-web` job: one stored outgoing message to send from the phone. */
export interface WhatsAppWebSendJobData {
  workspaceId: string;
  conversationId: string;
  messageId: string;
}

/** Job id of a message's send job (BullMQ forbids `:` in custom ids). */
export function whatsAppWebJobId(messageId: string): string {
  return `wa-web-${messageId}`;
}

/**
 * Retries for real send failures (WhatsApp refused a message, the browser crashed mid-send): about 17 minutes in
 * all. Waiting for a connection or for the budget does not count (see the file comment).
 */
export const WHATSAPP_WEB_JOB_OPTIONS: JobsOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** Opens the producer side of the queue. */
export function openWhatsAppWebQueue(connection: ConnectionOptions, redisKeyPrefix: string): Queue<WhatsAppWebSendJobData> {
  return new Queue<WhatsAppWebSendJobData>(WHATSAPP_WEB_QUEUE, {
    connection,
    prefix: bullPrefix(redisKeyPrefix),
    defaultJobOptions: WHATSAPP_WEB_JOB_OPTIONS,
    streams: { events: { maxLen: 1000 } },
  });
}

/**
 * The worker-side adapter: `deliver` resolves once the message is on the `whatsapp-web` queue. The message then
 * counts as delivered for the outbound queue; what the phone did with it is in the delivery log
 * (`channel_deliveries`: sent, delivered, read, failed).
 */
export class WhatsAppWebQueueAdapter implements ChannelAdapter {
  readonly channel = WHATSAPP_WEB_CHANNEL;
  readonly capabilities = WHATSAPP_WEB_CAPABILITIES;

  constructor(private readonly queue: Pick<Queue<WhatsAppWebSendJobData>, 'add'>) {}

  async deliver(message: StoredMessage): Promise<void> {
    await this.queue.add(
      'send',
      { workspaceId: message.workspace_id, conversationId: message.conversation_id, messageId: message.id },
      { jobId: whatsAppWebJobId(message.id) },
    );
  }
}

/** Dependencies of {@link startWhatsAppWebSendWorker}. */
export interface SendWorkerDeps {
  /** A dedicated connection (BullMQ workers block on theirs). */
  connection: ConnectionOptions;
  redisKeyPrefix: string;
  /** The queue, to pause it while the phone cannot send (`rateLimit`). */
  queue: Pick<Queue<WhatsAppWebSendJobData>, 'rateLimit'>;
  store: Pick<ConversationStore, 'getMessage'>;
  /** The direct sender (sender.ts). */
  sender: Pick<ChannelAdapter, 'deliver'>;
  /** `whatsappWeb.maxPerMinute`: replies per minute (the sender also counts each WhatsApp message). */
  maxPerMinute: number;
  logger: Logger;
  /** How long jobs wait before the next look while the phone is not connected. @defaultValue 5000 */
  notReadyRetryMs?: number;
}

/** Consumes the queue in the process that holds the phone: one job at a time. */
export function startWhatsAppWebSendWorker(deps: SendWorkerDeps): Worker<WhatsAppWebSendJobData> {
  const notReadyRetryMs = deps.notReadyRetryMs ?? 5000;
  const worker = new Worker<WhatsAppWebSendJobData>(
    WHATSAPP_WEB_QUEUE,
    async (job: Job<WhatsAppWebSendJobData>) => {
      const message = await deps.store.getMessage(job.data.messageId);
      if (!message) {
        deps.logger.warn({ messageId: job.data.messageId }, 'message to send on WhatsApp Web no longer exists');
        return 'missing';
      }
      try {
        await deps.sender.deliver(message);
        return 'sent';
      } catch (error) {
        if (error instanceof WhatsAppNotReadyError || error instanceof SendRateLimitedError) {
          // Holds the whole queue (it all goes out through the same phone) and puts this job back, attempt unused.
          await deps.queue.rateLimit(error instanceof SendRateLimitedError ? error.retryInMs : notReadyRetryMs);
          throw Worker.RateLimitError();
        }
        throw error;
      }
    },
    {
      connection: deps.connection,
      prefix: bullPrefix(deps.redisKeyPrefix),
      // One at a time: replies of one chat stay in order, and the phone sends like one person.
      concurrency: 1,
      limiter: { max: deps.maxPerMinute, duration: 60_000 },
      lockDuration: 60_000,
    },
  );
  worker.on('failed', (job, error) => {
    if (!job) return;
    const final = job.attemptsMade >= (job.opts.attempts ?? 1);
    deps.logger[final ? 'error' : 'warn']({ err: error, messageId: job.data.messageId, attempt: job.attemptsMade, final }, 'WhatsApp Web send failed');
  });
  worker.on('error', (error) => deps.logger.error({ err: error }, 'WhatsApp Web send worker error'));
  return worker;
}
