/**
 * The `handoff` queue's processor: the Slack side of a handoff and the delivery of agents' replies to shoppers.
 *
 * - `post-thread`: the thread's root message (shopper, channel, language, order, reason, the recent transcript
 *   translated into the agents' language with the originals) in the routed agents channel; its `ts` is stored.
 * - `relay-shopper`: a shopper message into the thread, original plus translation (or "not translated").
 * - `agent-reply`: an agent's thread reply, translated into the shopper's language and delivered on the shopper's
 *   channel with the agent's name; the first reply claims a waiting handoff. Stored with the Slack `ts` as its channel
 *   message id, so a redelivered reply is stored and sent once.
 * - `action`: Claim, Resolve (back to the bot; the shopper is told), Transfer (a new thread in another channel).
 *
 * A Slack failure that may pass (429, 5xx, network) pauses the whole queue for Slack's Retry-After (or a backoff) and
 * puts the same job back first, so later jobs never overtake it. A translation failure never blocks a message: it
 * is relayed with its language and "not translated".
 */
import { Worker, type Job, type WorkerOptions } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { isUniqueViolation, type Database } from '../../platform/database';
import type { TranslationContext, Translator } from '../../nlu/translation/translator';
import { parseWorkspaceSettings, type WorkspaceStore } from '../../platform/workspaces';
import { jobIds, type HandoffJobData, type OutboundJobData } from '../../workers/queues';
import type { Queue } from 'bullmq';
import { escapeMrkdwn, handoffRootMessage, type IdempotentSlackPoster, SlackRetryableError, type HandoffSummary, type SlackSender, type SlackUserDirectory, type TranscriptLine } from '../channels/slack';
import type { ConversationStore, StoredMessage } from '../runtime/conversation-store';
import { templatesFor } from '../runtime/templates';
import { parseDialogue } from '../runtime/dialogue/dialogue-state';
import type { CommerceStore } from '../../commerce';
import type { Handoff, HandoffStore } from './handoff-store';
import { riskReasonLine, summariseHandoff, type RiskFacts } from './handoff-summary';

/** What the processor needs. */
export interface HandoffJobDeps {
  db: Kysely<Database>;
  /** Orders, for the order the conversation is about. */
  commerce?: CommerceStore;
  /** Workspace settings (the glossary translation keeps as written). */
  workspaces?: WorkspaceStore;
  handoffs: HandoffStore;
  store: ConversationStore;
  sender: SlackSender;
  /** Every post goes through it: a retried job never posts the same message twice. */
  poster: IdempotentSlackPoster;
  users: SlackUserDirectory;
  translator?: Translator;
  /** The agents' language. */
  agentLanguage: string;
  outbound: Queue<OutboundJobData>;
  logger: Logger;
  /** Pause after a Slack failure without Retry-After. @defaultValue 2000 */
  retryPauseMs?: number;
  /** The risk check behind a `risk_review` handoff (score, decision, reasons), shown in the root message. */
  risk?: { reviewFor(conversationId: string): Promise<RiskFacts | undefined> };
}

const TRANSCRIPT_MESSAGES = 12;

const REASONS: Record<string, string> = {
  asked: 'asked for a person',
  complaint: 'complaint',
  frustration: 'strong frustration',
  not_understood: 'the bot did not understand twice',
  risk_review: 'risk review',
};

/** A translation, or the original marked as not translated (never an error). */
async function translated(
  deps: HandoffJobDeps,
  text: string,
  from: string | null,
  to: string,
  context: TranslationContext = {},
): Promise<{ text: string; from: string; translated: boolean }> {
  const source = from ?? to;
  if (source === to || !deps.translator || !deps.translator.supports(source, to)) return { text, from: source, translated: source === to };
  try {
    return { text: await deps.translator.translate(text, source, to, context), from: source, translated: true };
  } catch (error) {
    deps.logger.warn({ err: error, from: source, to }, 'translation failed; relaying the original');
    return { text, from: source, translated: false };
  }
}

