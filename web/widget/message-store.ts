/**
 * The conversation as the widget shows it: server messages merged with the shopper's optimistic bubbles,
 * deduplicated and ordered. Every function returns a new state and never mutates its input, so the view can tell
 * what changed by comparing object identity.
 *
 * Pure module: no DOM and no socket, so it is unit-tested under Node.
 */
import type { SendMessageAck, WebchatErrorCode, WireMessage } from '../../bots/channels/webchat/protocol-types';

/** Delivery state of a shopper bubble. Bot and agent messages are always `sent`. */
export type DeliveryStatus = 'sending' | 'sent' | 'error';

/** Why a shopper message was refused, as far as the view needs to explain it. */
export interface DeliveryError {
  code: WebchatErrorCode;
  /** Maximum length, for `message_too_long`. */
  limit?: number;
}

/**
 * One entry of the conversation: a wire message (without direction, implied by the author) that may still be an
 * unacknowledged optimistic bubble, hence optional id and seq.
 */
export interface ChatItem extends Omit<WireMessage, 'id' | 'seq' | 'direction'> {
  /**
   * Stable identity for the view: `c:<clientMessageId>` for shopper messages sent from a widget (so the optimistic
   * bubble and the server's copy share it), else `m:<id>`.
   */
  key: string;
  /** Server id; absent while an optimistic bubble is unacknowledged. */
  id?: string;
  /** Server position; absent while unacknowledged. */
  seq?: number;
  /** ISO 8601; for optimistic bubbles, the local send time. */
  at: string;
  status: DeliveryStatus;
  error?: DeliveryError;
}

/** Everything the message list renders. */
export interface MessageState {
  /**
   * Conversation the server messages belong to: `null` until the shopper's first message creates it (the server
   * creates conversations lazily), `undefined` before the first `session`.
   */
  conversationId?: string | null;
  /** Acknowledged and server messages ordered by `seq`, then unacknowledged bubbles in the order they were sent. */
  items: readonly ChatItem[];
  /** True when the server has messages older than the first item. */
  hasMore: boolean;
}

/** An empty conversation. */
export const EMPTY_STATE: MessageState = { items: [], hasMore: false };

/** What the widget knows about a message the shopper just sent. */
export interface PendingMessage {
  clientMessageId: string;
  text: string;
  /** ISO 8601 send time. */
  at: string;
}

function keyOf(message: { id?: string; clientMessageId?: string }): string {
  return message.clientMessageId ? `c:${message.clientMessageId}` : `m:${message.id ?? ''}`;
}

/** Converts a wire message to a list item. Only fields that are present are copied, to keep items small. */
export function fromWire(message: WireMessage): ChatItem {
  const item: ChatItem = {
    key: keyOf(message),
    id: message.id,
    seq: message.seq,
    author: message.author,
    text: message.text,
    at: message.at,
    status: 'sent',
  };
  if (message.clientMessageId) item.clientMessageId = message.clientMessageId;
  if (message.authorName) item.authorName = message.authorName;
  if (message.language) item.language = message.language;
  if (message.quickReplies?.length) item.quickReplies = message.quickReplies;
  if (message.cards?.length) item.cards = message.cards;
  if (message.notice) item.notice = message.notice;
  return item;
}

/**
 * Server messages by `seq`; unacknowledged bubbles last, in their original order (Array.prototype.sort is stable),
 * because the server will give them higher sequence numbers than anything already shown.
 */
function ordered(items: ChatItem[]): ChatItem[] {
  return items.sort((a, b) => {
    if (a.seq === undefined && b.seq === undefined) return 0;
    if (a.seq === undefined) return 1;
    if (b.seq === undefined) return -1;
    return a.seq - b.seq;
  });
}

function sameMessage(item: ChatItem, message: WireMessage): boolean {
  return item.id === message.id || (!!message.clientMessageId && item.clientMessageId === message.clientMessageId);
}

function upsert(items: ChatItem[], message: WireMessage): void {
  const next = fromWire(message);
  const matches = items.flatMap((item, index) => (sameMessage(item, message) ? [index] : []));
  const index = matches[0];
  if (index === undefined) {
    items.push(next);
    return;
  }
  const current = items[index] as ChatItem;
  // Keep the key of an optimistic bubble even if the server's copy lacks the clientMessageId, so the view
  // updates the bubble in place instead of replacing it.
  const merged: ChatItem = { ...next, key: current.key };
  const clientMessageId = current.clientMessageId ?? next.clientMessageId;
  if (clientMessageId) merged.clientMessageId = clientMessageId;
  // Reuse the old object when nothing changed: the view re-renders by identity, and a session replay after a
  // reconnect should not rebuild (and steal focus from) every bubble.
  items[index] = JSON.stringify(merged) === JSON.stringify(current) ? current : merged;
  // One message listed twice (once by id, once by clientMessageId) collapses into the first entry.
  for (const duplicate of matches.slice(1).reverse()) items.splice(duplicate, 1);
}

