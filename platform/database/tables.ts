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
/**
 * Role of an API token: admins manage, agents read and answer conversations, `events` keys only add interaction
 * events for their workspace (`POST /api/events`; safe to embed in a public storefront page, see migration 0007).
 */
export type TokenRole = 'admin' | 'agent' | 'events';

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
  /** The brand, when the store gives one (migration 0007). */
  brand: ColumnType<string | null, string | null | undefined, string | null>;
  /** Language of `name` and `description` (`en`, `pt-br`); NULL: the workspace's default language (migration 0007). */
  language: ColumnType<string | null, string | null | undefined, string | null>;
  /** 1 while the product is offered, 0 once withdrawn (kept for history); see migration 0007. */
  active: ColumnType<number, number | undefined, number>;
  /** The catalogue revision (`catalogue_revisions`) of the transaction that last wrote the product (migration 0007). */
  revision: ColumnType<number, number | undefined, number>;
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
  product_translations: ProductTranslationsTable;
  product_prices: ProductPricesTable;
  product_ship_countries: ProductShipCountriesTable;
  catalogue_revisions: CatalogueRevisionsTable;
  interaction_events: InteractionEventsTable;
  visitor_links: VisitorLinksTable;
  risk_decisions: RiskDecisionsTable;
  risk_labels: RiskLabelsTable;
  risk_settings: RiskSettingsTable;
  risk_verifications: RiskVerificationsTable;
  risk_email_outbox: RiskEmailOutboxTable;
  risk_ip_tables: RiskIpTablesTable;
}

/** A product's name and description in another language than its own (migration 0007). */
export interface ProductTranslationsTable {
  product_id: string;
  /** Lower-case language tag: `es`, `zh`, `pt-br`. */
  language: string;
  name: string;
  description: string | null;
}

/** A product's price in another currency than its own, set by the store (no conversion rates; migration 0007). */
export interface ProductPricesTable {
  product_id: string;
  /** ISO 4217, upper case. */
  currency: string;
  price_minor: number;
}

/** A country a product ships to; a product without rows ships everywhere (migration 0007). */
export interface ProductShipCountriesTable {
  product_id: string;
  /** ISO 3166-1 alpha-2, upper case. */
  country: string;
}

/** The catalogue revision of a workspace, raised by every transaction that writes products (migration 0007). */
export interface CatalogueRevisionsTable {
  workspace_id: string;
  revision: number;
  updated_at: number;
}

/** What a shopper did with a product (migration 0007). */
export type InteractionEventType = 'view' | 'add_to_cart' | 'purchase' | 'recommendation_click' | 'search';

/** One interaction event: who (customer and/or storefront visitor), what, which product, when (migration 0007). */
export interface InteractionEventsTable {
  id: string;
  workspace_id: string;
  /** The sender's id of the event; a retried event with the same id is stored once. */
  client_event_id: string | null;
  type: InteractionEventType;
  /** NULL only for `search` events without a product. */
  product_id: string | null;
  customer_id: string | null;
  /** The storefront's first-party visitor id. */
  visitor_id: string | null;
  session_id: string | null;
  /** When it happened (epoch ms). */
  at: number;
  /** When the platform received it. */
  received_at: number;
  country: string | null;
  /** Where it came from: `storefront`, `chat:webchat`, `import`, ... */
  source: string | null;
  quantity: number | null;
  price_minor: number | null;
  currency: string | null;
  /** JSON object of small extras (search query, recommendation list, position). */
  context: string | null;
}

/** A storefront visitor identified as a customer (migration 0007). */
export interface VisitorLinksTable {
  workspace_id: string;
  visitor_id: string;
  customer_id: string;
  linked_at: number;
}

/** Where a risk decision came from (migration 0008). */
export type RiskDecisionSource = 'api' | 'chat' | 'demo';