/** See the file comment. */
export class HandoffJobs {
  constructor(private readonly deps: HandoffJobDeps) {}

  /** Starts the worker: one job at a time, so Slack sees the messages in the order they happened. */
  start(options: WorkerOptions): Worker<HandoffJobData> {
    const worker: Worker<HandoffJobData> = new Worker<HandoffJobData>(
      'handoff',
      async (job) => {
        try {
          await this.process(job);
        } catch (error) {
          if (error instanceof SlackRetryableError) {
            // Pause the queue and put this job back first: nothing behind it may reach Slack before it.
            await worker.rateLimit(error.retryAfterMs ?? this.deps.retryPauseMs ?? 2000);
            throw Worker.RateLimitError();
          }
          throw error;
        }
      },
      { ...options, concurrency: 1 },
    );
    return worker;
  }

  /** The workspace's glossary (names kept as written by translation). */
  private async context(workspaceId: string): Promise<TranslationContext> {
    const workspace = await this.deps.workspaces?.findById(workspaceId);
    const glossary = parseWorkspaceSettings(workspace?.settings).glossary;
    return glossary?.length ? { glossary } : {};
  }

  /** Runs one job (exported for tests that drive the steps directly). */
  async process(job: Pick<Job<HandoffJobData>, 'data'>): Promise<void> {
    const data = job.data;
    if (data.kind === 'post-thread') await this.postThread(data.handoffId);
    else if (data.kind === 'relay-shopper') await this.relayShopper(data.handoffId, data.messageId);
    else if (data.kind === 'remind') await this.remind(data.handoffId);
    else if (data.kind === 'agent-reply') await this.agentReply(data);
    else await this.action(data);
  }

  private async summary(handoff: Handoff): Promise<HandoffSummary> {
    const conversation = await this.deps.store.getConversation(handoff.conversationId);
    if (!conversation) throw new Error(`Conversation ${handoff.conversationId} of handoff ${handoff.id} no longer exists`);
    const customer = await this.deps.db.selectFrom('customers').select(['display_name', 'email']).where('id', '=', conversation.customer_id).executeTakeFirst();
    const messages = (await this.deps.store.listMessages(conversation.id, { limit: TRANSCRIPT_MESSAGES })).slice(-TRANSCRIPT_MESSAGES);
    const transcript: TranscriptLine[] = [];
    const context = await this.context(conversation.workspace_id);
    for (const message of messages) transcript.push(await this.transcriptLine(message, conversation.language, context));
    const language = conversation.language ?? 'en';
    // The order the conversation is about (the bot remembers it), with its status and destination country.
    const orderNumber = parseDialogue(conversation.dialogue).orderNumber;
    const order = orderNumber ? await this.deps.commerce?.findOrder(conversation.workspace_id, orderNumber) : undefined;
    const country = order?.shippingAddress?.country;
    const risk = handoff.reason === 'risk_review' ? await this.deps.risk?.reviewFor(conversation.id) : undefined;
    const reason = risk ? riskReasonLine(risk) : (REASONS[handoff.reason] ?? handoff.reason);
    return {
      conversationId: conversation.id,
      shopper: { name: customer?.display_name ?? customer?.email ?? `shopper ${conversation.customer_id.slice(0, 8)}`, ...(customer?.email ? { email: customer.email } : {}) },
      channel: conversation.channel,
      language,
      ...(country ? { country } : {}),
      ...(order ? { order: { number: order.orderNumber, status: order.status } } : {}),
      reason,
      summary: summariseHandoff({
        intent: handoff.intent,
        reason: REASONS[handoff.reason] ?? handoff.reason,
        ...(risk ? { risk } : {}),
        ...(order ? { order: { number: order.orderNumber, status: order.status } } : {}),
        transcript,
      }),
      transcript,
    };
  }

