/**
 * Kysely table types. Timestamps are epoch milliseconds (INTEGER in SQLite, BIGINT in PostgreSQL, parsed back to
 * numbers) so both engines share one code path and sort the same way.
 */
import type { ColumnType, Generated } from 'kysely';

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
  /** JSON of the workspace's settings (platform/workspaces/workspace-settings.ts); optional on insert. */
  settings: ColumnType<string | null, string | null | undefined, string | null>;
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
  /** When the shopper proved they own `email` (a code sent to it, or an order lookup with it); see migration 0006. */
  email_verified_at: number | null;
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
  /** The bot's multi-turn memory (JSON of bots/runtime DialogueState), null when it remembers nothing. */
  dialogue: string | null;
  /** JSON: how to reach the conversation again (Bot Framework's conversation reference); see migration 0006. */
  channel_address: string | null;
  /** When the shopper last wrote (WhatsApp's 24-hour customer-service window). */
  last_inbound_at: number | null;
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

/**
 * Where an order is: `pending` (placed, not paid) -> `paid` -> `processing` (being packed) -> `shipped` (handed to the
 * carrier) -> `in_transit` -> `out_for_delivery` -> `delivered`; or `cancelled` before shipping, `returned` after.
 */
export type OrderStatus =
  | 'pending'
  | 'paid'
  | 'processing'
  | 'shipped'
  | 'in_transit'
  | 'out_for_delivery'
  | 'delivered'
  | 'cancelled'
  | 'returned';

/** A product of a workspace's catalogue. Money in minor units (cents) of `currency`. */
export interface ProductsTable {
  id: string;
  workspace_id: string;
  /** The store's stock-keeping unit; unique per workspace. */
  sku: string;
  name: string;
  description: string | null;
  category: string | null;
  price_minor: number;
  /** ISO 4217, upper case. */
  currency: string;
  stock: number;
  /** JSON object: sizes, colours, material... */
  attributes: string;
  url: string | null;
  image_url: string | null;
  created_at: number;
  updated_at: number;
}

/** An order of a customer. */
export interface OrdersTable {
  id: string;
  workspace_id: string;
  customer_id: string;
  /** The store's order number, upper case, without `#`; unique per workspace. */
  order_number: string;
  status: OrderStatus;
  currency: string;
  total_minor: number;
  /** JSON: name, line1, line2, postcode, city, region, country (ISO 3166-1 alpha-2), phone. */
  shipping_address: string | null;
  carrier: string | null;
  tracking_number: string | null;
  placed_at: number;
  shipped_at: number | null;
  expected_delivery_at: number | null;
  delivered_at: number | null;
  updated_at: number;
}

/** One line of an order; `sku` and `name` are copied so the line survives changes to the catalogue. */
export interface OrderItemsTable {
  id: string;
  order_id: string;
  /** 1-based place of the line in its order. */
  position: number;
  product_id: string | null;
  sku: string;
  name: string;
  quantity: number;
  unit_price_minor: number;
}

/** What happened to an order and who did it (`bot:<conversation id>`, `admin`, `import`). */
export interface OrderEventsTable {
  id: string;
  order_id: string;
  /** `imported`, `cancelled`, `address_changed`, ... */
  type: string;
  /** JSON with the event's details, e.g. the previous and the new address. */
  detail: string | null;
  actor: string;
  created_at: number;
}

/** Lifecycle of a model version in the registry. */
export type ModelVersionStatus = 'training' | 'candidate' | 'live' | 'retired' | 'rejected' | 'failed';

/** One version of a trainable component's model (see workers/model-registry). */
export interface ModelVersionsTable {
  id: string;
  /** NULL for the built-in model shared by workspaces without their own. */
  workspace_id: string | null;
  component: string;
  version: number;
  kind: string;
  status: ModelVersionStatus;
  data_fingerprint: string;
  /** JSON of the component's metrics. */
  metrics: string | null;
  error: string | null;
  /** Base64 of the serialised artefact. */
  artefact: string | null;
  created_at: number;
  completed_at: number | null;
  promoted_at: number | null;
}

