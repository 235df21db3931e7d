/**
 * The risk check in front of the bot's sensitive actions (address change, cancellation, refund request, "not
 * received" claim, payment change). Low risk (`approve`): the bot goes ahead. Medium (`review`): a one-time code
 * goes to the e-mail on the order and the action waits for it. High (`decline`): nothing happens and a person takes
 * over. Whatever fails on the way fails towards caution: a scoring failure is a `review`, a review that cannot send
 * a code (no e-mail on the order, too many codes, the mail refused) goes to a person. A retried turn finds its
 * decision again (same event id) instead of scoring twice or sending a second code.
 */
import type { CommerceStore, Order, ShippingAddress } from '../../commerce';
import type { RiskAction } from '../features/risk-request';
import type { RiskLogger } from '../scoring/risk-scorer';
import type { RiskService } from '../platform/risk-service';
import { buildChatRiskRequest, chatEventId } from './chat-risk-request';
import { maskEmail, type EmailSender } from './email-sender';
import type { CodeAnswer, VerificationCodes } from './verification-codes';

/** A sensitive chat action to check. */
export interface RiskCheckInput {
  workspaceId: string;
  conversation: { id: string; customer_id: string; channel: string };
  messageId: string;
  action: Exclude<RiskAction, 'order'>;
  order?: Order;
  newAddress?: ShippingAddress;
  /** The exact action, e.g. `change_address:A1B2C3:<address>`: a code unlocks only this. */
  payload: string;
  /** The code's e-mail, in the shopper's language. */
  email: (code: string, ttlMinutes: number) => { subject: string; body: string };
}

/** What the bot does next. */
export type RiskCheckResult =
  | { kind: 'proceed' }
  /** A code was sent to `sentTo` (masked). */
  | { kind: 'verify'; sentTo: string }
  | { kind: 'handoff' };

/** What the skills use (SkillServices.risk). */
export interface ChatRiskChecks {
  check(input: RiskCheckInput): Promise<RiskCheckResult>;
  /** A code typed by the shopper, for the conversation's pending action `payload`. */
  answerCode(input: { conversationId: string; messageId: string; payload: string; code: string }): Promise<CodeAnswer>;
}

/** Dependencies of {@link ChatRiskGate}. */
export interface ChatRiskGateDeps {
  service: RiskService;
  commerce: CommerceStore;
  codes: VerificationCodes;
  email: EmailSender;
  logger: RiskLogger & { warn(object: Record<string, unknown>, message: string): void };
}

/** See the file comment. */
export class ChatRiskGate implements ChatRiskChecks {
  constructor(private readonly deps: ChatRiskGateDeps) {}

  async check(input: RiskCheckInput): Promise<RiskCheckResult> {
    const { service } = this.deps;
    const earlier = await service.decisions.findChatByEvent(input.workspaceId, chatEventId(input.messageId, input.action));
    if (earlier?.outcome) return this.replay(earlier.id, earlier.outcome);
    const request = await buildChatRiskRequest(input, { commerce: this.deps.commerce, decisions: service.decisions });
    const decided = earlier ?? (await service.score(request, { source: 'chat', conversationId: input.conversation.id, messageId: input.messageId, ...(input.order ? { orderNumber: input.order.orderNumber } : {}) }));
    const decisionId = 'decisionId' in decided && decided.decisionId ? decided.decisionId : (earlier?.id as string);
    if (decided.decision === 'approve') {
      await service.decisions.setOutcome(decisionId, 'proceed');
      return { kind: 'proceed' };
    }
    if (decided.decision === 'decline') return this.handOver(decisionId);
    const email = request.customer.email;
    if (!email) {
      this.deps.logger.warn({ decisionId }, 'risk review without an e-mail on the order to send a code to; a person takes over');
      return this.handOver(decisionId);
    }
    const issued = await this.deps.codes.issue({
      workspaceId: input.workspaceId,
      conversationId: input.conversation.id,
      decisionId,
      action: input.action,
      ...(input.order ? { orderNumber: input.order.orderNumber } : {}),
      payload: input.payload,
      email,
    });
    if (issued.kind === 'limited') {
      this.deps.logger.warn({ decisionId, conversationId: input.conversation.id }, 'too many verification codes in this conversation; a person takes over');
      return this.handOver(decisionId);
    }
    const text = input.email(issued.code, this.deps.codes.ttlMinutes);
    try {
      await this.deps.email.send({ workspaceId: input.workspaceId, to: email, subject: text.subject, body: text.body, purpose: 'verification_code' });
    } catch (error) {
      this.deps.logger.error({ err: error, decisionId }, 'the verification code could not be sent; a person takes over');
      return this.handOver(decisionId);
    }
    await service.decisions.setOutcome(decisionId, 'verify');
    return { kind: 'verify', sentTo: maskEmail(email) };
  }

  answerCode(input: { conversationId: string; messageId: string; payload: string; code: string }): Promise<CodeAnswer> {
    return this.deps.codes.answer(input);
  }

  private async handOver(decisionId: string): Promise<RiskCheckResult> {
    await this.deps.service.decisions.setOutcome(decisionId, 'handoff');
    return { kind: 'handoff' };
  }

  /** The same answer as the first attempt of a retried turn. */
  private async replay(decisionId: string, outcome: 'proceed' | 'verify' | 'handoff'): Promise<RiskCheckResult> {
    if (outcome !== 'verify') return { kind: outcome };
    const pending = await this.deps.codes.pendingFor(decisionId);
    // The code went out on the first attempt; without it pending any more, a person is the safe next step.
    return pending ? { kind: 'verify', sentTo: maskEmail(pending.email) } : { kind: 'handoff' };
  }
}
