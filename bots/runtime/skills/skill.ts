/** The face of a skill: given one understood shopper message, maybe answer it. */
import type { Understanding } from '../../../nlu/pipeline';
import type { ConversationState } from '../../../platform/database';
import type { CommerceStore } from '../../../commerce';
import type { TemplateSet } from '../templates';
import type { SkillTexts } from '../templates/skill-texts';
import type { Conversation, StoredMessage } from '../conversation-store';
import type { DialogueState } from '../dialogue/dialogue-state';
import type { Reply } from '../reply';
import type { KnowledgeService } from './knowledge-skills';
import type { ChatRiskChecks } from '../../../risk';
import type { ChatRecommendations } from './recommendation-services';

/** Quick-reply payloads the skills understand. */
export const payloads = {
  /** The shopper wants a person. */
  humanAgent: 'human_agent',
  /** The shopper declined the offer of a person. */
  declineAgent: 'decline_agent',
  /** Yes / no to a confirmation question. */
  confirmYes: 'confirm_yes',
  confirmNo: 'confirm_no',
} as const;

/** Data services skills may use. Absent in processes (and tests) that run without them. */
export interface SkillServices {
  commerce?: CommerceStore;
  /** The help centre: answers from the knowledge base and ratings of them. */
  knowledge?: KnowledgeService;
  /**
   * The human handoff: how long a shopper can expect to wait for a person, and where the team may reply when the
   * wait is long (an e-mail address the shopper leaves while waiting).
   */
  handoff?: { expectedWaitMinutes(workspaceId: string): Promise<number>; saveContactEmail?(customerId: string, email: string): Promise<void> };
  /** One customer across channels: a shopper who proves who they are joins their customer record (customer-identity.ts). */
  identity?: { linkVerified(input: { workspaceId: string; customerId: string; ownerCustomerId: string }): Promise<unknown> };
  /**
   * Risk checks before sensitive actions (address change, cancellation, refund request, "not received" claim,
   * payment change): go ahead, verify with a one-time code, or hand over (risk-skills.ts). Absent: no checks.
   */
  risk?: ChatRiskChecks;
  /**
   * Product recommendations as cards, with tracked links and "More like this" (recommendation-skills.ts). Absent:
   * recommendation requests get the interim answer.
   */
  recommendations?: ChatRecommendations;
}

/** Thresholds of the understanding-driven decisions. */
export interface UnderstandingPolicy {
  /** Below this confidence an intent is not acted on (the bot asks to rephrase). @defaultValue 0.5 */
  minConfidence: number;
  /** Frustration score at which a person is brought in. @defaultValue 0.6 */
  frustrationHandoff: number;
  /** Turns in a row not understood before a person is brought in. @defaultValue 2 */
  notUnderstoodHandoff: number;
  /** Which of the bot's own reasons hand a conversation to a person (asking for one always does). @defaultValue all */
  handoffOn?: { complaint: boolean; frustration: boolean; notUnderstood: boolean };
}

/** Defaults of {@link UnderstandingPolicy}. */
export const defaultUnderstandingPolicy: UnderstandingPolicy = { minConfidence: 0.5, frustrationHandoff: 0.6, notUnderstoodHandoff: 2 };

/** One shopper message, understood as far as the platform can. */
export interface Turn {
  conversation: Conversation;
  message: StoredMessage;
  text: string;
  quickReplyPayload?: string;
  /** Language to answer in. */
  language: string;
  templates: TemplateSet;
  texts: SkillTexts;
  /** Workspace display name, for `{store}`. */
  storeName: string;
  /** Intent, entities and frustration; absent while no intent model is live yet. */
  understanding?: Understanding;
  /** The bot's memory of this conversation before this turn. */
  dialogue: DialogueState;
  services: SkillServices;
  policy: UnderstandingPolicy;
}

/** What a skill decided: replies to send and, optionally, who owns the conversation next and what to remember. */
export interface TurnOutcome {
  replies: Reply[];
  nextState?: ConversationState;
  /** The memory after this turn; undefined keeps it unchanged. */
  dialogue?: DialogueState;
}

/** A skill answers the turns it matches. Skills get their data through `turn.services`, never from module state. */
export interface Skill {
  /** Registry name, for logs and configuration. */
  readonly name: string;
  matches(turn: Turn): boolean;
  respond(turn: Turn): TurnOutcome | Promise<TurnOutcome>;
}
