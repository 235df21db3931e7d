/**
 * What the Slack transport hands to the handoff domain, and what it asks of it. Slack's raw payloads stop at
 * `slack-payloads.ts`; everything past it sees these shapes only.
 */

/** A person's reply in a handoff thread (never a bot's, never an edit or a deletion). */
export interface SlackThreadMessage {
  /** Slack workspace (team) id the message came from, e.g. `T0123`. */
  teamId: string;
  /** Channel id of the thread. */
  channel: string;
  /** `ts` of the thread's root message: the key of the handoff thread. */
  threadTs: string;
  /** `ts` of this reply: its external id, kept so the echo of a relayed message is never re-imported. */
  ts: string;
  /** Slack user id of the author. */
  userId: string;
  /** The text, with a note prefix removed when {@link isNote}. */
  text: string;
  /** The agent wrote `note:` or `private:` first: an internal note, not to be relayed to the shopper. */
  isNote: boolean;
}

/** What a handoff button or menu asks for. */
export type SlackHandoffActionType = 'claim' | 'resolve' | 'transfer';

/** A click on a handoff message's Claim / Resolve button or a choice in its Transfer menu. */
export interface SlackHandoffAction {
  type: SlackHandoffActionType;
  /** Platform conversation id carried by the message's actions block. */
  conversationId: string;
  /** Slack user id of the person who clicked. */
  userId: string;
  teamId: string;
  /** Channel id of the handoff message. */
  channel: string;
  /** `ts` of the handoff message (the thread root), so it can be updated with `chat.update`. */
  messageTs: string;
  /** For `transfer`: the channel id chosen in the menu. */
  value?: string;
}

/** A slash command typed by an agent, e.g. `/handoff list`. */
export interface SlackSlashCommand {
  /** The command with its slash, e.g. `/handoff`. */
  command: string;
  /** Everything after the command. */
  text: string;
  userId: string;
  teamId: string;
  /** Channel the command was typed in. */
  channel: string;
  triggerId: string;
}

/**
 * What the handoff domain plugs into the Slack app. Each handler runs before Slack gets its acknowledgement, so
 * it must be quick (persist or enqueue, not translate or post) and must throw when it could not record the input:
 * Slack then retries, and the retry is let through.
 */
export interface SlackHandoffHandlers {
  onThreadMessage(message: SlackThreadMessage): Promise<void>;
  onAction(action: SlackHandoffAction): Promise<void>;
  /** @returns text shown only to the agent who typed the command, or nothing. */
  onCommand(command: SlackSlashCommand): Promise<string | void>;
}
