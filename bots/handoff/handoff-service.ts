/**
 * The human handoff as the conversation runtime and the Slack app see it. Both sides only record and enqueue:
 * everything that talks to Slack, translates or delivers runs in the `handoff` queue's worker (handoff-jobs.ts), one
 * job at a time and in order, so a Slack outage delays messages without losing or reordering them.
 *
 * - After a turn that hands the conversation over, a handoff is opened (one per conversation until resolved) and its
 *   Slack thread is queued for posting.
 * - Every later shopper message of a handed-over conversation is queued for the thread.
 * - Agents' thread replies and button clicks from Slack are queued as they arrive (retries were filtered out by the
 *   transport's dedup).
 */
import type { Queue } from 'bullmq';
import type { Logger } from 'pino';
import type { ConversationState } from '../../platform/database';
import type { HandoffJobData } from '../../workers/queues';
import { pickAgentsChannel, type SlackHandoffHandlers, type SlackRouteRule } from '../channels/slack';
import type { Conversation, StoredMessage } from '../runtime/conversation-store';
import type { HandoffStore } from './handoff-store';

/** Why the bot handed over, from the skill that decided it. */
export function handoffReason(skill: string | null): string {
  if (skill === 'complaint') return 'complaint';
  if (skill === 'not-understood') return 'not_understood';
  if (skill === 'frustration') return 'frustration';
  return 'asked';
}

/** The intent of each action the risk check guards. */
const RISK_ACTION_INTENTS: Record<string, string> = {
  change_address: 'change_address',
  order_cancel: 'order_cancel',
  refund_request: 'refund_status',
  package_not_received: 'package_not_received',
  payment_change: 'payment_issue',
};

/** What the turn processor tells the handoff after storing a turn. */
export interface TurnRecord {
  /** The conversation as it was before the turn. */
  conversation: Conversation;
  message: StoredMessage;
  nextState: ConversationState | undefined;
  skill: string | null;
  /** The shopper's language (the conversation's after the turn). */
  language: string;
  intent?: string;
}

/** See the file comment. */
export class HandoffService {
  constructor(
    private readonly deps: {
      handoffs: HandoffStore;
      queue: Queue<HandoffJobData>;
      /** Slack routing: rules by workspace, language or intent, and the default agents channel. */
      routing: { rules: readonly SlackRouteRule[]; fallback: string };
      /** Workspace slug by id, for the routing rules. */
      workspaceSlug: (workspaceId: string) => Promise<string>;
      /** The wait the store promises when there are too few claimed handoffs to measure one. */
      defaultWaitMinutes: number;
      logger: Logger;
      /**
       * The action a risk check handed over in this turn, if one did: the handoff's reason is then `risk_review` and
       * its intent the action's.
       */
      riskReview?: { riskHandoffAction(conversationId: string, messageId: string): Promise<string | undefined> };
    },
  ) {}

  /**
   * The wait to tell a shopper: the median time the workspace's handoffs of the last week waited to be claimed
   * (with at least three of them), else the store's promised wait. Rounded up to whole minutes, at least 1.
   */
  async expectedWaitMinutes(workspaceId: string, now = Date.now()): Promise<number> {
    const waits = (await this.deps.handoffs.recentClaimWaits(workspaceId, now - 7 * 24 * 3600_000)).sort((a, b) => a - b);
    if (waits.length < 3) return this.deps.defaultWaitMinutes;
    const middle = waits.length / 2;
    const median = waits.length % 2 ? waits[Math.floor(middle)]! : (waits[middle - 1]! + waits[middle]!) / 2;
    return Math.max(1, Math.ceil(median / 60_000));
  }

  /** Keeps an e-mail address a waiting shopper left for a reply (shown to agents in the thread's root message). */
  async saveContactEmail(customerId: string, email: string): Promise<void> {
    await this.deps.handoffs.setContactEmail(customerId, email);
  }

