/**
 * Kysely table types. Timestamps are epoch milliseconds (INTEGER in SQLite, BIGINT in PostgreSQL, parsed back to
 * numbers) so both engines share one code path and sort the same way.
 */
import type { Generated } from 'kysely';

/** Who owns a conversation: the bot, nobody yet (a person was asked for), a person, or nobody (closed). */
export type ConversationState = 'bot' | 'waiting_agent' | 'with_agent' | 'closed';
/** `in` = from the shopper, `out` = to the shopper. */
export type MessageDirection = 'in' | 'out';
/**
 * Inbound: `accepted` (persisted, not yet understood) -> `processed`.
 * Outbound: `pending` (persisted, delivery queued) -> `delivered` | `failed`.
 */
export type MessageStatus = 'accepted' | 'processed' | 'pending' | 'delivered' | 'failed';
/** Role of an API token: admins manage, agents read and answer conversations. */
export type TokenRole = 'admin' | 'agent';

export interface WorkspacesTable {
  id: string;
  slug: string;
  name: string;
  default_language: string;
  created_at: number;
}

export interface ApiTokensTable {
  id: string;
  workspace_id: string;
  name: string;
  role: TokenRole;
  /** SHA-256 of the token; the token itself is shown once and never stored. */
  token_hash: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}

export interface CustomersTable {
  id: string;
  workspace_id: string;
  display_name: string | null;
  email: string | null;
  phone: string | null;
  created_at: number;
}

export interface ChannelIdentitiesTable {
  id: string;
  workspace_id: string;
  customer_id: string;
  /** `webchat`, `whatsapp`, `botframework`, ... */
  channel: string;
  /** The channel's id for the person (for the web widget: a hash of the session token). */
  external_id: string;
  created_at: number;
}

export interface ConversationsTable {
  id: string;
  workspace_id: string;
  customer_id: string;
  channel: string;
  /** The channel's key for the conversation; unique per workspace and channel. */
  conversation_key: string;
  state: ConversationState;
  /** Language the conversation is held in, once known. */
  language: string | null;
  /** Highest message sequence number given out; the next message gets `last_seq + 1`. */
  last_seq: Generated<number>;
  created_at: number;
  updated_at: number;
  last_message_at: number;
}

export interface MessagesTable {
  id: string;
  workspace_id: string;
  conversation_id: string;
  /** Order within the conversation, assigned at acceptance. */
  seq: number;
  direction: MessageDirection;
  author: 'shopper' | 'bot' | 'agent';
  author_name: string | null;
  channel: string;
  /** The channel's own id of an inbound message; duplicates of it are dropped. */
  channel_message_id: string | null;
  language: string | null;
  language_confidence: number | null;
  text: string;
  /** JSON: quick replies, cards, notice of a reply; quick-reply payload of an inbound message. */
  payload: string | null;
  status: MessageStatus;
  /** For replies: the inbound message answered. */
  reply_to: string | null;
  created_at: number;
  processed_at: number | null;
  delivered_at: number | null;
}

/** The whole database as Kysely sees it. */
export interface Database {
  workspaces: WorkspacesTable;
  api_tokens: ApiTokensTable;
  customers: CustomersTable;
  channel_identities: ChannelIdentitiesTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
}
