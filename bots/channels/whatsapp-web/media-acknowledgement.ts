/**
 * Accepts a message that has no words of its own (a voice note, a photo without caption, a location, a sticker) and
 * answers it with one of the channel sentences ("Thanks for your voice message, I've kept it for our team. I can
 * only read text, though..."), in the conversation's language.
 *
 * Why here and not in the bot: the bot understands words; given `[voice note]` it would answer "I did not
 * understand". So, while the bot owns the conversation, the acknowledgement *is* the turn: under the conversation
 * lock (the one the turn processor takes), the message is ingested and at once completed with the acknowledgement as
 * its stored reply, which goes out through the outbound queue like any reply. The turn processor then finds nothing
 * left to do. When a person owns the conversation (or waits to), nothing is answered here: the runtime relays the
 * message to the agent as usual. The message is persisted before anything else in every case.
 */
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { ConversationLock } from '../../runtime/conversation-lock';
import type { AcceptResult, Conversation, ConversationStore, InboundMessage } from '../../runtime/conversation-store';
import { templatesFor } from '../../runtime/templates';
import { jobIds, type OutboundJobData } from '../../../workers/queues';
import type { AcknowledgementKey } from './inbound-mapper';

/** The ingest the channel hands messages to (production: `IngestService`). */
export interface InboundIngest {
  ingest(message: InboundMessage, conversation?: Conversation): Promise<AcceptResult>;
}

/** Dependencies of {@link MediaAcknowledgement}. */
export interface MediaAcknowledgementDeps {
  store: Pick<ConversationStore, 'resolveConversation' | 'completeTurn'>;
  ingest: InboundIngest;
  lock: Pick<ConversationLock, 'tryAcquire' | 'release'>;
  outbound: Pick<Queue<OutboundJobData>, 'add'>;
  logger: Logger;
  /**
   * How long to wait for the conversation lock while the bot is answering an earlier message; past it, the message
   * is handed to the runtime without an acknowledgement. @defaultValue 5000
   */
  lockWaitMs?: number;
}

/** Outcome: the ingest result, and the stored acknowledgement when one was sent. */
export interface AcknowledgedResult extends AcceptResult {
  acknowledgementId?: string;
}

const LOCK_POLL_MS = 25;

/** See the file comment. */
export class MediaAcknowledgement {
  constructor(private readonly deps: MediaAcknowledgementDeps) {}

  /**
   * Ingests `message` and, when the bot owns its conversation and the message is new, stores and queues the
   * acknowledgement `key` as the message's reply.
   * @param defaultLanguage the workspace's language, for a conversation whose language is not known yet.
   */
  async ingest(message: InboundMessage, key: AcknowledgementKey, defaultLanguage: string): Promise<AcknowledgedResult> {
    const conversation = await this.deps.store.resolveConversation({
      workspaceId: message.workspaceId,
      channel: message.channel,
      conversationKey: message.conversationKey,
      sender: message.sender,
      now: message.receivedAt,
    });
    const token = await this.acquire(conversation.id);
    if (!token) {
      this.deps.logger.warn({ conversationId: conversation.id }, 'conversation stayed busy; the attachment goes to the bot without an acknowledgement');
      return this.deps.ingest.ingest(message, conversation);
    }
    try {
      const result = await this.deps.ingest.ingest(message, conversation);
      // A redelivered message was acknowledged (or answered) the first time; one still `accepted` was stored by an
      // attempt that failed before its acknowledgement (this lock was held throughout), so it is acknowledged now.
      if (result.message.status !== 'accepted' || result.conversation.state !== 'bot') return result;
      const language = templatesFor(result.conversation.language ?? defaultLanguage).language;
      const [reply] = await this.deps.store.completeTurn({
        inboundId: result.message.id,
        conversationId: conversation.id,
        workspaceId: conversation.workspace_id,
        channel: conversation.channel,
        language: null,
        languageConfidence: null,
        conversationLanguage: null,
        replies: [{ reply: { text: templatesFor(language).channel[key], language }, author: 'bot' }],
        at: Date.now(),
      });
      if (!reply) return result;
      // Once stored, the reply is not lost if this fails: the recovery sweep queues pending replies.
      await this.deps.outbound.add(
        'deliver',
        { items: [{ workspaceId: reply.workspace_id, conversationId: reply.conversation_id, messageId: reply.id, channel: reply.channel, acceptedAt: result.message.created_at, message: reply }] },
        { jobId: jobIds.outbound(reply.id) },
      );
      return { ...result, acknowledgementId: reply.id };
    } finally {
      await this.deps.lock.release(conversation.id, token);
    }
  }

  private async acquire(conversationId: string): Promise<string | undefined> {
    const until = Date.now() + (this.deps.lockWaitMs ?? 5000);
    for (;;) {
      const token = await this.deps.lock.tryAcquire(conversationId);
      if (token || Date.now() >= until) return token;
      await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
    }
  }
}
