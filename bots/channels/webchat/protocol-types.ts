/**
 * Wire types of the web chat socket (Socket.IO namespace `/webchat`). Shared, type-only, by the server and the
 * browser widget in `web/widget/`, so the two cannot drift apart.
 *
 * Handshake: `io(url + '/webchat', { auth: WebchatAuth })`.
 * Server -> client events: `session` (after connect and after every reconnect), `message` (a new message of the
 * conversation, from the bot or an agent; the shopper's own messages reach their other tabs through the widget's
 * BroadcastChannel), `typing`.
 * Client -> server events: `message` (with an acknowledgement callback), `history` (older messages).
 */
import type { MessageAuthor, Notice, ProductCard, QuickReply } from '../../runtime/reply';

/** Sent in the Socket.IO handshake's `auth` field. */
export interface WebchatAuth {
  /** Workspace slug from the script tag's `data-workspace`. Unknown workspaces are refused (`unknown_workspace`). */
  workspace: string;
  /** Token from an earlier `session` event, kept in localStorage; absent on a first visit. */
  sessionToken?: string;
  /** `navigator.language`, a hint for the shopper's language before they write anything. */
  locale?: string;
}

/** One message as the widget shows it. */
export interface WireMessage {
  id: string;
  /** Position in the conversation; strictly increasing. */
  seq: number;
  direction: 'in' | 'out';
  author: MessageAuthor;
  /** Agent display name when author is `agent`. */
  authorName?: string;
  text: string;
  language?: string;
  quickReplies?: QuickReply[];
  cards?: ProductCard[];
  notice?: Notice;
  /** The client's id for a shopper message (lets the widget match its optimistic bubble). */
  clientMessageId?: string;
  /** ISO 8601 timestamp. */
  at: string;
}

/** Server -> client after each (re)connect: who the shopper is and the conversation so far. */
export interface SessionEvent {
  sessionToken: string;
  /** Null until the shopper sends a first message (conversations are created lazily). */
  conversationId: string | null;
  /** Language the conversation is held in (widget chrome may follow it). */
  language: string;
  state: 'bot' | 'waiting_agent' | 'with_agent' | 'closed';
  /** Maximum accepted message length in characters. */
  maxMessageLength: number;
  /** The latest messages, oldest first. */
  history: WireMessage[];
  /** True when older messages exist before `history[0]`. */
  hasMore: boolean;
}

/** Client -> server: a shopper message. `clientMessageId` makes resends after a reconnect harmless. */
export interface SendMessagePayload {
  /** 1-64 characters of [A-Za-z0-9_-], unique per message (a UUID is fine). */
  clientMessageId: string;
  text: string;
  /** Set when the shopper pressed a quick reply: its payload. */
  quickReplyPayload?: string;
}

/** Error codes sent in acknowledgements and `chat_error` events. */
export type WebchatErrorCode =
  | 'invalid_payload'
  | 'message_too_long'
  | 'unknown_workspace'
  | 'rate_limited'
  | 'conversation_closed'
  | 'internal_error';

/** Acknowledgement of `message`. */
export type SendMessageAck =
  | { ok: true; messageId: string; seq: number; duplicate: boolean }
  | { ok: false; error: { code: WebchatErrorCode; message: string; limit?: number } };

/** Server -> client: the bot (or agent) is composing a reply. */
export interface TypingEvent {
  isTyping: boolean;
  author: MessageAuthor;
}

/** Client -> server: ask for older messages than `beforeSeq`. */
export interface HistoryRequest {
  beforeSeq: number;
  limit?: number;
}

/** Acknowledgement of `history`. */
export type HistoryAck =
  | { ok: true; messages: WireMessage[]; hasMore: boolean }
  | { ok: false; error: { code: WebchatErrorCode; message: string } };