  /** Opens the handoff of a turn that handed over, or queues a handed-over conversation's new message for its thread. */
  async afterTurn(turn: TurnRecord): Promise<void> {
    const before = turn.conversation.state;
    if ((before === 'bot' || before === 'closed') && turn.nextState === 'waiting_agent') {
      const channel = pickAgentsChannel(this.deps.routing.rules, this.deps.routing.fallback, {
        workspace: await this.deps.workspaceSlug(turn.conversation.workspace_id),
        language: turn.language,
        ...(turn.intent ? { intent: turn.intent } : {}),
      });
      const riskAction = await this.deps.riskReview?.riskHandoffAction(turn.conversation.id, turn.message.id);
      // The message that triggered a risk handoff is often just "yes" or a code: the checked action is what it is about.
      const intent = riskAction ? (RISK_ACTION_INTENTS[riskAction] ?? riskAction) : turn.intent;
      const { handoff, created } = await this.deps.handoffs.open({
        workspaceId: turn.conversation.workspace_id,
        conversationId: turn.conversation.id,
        reason: riskAction ? 'risk_review' : handoffReason(turn.skill),
        ...(intent ? { intent } : {}),
        slackChannel: channel,
      });
      if (created) await this.deps.queue.add('post-thread', { kind: 'post-thread', handoffId: handoff.id }, { jobId: `handoff-thread-${handoff.id}` });
      return;
    }
    if (before === 'waiting_agent' || before === 'with_agent') {
      const handoff = await this.deps.handoffs.openFor(turn.conversation.id);
      if (!handoff) return;
      await this.deps.queue.add('relay-shopper', { kind: 'relay-shopper', handoffId: handoff.id, messageId: turn.message.id }, { jobId: `handoff-relay-${turn.message.id}` });
    }
  }

  /**
   * Handoffs nobody claimed within `timeoutMs`: each is reminded once (another process may race; the store lets one
   * win), by a job that tells the shopper and pings the thread. @returns how many were reminded now.
   */
  async remindUnclaimed(timeoutMs: number, now = Date.now()): Promise<number> {
    let reminded = 0;
    for (const handoff of await this.deps.handoffs.unclaimedSince(now - timeoutMs)) {
      if (!(await this.deps.handoffs.markReminded(handoff.id, now))) continue;
      await this.deps.queue.add('remind', { kind: 'remind', handoffId: handoff.id }, { jobId: `handoff-remind-${handoff.id}` });
      reminded++;
    }
    return reminded;
  }

  /** What the Slack app calls; each handler only enqueues (Slack is acknowledged after it returns). */
  slackHandlers(): SlackHandoffHandlers {
    return {
      onThreadMessage: async (message) => {
        // Internal notes stay in Slack: nothing to do.
        if (message.isNote) return;
        await this.deps.queue.add(
          'agent-reply',
          { kind: 'agent-reply', channel: message.channel, threadTs: message.threadTs, ts: message.ts, userId: message.userId, text: message.text },
          { jobId: `handoff-reply-${message.channel}-${message.ts}`.replace(/[:.]/g, '-') },
        );
      },
      onAction: async (action) => {
        await this.deps.queue.add('action', {
          kind: 'action',
          action: action.type,
          conversationId: action.conversationId,
          userId: action.userId,
          channel: action.channel,
          messageTs: action.messageTs,
          ...(action.value ? { value: action.value } : {}),
        });
      },
      onCommand: async (command) => {
        // Reminded or not, everything nobody has claimed yet.
        const waiting = await this.deps.handoffs.waiting(20);
        if (command.text.trim() === 'list' || command.text.trim() === '') {
          if (waiting.length === 0) return 'Nobody is waiting for a person right now.';
          return waiting.map((h) => `• ${h.reason} since ${new Date(h.createdAt).toISOString().slice(11, 16)} UTC${h.slackThreadTs ? ` (thread in <#${h.slackChannel}>)` : ''}`).join('\n');
        }
        return 'Usage: `/handoff list` shows the conversations waiting for a person.';
      },
    };
  }
}
