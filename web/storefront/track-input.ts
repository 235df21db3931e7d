/**
 * Turns a page's `track(type, props)` call into the event the API takes, or says what is wrong with it. The page
 * decides what to send: nothing about the visitor is added beyond the first-party visitor and session ids (no page
 * address, no referrer, no user agent).
 */

/** The event types the API takes. */
export const EVENT_TYPES = ['view', 'add_to_cart', 'purchase', 'recommendation_click', 'search'] as const;
/** An event type. */
export type EventType = (typeof EVENT_TYPES)[number];

/** What a page may pass with an event. */
export interface TrackProps {
  sku?: string;
  productId?: string;
  price?: number | string;
  currency?: string;
  quantity?: number;
  country?: string;
  query?: string;
  source?: string;
  /** Small extras (recommendation list, position): strings, numbers, booleans. */
  context?: Record<string, string | number | boolean>;
}

/** Who the shopper is, when the store knows (set with `identify`). */
export interface Identity {
  customerId?: string;
  email?: string;
}

/** An event as queued and sent. */
export interface OutgoingEvent extends TrackProps, Identity {
  eventId: string;
  type: EventType;
  visitorId: string;
  sessionId: string;
  /** ISO 8601, the device's clock (the server corrects it by the batch's `sentAt`). */
  at: string;
}

const PROP_KEYS: ReadonlyArray<keyof TrackProps> = ['sku', 'productId', 'price', 'currency', 'quantity', 'country', 'query', 'source', 'context'];

/** The event for a `track` call, or the reason it cannot be sent. */
export function buildEvent(
  type: unknown,
  props: unknown,
  ids: { eventId: string; visitorId: string; sessionId: string; now: number },
  identity: Identity,
): { ok: true; event: OutgoingEvent } | { ok: false; error: string } {
  if (typeof type !== 'string' || !(EVENT_TYPES as readonly string[]).includes(type)) {
    return { ok: false, error: `unknown event type "${String(type)}"; use one of ${EVENT_TYPES.join(', ')}` };
  }
  const given = (props && typeof props === 'object' ? props : {}) as Record<string, unknown>;
  if (type !== 'search' && given.sku === undefined && given.productId === undefined) return { ok: false, error: `a ${type} event needs a sku or productId` };
  const event: OutgoingEvent = {
    eventId: ids.eventId,
    type: type as EventType,
    visitorId: ids.visitorId,
    sessionId: ids.sessionId,
    at: new Date(ids.now).toISOString(),
    ...identity,
  };
  for (const key of PROP_KEYS) {
    const value = given[key];
    if (value !== undefined && value !== null && value !== '') (event as unknown as Record<string, unknown>)[key] = typeof value === 'string' ? value.trim() : value;
  }
  return { ok: true, event };
}
