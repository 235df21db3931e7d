/** The face of a skill: given one understood shopper message, maybe answer it. */
import type { ConversationState } from '../../../platform/database';
import type { TemplateSet } from '../templates';
import type { Conversation, StoredMessage } from '../conversation-store';
import type { Reply } from '../reply';

/** Quick-reply payloads the foundation's skills understand. */
export const payloads = {
  /** The shopper wants a person. */
  humanAgent: 'human_agent',
  /** The shopper declined the offer of a person. */
  declineAgent: 'decline_agent',
} as const;

/** One shopper message, understood as far as the platform can today. */
export interface Turn {
  conversation: Conversation;
  message: StoredMessage;
  text: string;
  quickReplyPayload?: string;
  /** Language to answer in. */
  language: string;
  templates: TemplateSet;
  /** Workspace display name, for `{store}`. */
  storeName: string;
}

/** What a skill decided: replies to send and, optionally, who owns the conversation next. */
export interface TurnOutcome {
  replies: Reply[];
  nextState?: ConversationState;
}

/** A skill answers the turns it matches. Skills are pure: no I/O, so they are trivially testable. */
export interface Skill {
  /** Registry name, for logs and configuration. */
  readonly name: string;
  matches(turn: Turn): boolean;
  respond(turn: Turn): TurnOutcome;
}