/**
 * Adds or updates one server message (a `message` event): deduplicated by `id`, and by `clientMessageId` against
 * the shopper's optimistic bubbles and the copy of a message sent from another tab (announced by tab-sync).
 */
export function applyMessage(state: MessageState, message: WireMessage): MessageState {
  const items = [...state.items];
  upsert(items, message);
  return { ...state, items: ordered(items) };
}

/** Adds or updates several server messages (older history pages). */
export function applyMessages(state: MessageState, messages: readonly WireMessage[], hasMore?: boolean): MessageState {
  const items = [...state.items];
  for (const message of messages) upsert(items, message);
  return { ...state, items: ordered(items), hasMore: hasMore ?? state.hasMore };
}

/**
 * Applies the history of a `session` event (sent after every connect and reconnect).
 *
 * Unacknowledged bubbles always survive. Server messages already shown survive only if they can be joined to the
 * new history without a hole: the conversation is the same and either the history is complete (`!hasMore`) or
 * it overlaps what we have. Otherwise messages sent while we were offline could be missing in between, so the
 * older ones are dropped; "show earlier messages" fetches them again in order.
 */
export function applySession(
  state: MessageState,
  session: { conversationId: string | null; history: readonly WireMessage[]; hasMore: boolean },
): MessageState {
  const pending = state.items.filter((item) => item.seq === undefined);
  const known = state.items.filter((item) => item.seq !== undefined);
  const first = session.history[0];
  // A conversation we only knew as "not created yet" may have been created by our first message since.
  const sameConversation =
    state.conversationId === session.conversationId || (state.conversationId === null && session.conversationId !== null);
  const joinable =
    sameConversation &&
    (first === undefined || !session.hasMore || known.some((item) => (item.seq as number) >= first.seq));

  const items = joinable ? [...known, ...pending] : [...pending];
  for (const message of session.history) upsert(items, message);

  // `hasMore` describes what lies before the first item: ours if we kept older items, the server's otherwise.
  const keptOlder = joinable && first !== undefined && known.some((item) => (item.seq as number) < first.seq);
  return {
    conversationId: session.conversationId,
    items: ordered(items),
    hasMore: keptOlder ? state.hasMore : session.hasMore,
  };
}

/** Appends the shopper's optimistic bubble, shown as `sending` until acknowledged. */
export function addPending(state: MessageState, pending: PendingMessage): MessageState {
  if (state.items.some((item) => item.clientMessageId === pending.clientMessageId)) return state;
  const item: ChatItem = {
    key: keyOf({ clientMessageId: pending.clientMessageId }),
    clientMessageId: pending.clientMessageId,
    author: 'shopper',
    text: pending.text,
    at: pending.at,
    status: 'sending',
  };
  return { ...state, items: ordered([...state.items, item]) };
}

/**
 * Applies the server's acknowledgement of a shopper message: on success the bubble gets its id and position (and
 * merges with a copy that arrived first from another tab); on failure it shows the error.
 */
export function applyAck(state: MessageState, clientMessageId: string, ack: SendMessageAck): MessageState {
  const index = state.items.findIndex((item) => item.clientMessageId === clientMessageId);
  if (index === -1) return state;
  const current = state.items[index] as ChatItem;
  const items = [...state.items];

  if (!ack.ok) {
    // A late failure must not downgrade a message the server already confirmed in another way.
    if (current.status === 'sent') return state;
    const error: DeliveryError = { code: ack.error.code };
    if (ack.error.limit !== undefined) error.limit = ack.error.limit;
    items[index] = { ...current, status: 'error', error };
    return { ...state, items };
  }

  const updated: ChatItem = { ...current, id: ack.messageId, seq: ack.seq, status: 'sent' };
  delete updated.error;
  items[index] = updated;
  // The same message may already be listed under its server id (a copy without clientMessageId).
  const withoutTwin = items.filter((item, i) => i === index || item.id !== ack.messageId);
  return { ...state, items: ordered(withoutTwin) };
}

/**
 * Key of the message whose quick replies are active: the latest bot or agent message, provided the shopper has
 * not written since. Older quick replies are stale (the bot has moved on), so the view hides them. Messages that
 * carry only a notice are skipped: a "handoff" line should not retire the buttons above it.
 */
export function activeQuickRepliesKey(state: MessageState): string | undefined {
  for (let i = state.items.length - 1; i >= 0; i--) {
    const item = state.items[i] as ChatItem;
    if (item.author === 'shopper') return undefined;
    const noticeOnly = !!item.notice && !item.text && !item.cards?.length && !item.quickReplies?.length;
    if (noticeOnly) continue;
    return item.quickReplies?.length ? item.key : undefined;
  }
  return undefined;
}

/** Lowest server position shown, for requesting older history. */
export function oldestSeq(state: MessageState): number | undefined {
  for (const item of state.items) if (item.seq !== undefined) return item.seq;
  return undefined;
}
