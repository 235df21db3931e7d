/**
 * What the human handoff needs from risk: whether a turn's escalation came from a risk check (the handoff's reason
 * is then `risk_review`), and the decision agents see in the Slack thread: the action, score, decision, model
 * version and reasons, and how the shopper's verification went.
 */
import type { RiskDecisionLog } from '../platform/risk-decision-log';
import type { VerificationCodes } from './verification-codes';

/** The risk facts of a handed-over conversation. */
export interface RiskReview {
  action: string;
  decision: string;
  score: number | null;
  modelVersion: string;
  reasons: string[];
  rules: string[];
  /** The one-time code step, when there was one: `failed` (too many wrong codes), `passed`, `pending`, `superseded`. */
  verification?: string;
}

/** The interface the handoff depends on. */
export interface RiskReviewSource {
  /** The action a risk check handed over at this message (declined, or its code failed), if any. */
  riskHandoffAction(conversationId: string, messageId: string): Promise<string | undefined>;
  reviewFor(conversationId: string): Promise<RiskReview | undefined>;
}

/** See the file comment. */
export class RiskReviewLookup implements RiskReviewSource {
  constructor(
    private readonly decisions: RiskDecisionLog,
    private readonly codes: VerificationCodes,
  ) {}

  async riskHandoffAction(conversationId: string, messageId: string): Promise<string | undefined> {
    return (await this.decisions.handedOverAt(conversationId, messageId)) ?? (await this.codes.failedAt(conversationId, messageId));
  }

  async reviewFor(conversationId: string): Promise<RiskReview | undefined> {
    const decision = await this.decisions.latestForConversation(conversationId);
    if (!decision) return undefined;
    const verification = await this.codes.latest(conversationId);
    return {
      action: decision.action,
      decision: decision.decision,
      score: decision.score,
      modelVersion: decision.modelVersion,
      reasons: decision.reasons.map((r) => r.text),
      rules: decision.rules,
      ...(verification && verification.createdAt >= decision.createdAt ? { verification: verification.status } : {}),
    };
  }
}