  private async transcriptLine(message: StoredMessage, conversationLanguage: string | null, context: TranslationContext): Promise<TranscriptLine> {
    const from = message.author === 'shopper' ? 'shopper' : message.author === 'agent' ? 'agent' : 'bot';
    const language = message.language ?? conversationLanguage;
    const result = await translated(this.deps, message.text, language, this.deps.agentLanguage, context);
    const line: TranscriptLine = { from, at: new Date(Number(message.created_at)), text: result.text };
    if (result.from !== this.deps.agentLanguage) line.original = { language: result.from, text: message.text };
    return line;
  }

  private async postThread(handoffId: string): Promise<void> {
    const handoff = await this.deps.handoffs.byId(handoffId);
    if (!handoff || handoff.slackThreadTs || !handoff.slackChannel) return;
    const root = handoffRootMessage(await this.summary(handoff));
    const posted = await this.deps.poster.post(`thread:${handoff.id}`, { channel: handoff.slackChannel, text: root.text, blocks: root.blocks });
    await this.deps.handoffs.setThread(handoff.id, posted.channel, posted.ts);
  }

  private async thread(handoffId: string): Promise<Handoff & { slackChannel: string; slackThreadTs: string }> {
    const handoff = await this.deps.handoffs.byId(handoffId);
    if (!handoff) throw new Error(`No handoff ${handoffId}`);
    // The root is posted by an earlier job of the same ordered queue; if it failed for good there is no thread.
    if (!handoff.slackChannel || !handoff.slackThreadTs) throw new SlackRetryableError(`The thread of handoff ${handoffId} is not posted yet`);
    return handoff as Handoff & { slackChannel: string; slackThreadTs: string };
  }

  private async relayShopper(handoffId: string, messageId: string): Promise<void> {
    const handoff = await this.thread(handoffId);
    const message = await this.deps.store.getMessage(messageId);
    if (!message) return;
    const conversation = await this.deps.store.getConversation(message.conversation_id);
    const result = await translated(this.deps, message.text, message.language ?? conversation?.language ?? null, this.deps.agentLanguage, await this.context(message.workspace_id));
    const original = escapeMrkdwn(message.text);
    const shown = escapeMrkdwn(result.text);
    const text =
      result.from === this.deps.agentLanguage
        ? `*Shopper:* ${original}`
        : result.translated
          ? `*Shopper* (${result.from}): ${shown}\n>_original:_ ${original}`
          : `*Shopper* (${result.from}, not translated): ${original}`;
    await this.deps.poster.post(`relay:${message.id}:${handoff.slackThreadTs}`, { channel: handoff.slackChannel, threadTs: handoff.slackThreadTs, text });
  }

  /** Nobody claimed it in time: the shopper is told (and offered a reply by e-mail), the thread is pinged. */
  private async remind(handoffId: string): Promise<void> {
    const handoff = await this.deps.handoffs.byId(handoffId);
    if (!handoff || handoff.status !== 'waiting') return;
    const conversation = await this.deps.store.getConversation(handoff.conversationId);
    if (!conversation) return;
    const templates = templatesFor(conversation.language ?? undefined);
    const message = await this.deps.store.appendOutgoing({
      conversation,
      outgoing: { reply: { text: templates.waitingTooLong, language: templates.language }, author: 'bot' },
      channelMessageId: `handoff-remind:${handoff.id}`,
    }).catch((error: unknown) => {
      if (isUniqueViolation(error)) return undefined;
      throw error;
    });
    if (message) await this.deliver(conversation.workspace_id, conversation.id, conversation.channel, message);
    const thread = await this.thread(handoffId);
    const minutes = Math.round((Date.now() - handoff.createdAt) / 60_000);
    await this.deps.poster.post(`remind:${handoff.id}`, { channel: thread.slackChannel, threadTs: thread.slackThreadTs, text: `<!here> Still waiting for a person (${minutes} min). The shopper was offered a reply by e-mail.` });
  }