/** One decision of the risk scorer, kept for audit and retraining (migration 0008). */
export interface RiskDecisionsTable {
  id: string;
  workspace_id: string;
  /** The scored order's or request's id (the chat's: `chat:<message id>:<action>`). */
  event_id: string;
  source: RiskDecisionSource;
  /** `order`, `change_address`, `order_cancel`, `refund_request`, `package_not_received`, `payment_change`. */
  action: string;
  /** The request's customer id (the store's for the API, the platform's for the chat). */
  customer_id: string;
  order_number: string | null;
  conversation_id: string | null;
  message_id: string | null;
  /** Calibrated probability; NULL when no model scored (rules only, or scoring failed). */
  score: number | null;
  decision: 'approve' | 'review' | 'decline';
  /** JSON list of `{code, text, weight?}`. */
  reasons: string;
  /** JSON list of the names of the rules that fired. */
  rules: string;
  model_version: string;
  /** What the chat did with it: `proceed`, `verify` (a one-time code was sent), `handoff`; NULL for the API. */
  outcome: string | null;
  /** The scored request as JSON (what retraining replays). */
  request: string;
  /** When the scored action happened (epoch ms). */
  at: number;
  created_at: number;
}

/** An outcome of an order or customer: what retraining learns from (migration 0008). */
export type RiskLabelKind = 'chargeback' | 'not_received_claim' | 'agent_fraud' | 'agent_legit';

/** One recorded outcome (migration 0008). */
export interface RiskLabelsTable {
  id: string;
  workspace_id: string;
  /** The caller's id of the outcome: a repeated call with it is stored once. */
  external_id: string | null;
  kind: RiskLabelKind;
  order_number: string | null;
  customer_id: string | null;
  note: string | null;
  /** `token:<name>`, `slack:<user>`. */
  created_by: string;
  /** When the outcome happened (epoch ms). */
  at: number;
  created_at: number;
}

/** A workspace's risk rules and thresholds (migration 0008). */
export interface RiskSettingsTable {
  workspace_id: string;
  /** JSON, see risk/platform/risk-settings.ts. */
  settings: string;
  updated_by: string;
  updated_at: number;
}

/** State of a one-time code (migration 0008). */
export type RiskVerificationStatus = 'pending' | 'passed' | 'failed' | 'superseded';

/** A one-time code sent before a sensitive chat action (migration 0008). */
export interface RiskVerificationsTable {
  id: string;
  workspace_id: string;
  conversation_id: string;
  /** The `risk_decisions` row that asked for it. */
  decision_id: string;
  action: string;
  order_number: string | null;
  /** sha256 of the exact action the code unlocks (e.g. the new address). */
  payload_hash: string;
  /** sha256 of the code with the verification id; the code itself is never stored. */
  code_hash: string;
  /** Where the code was sent. */
  email: string;
  attempts: number;
  status: RiskVerificationStatus;
  /** The shopper message that passed or failed it. */
  closed_message_id: string | null;
  expires_at: number;
  created_at: number;
  updated_at: number;
}

/** A workspace's own IP-to-country table, gzipped CSV in base64 (migration 0010). */
export interface RiskIpTablesTable {
  workspace_id: string;
  table_gz: string;
  ranges: number;
  updated_by: string;
  updated_at: number;
}

/** An e-mail the platform sends: by the SMTP relay when SMTP_URL is set, else by an operator's relay (migrations 0008, 0009). */
export interface RiskEmailOutboxTable {
  id: string;
  workspace_id: string;
  to_address: string;
  subject: string;
  body: string;
  /** `verification_code`. */
  purpose: string;
  created_at: number;
  sent_at: number | null;
  /** SMTP attempts so far (migration 0009). */
  attempts: Generated<number>;
  /** Not before this time (backoff after a temporary refusal); null: at once. */
  next_attempt_at: number | null;
  last_error: string | null;
  /** Given up (a permanent refusal, or too many attempts). */
  failed_at: number | null;
}