/** An example a workspace adds to the intent training data (its own intents or more wording for built-in ones). */
export interface IntentExamplesTable {
  id: string;
  workspace_id: string;
  intent: string;
  language: string | null;
  text: string;
  created_at: number;
}

/** Status of a language version of a knowledge article. */
export type KnowledgeStatus = 'draft' | 'published' | 'archived';

/** A knowledge-base article: one topic, linking its language versions. */
export interface KbArticlesTable {
  id: string;
  workspace_id: string;
  slug: string;
  category: string;
  source_language: string;
  created_at: number;
  updated_at: number;
}

/** One language version of an article; its texts live in `kb_revisions`. */
export interface KbVersionsTable {
  id: string;
  article_id: string;
  workspace_id: string;
  language: string;
  status: KnowledgeStatus;
  revision: number;
  published_revision: number | null;
  source_revision: number | null;
  updated_by: string;
  updated_at: number;
  published_at: number | null;
}

/** Every saved text of a language version. */
export interface KbRevisionsTable {
  id: string;
  version_id: string;
  revision: number;
  title: string;
  body: string;
  /** JSON array of strings. */
  questions: string;
  /** JSON array of strings. */
  tags: string;
  author: string;
  note: string;
  created_at: number;
}

/** What admins did to the knowledge base. */
export interface KbAuditLogTable {
  id: string;
  workspace_id: string;
  actor: string;
  action: string;
  article_slug: string | null;
  language: string | null;
  /** JSON. */
  details: string | null;
  created_at: number;
}

/** A shopper's rating of one answer. */
export interface KbRatingsTable {
  id: string;
  workspace_id: string;
  article_id: string;
  language: string;
  conversation_id: string;
  message_id: string;
  /** 1 helpful, 0 not helpful. */
  helpful: number;
  created_at: number;
}

/** The knowledge index version of a workspace. */
export interface KbIndexStateTable {
  workspace_id: string;
  version: number;
  updated_at: number;
}

/** A person of the workspace's team, matched across tools (Slack, the admin app) by e-mail. */
export interface AgentsTable {
  id: string;
  workspace_id: string;
  email: string;
  display_name: string;
  slack_user_id: string | null;
  created_at: number;
  last_seen_at: number;
}

/** Status of a handoff to people. */
export type HandoffStatus = 'waiting' | 'claimed' | 'resolved';

/** One part of an outgoing message as sent to a channel, with its receipts (see migration 0006). */
export interface ChannelDeliveriesTable {
  message_id: string;
  /** Index of the part in the rendered message (render-reply.ts). */
  part: number;
  workspace_id: string;
  channel: string;
  provider_message_id: string | null;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  error: string | null;
  sent_at: number;
  updated_at: number;
}

/** One handoff of a conversation to the agents (see migration 0005). */
export interface HandoffsTable {
  id: string;
  workspace_id: string;
  conversation_id: string;
  status: HandoffStatus;
  reason: string;
  /** The intent of the message that handed over (migration 0006), when understood. */
  intent: string | null;
  slack_channel: string | null;
  slack_thread_ts: string | null;
  agent_id: string | null;
  agent_slack_id: string | null;
  agent_name: string | null;
  agent_email: string | null;
  created_at: number;
  claimed_at: number | null;
  resolved_at: number | null;
  reminded_at: number | null;
}

/** The whole database as Kysely sees it. */
export interface Database {
  workspaces: WorkspacesTable;
  api_tokens: ApiTokensTable;
  customers: CustomersTable;
  channel_identities: ChannelIdentitiesTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  products: ProductsTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  order_events: OrderEventsTable;
  model_versions: ModelVersionsTable;
  intent_examples: IntentExamplesTable;
  kb_articles: KbArticlesTable;
  kb_versions: KbVersionsTable;
  kb_revisions: KbRevisionsTable;
  kb_audit_log: KbAuditLogTable;
  kb_ratings: KbRatingsTable;
  kb_index_state: KbIndexStateTable;
  handoffs: HandoffsTable;
  agents: AgentsTable;
  channel_deliveries: ChannelDeliveriesTable;
}