  private async agentReply(data: Extract<HandoffJobData, { kind: 'agent-reply' }>): Promise<void> {
    const handoff = await this.deps.handoffs.byThread(data.channel, data.threadTs);
    if (!handoff || handoff.status === 'resolved') return;
    const conversation = await this.deps.store.getConversation(handoff.conversationId);
    if (!conversation) return;
    const agent = await this.deps.users.lookup(data.userId);
    if (handoff.status === 'waiting') await this.deps.handoffs.claim(handoff.id, { slackId: data.userId, name: agent.displayName, email: agent.email ?? null });
    const language = conversation.language ?? 'en';
    const result = await translated(this.deps, data.text, this.deps.agentLanguage, language, await this.context(conversation.workspace_id));
    let message: StoredMessage;
    try {
      message = await this.deps.store.appendOutgoing({
        conversation,
        outgoing: { reply: { text: result.text, language: result.translated ? language : this.deps.agentLanguage }, author: 'agent', authorName: agent.displayName },
        nextState: 'with_agent',
        channelMessageId: `slack:${data.channel}:${data.ts}`,
      });
    } catch (error) {
      // Stored by an earlier attempt of this job (or a redelivery): it was queued for delivery then.
      if (isUniqueViolation(error)) return;
      throw error;
    }
    await this.deliver(conversation.workspace_id, conversation.id, conversation.channel, message);
  }

  private async deliver(workspaceId: string, conversationId: string, channel: string, message: StoredMessage): Promise<void> {
    await this.deps.outbound.add('deliver', { items: [{ workspaceId, conversationId, messageId: message.id, channel }] }, { jobId: jobIds.outbound(message.id) });
  }

  private async action(data: Extract<HandoffJobData, { kind: 'action' }>): Promise<void> {
    const handoff = await this.deps.handoffs.openFor(data.conversationId);
    if (!handoff) return;
    const agent = await this.deps.users.lookup(data.userId);
    const conversation = await this.deps.store.getConversation(data.conversationId);
    if (!conversation) return;
    if (data.action === 'claim') {
      await this.deps.handoffs.claim(handoff.id, { slackId: data.userId, name: agent.displayName, email: agent.email ?? null });
      await this.deps.store.setState(conversation.id, 'with_agent');
      const root = handoffRootMessage(await this.summary(handoff), { state: 'claimed', by: agent.displayName });
      await this.deps.sender.update({ channel: data.channel, ts: data.messageTs, text: root.text, blocks: root.blocks });
    } else if (data.action === 'resolve') {
      if (!(await this.deps.handoffs.resolve(handoff.id))) return;
      const templates = templatesFor(conversation.language ?? undefined);
      const message = await this.deps.store.appendOutgoing({
        conversation,
        outgoing: { reply: { text: templates.returnedToBot, language: templates.language }, author: 'bot' },
        nextState: 'bot',
      });
      await this.deliver(conversation.workspace_id, conversation.id, conversation.channel, message);
      const root = handoffRootMessage(await this.summary(handoff), { state: 'resolved', by: agent.displayName });
      await this.deps.sender.update({ channel: data.channel, ts: data.messageTs, text: root.text, blocks: root.blocks });
    } else if (data.value) {
      const root = handoffRootMessage(await this.summary(handoff));
      // One transfer = one click on one root message; its keys make a retried job finish the same transfer.
      const transfer = `transfer:${handoff.id}:${data.messageTs}:${data.value}`;
      const posted = await this.deps.poster.post(`${transfer}:root`, { channel: data.value, text: root.text, blocks: root.blocks });
      await this.deps.handoffs.setThread(handoff.id, posted.channel, posted.ts);
      await this.deps.poster.post(`${transfer}:note`, { channel: data.channel, threadTs: data.messageTs, text: `Transferred to <#${data.value}> by ${agent.displayName}.` });
    }
  }
}
