/**
 * Interaction events as the recommender receives them: what a shopper did (view, add to cart, purchase, click on a
 * recommendation, search), with which product, who (a storefront visitor and/or a known customer), when and where.
 */
import type { InteractionEventType } from '../../platform/database';

export type { InteractionEventType } from '../../platform/database';

/** Every event type, in funnel order. */
export const EVENT_TYPES: readonly InteractionEventType[] = ['view', 'add_to_cart', 'purchase', 'recommendation_click', 'search'];

/** Most events in one request or one {@link EventRecorder.record} call. */
export const MAX_EVENTS_PER_BATCH = 500;

/** A small extra value of an event's context (recommendation list id, position in it, ...). */
export type EventContextValue = string | number | boolean;

/** One event as a sender gives it (validated for shape, not yet against the catalogue or the clock). */
export interface EventInput {
  /** The sender's id of the event (1-64 of `A-Za-z0-9_.:-`): a retried event with the same id is stored once. */
  eventId?: string;
  type: InteractionEventType;
  /** The product, by its id... */
  productId?: string;
  /** ...or by its sku. Required (one of the two) for every type but `search`. */
  sku?: string;
  /** The storefront's first-party visitor id. */
  visitorId?: string;
  /** The platform's customer id, when the sender knows the shopper. */
  customerId?: string;
  /** The shopper's e-mail, when the store knows it: found or created as a customer. */
  email?: string;
  sessionId?: string;
  /** When it happened (epoch ms). @defaultValue the time it is received */
  at?: number;
  /** ISO 3166-1 alpha-2 country of the shopper. */
  country?: string;
  /** Unit price in major units (`"24.90"`), in `currency` (default: the product's own). */
  price?: string | number;
  currency?: string;
  quantity?: number;
  /** Where it came from (`storefront`, `chat:webchat`, `import`); the caller's default otherwise. */
  source?: string;
  /** What the shopper searched for (`search` events). */
  query?: string;
  context?: Record<string, EventContextValue>;
}

/** Why an event was not stored. */
export type EventRejectCode =
  | 'invalid'
  | 'unknown_product'
  | 'product_mismatch'
  | 'unknown_customer'
  | 'too_old'
  | 'in_future';

/** What became of one event. */
export type EventOutcome =
  | { status: 'accepted'; id: string }
  /** Its `eventId` was stored before: nothing new was written. */
  | { status: 'duplicate' }
  | { status: 'rejected'; code: EventRejectCode; message: string; field?: string };
