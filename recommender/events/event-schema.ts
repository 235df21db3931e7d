/**
 * The wire format of `POST /api/events`, validated item by item: one bad event does not hide the others, and each
 * problem names the item's index and its field (`events[3].type: must be one of ...`).
 *
 * Accepted bodies: one event object, an array of events, or `{events: [...], key?, sentAt?}` (the storefront script's
 * envelope: `key` carries the events key where a beacon cannot send headers, `sentAt` the sender's clock when it
 * sent, so events queued on a device whose clock is off are shifted by that skew).
 */
import { z } from 'zod';
import { countrySchema, currencySchema, emailSchema } from '../../commerce';
import { EVENT_TYPES, MAX_EVENTS_PER_BATCH, type EventInput, type InteractionEventType } from './event-types';

const idPattern = /^[A-Za-z0-9_.:-]{1,64}$/;
const idText = (what: string) => z.string().regex(idPattern, `must be 1 to 64 letters, digits or "_.:-" (${what})`);

/** ISO 8601 text with a time zone, or epoch milliseconds. */
const timestamp = z.union([z.number().int().min(0), z.iso.datetime({ offset: true })], {
  error: 'must be an ISO 8601 time with a zone, such as 2025-05-01T10:00:00Z, or epoch milliseconds',
});

/** One event on the wire. */
export const eventItemSchema = z
  .object({
    eventId: idText('the sender’s event id').optional(),
    type: z.enum(EVENT_TYPES as [InteractionEventType, ...InteractionEventType[]], { error: `must be one of ${EVENT_TYPES.join(', ')}` }),
    productId: z.string().trim().min(1).max(36).optional(),
    sku: z.string().trim().min(1).max(64).optional(),
    visitorId: idText('the storefront visitor id').optional(),
    customerId: z.string().trim().min(1).max(36).optional(),
    email: emailSchema.optional(),
    sessionId: idText('the session id').optional(),
    at: timestamp.optional(),
    country: countrySchema.optional(),
    price: z.union([z.number().nonnegative(), z.string().trim().regex(/^\d+(\.\d+)?$/)], { error: 'must be an amount such as 24.90' }).optional(),
    currency: currencySchema.optional(),
    quantity: z.number().int('must be a whole number').min(1).max(100_000).optional(),
    source: z.string().regex(/^[a-z0-9][a-z0-9_.:-]{0,31}$/i, 'must be 1 to 32 letters, digits or "_.:-", such as storefront').optional(),
    query: z.string().trim().max(200).optional(),
    context: z
      .record(z.string().min(1).max(40), z.union([z.string().max(200), z.number(), z.boolean()]))
      .refine((value) => Object.keys(value).length <= 20, 'must have at most 20 keys')
      .optional(),
  })
  .strict()
  .superRefine((event, ctx) => {
    if (event.type !== 'search' && event.productId === undefined && event.sku === undefined) {
      ctx.addIssue({ code: 'custom', path: ['sku'], message: `a ${event.type} event needs productId or sku` });
    }
    if (event.visitorId === undefined && event.customerId === undefined && event.email === undefined) {
      ctx.addIssue({ code: 'custom', path: ['visitorId'], message: 'an event needs visitorId, customerId or email' });
    }
  });

/** The envelope of a batch. */
export const eventEnvelopeSchema = z
  .object({
    events: z.array(z.unknown()).min(1, 'must hold at least one event'),
    /** The events key, for senders that cannot set headers (navigator.sendBeacon). */
    key: z.string().min(1).max(200).optional(),
    /** The sender's clock when it sent the batch. */
    sentAt: timestamp.optional(),
  })
  .strict();

/** The body of `POST /api/events`, for the OpenAPI document (the route validates item by item). */
export const eventsBodySchema = z.union([eventItemSchema, z.array(eventItemSchema).max(MAX_EVENTS_PER_BATCH), eventEnvelopeSchema.extend({ events: z.array(eventItemSchema).min(1).max(MAX_EVENTS_PER_BATCH) })]);

/** A parsed body: its items, each valid or with its problem, and the envelope's fields. */
export interface ParsedEvents {
  items: Array<{ ok: true; event: EventInput } | { ok: false; field: string; message: string }>;
  key?: string;
  /** Sender clock at sending (epoch ms). */
  sentAt?: number;
}

/** A body that is not events at all (not an object or array, too many items): no item is looked at. */
export class EventBodyError extends Error {
  override readonly name = 'EventBodyError';
  constructor(
    readonly code: 'invalid_body' | 'too_many_events',
    message: string,
  ) {
    super(message);
  }
}

const toMs = (value: number | string): number => (typeof value === 'number' ? value : Date.parse(value));

/**
 * Parses a body. Items are validated one by one.
 * @throws EventBodyError for a body that holds no events or more than {@link MAX_EVENTS_PER_BATCH}.
 */
export function parseEventsBody(body: unknown): ParsedEvents {
  let raw: unknown[];
  let key: string | undefined;
  let sentAt: number | undefined;
  if (Array.isArray(body)) {
    raw = body;
  } else if (body && typeof body === 'object' && 'events' in body) {
    const envelope = eventEnvelopeSchema.safeParse(body);
    if (!envelope.success) {
      const issue = envelope.error.issues[0];
      const field = issue?.path.join('.') || (issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : 'body');
      throw new EventBodyError('invalid_body', `${field}: ${issue?.code === 'unrecognized_keys' ? 'is not a known field (events, key, sentAt)' : issue?.message}`);
    }
    raw = envelope.data.events;
    key = envelope.data.key;
    sentAt = envelope.data.sentAt === undefined ? undefined : toMs(envelope.data.sentAt);
  } else if (body && typeof body === 'object') {
    raw = [body];
  } else {
    throw new EventBodyError('invalid_body', 'The body must be an event object, an array of events or {"events": [...]}.');
  }
  if (raw.length === 0) throw new EventBodyError('invalid_body', 'The batch holds no events.');
  if (raw.length > MAX_EVENTS_PER_BATCH) {
    throw new EventBodyError('too_many_events', `A batch holds at most ${MAX_EVENTS_PER_BATCH} events; this one has ${raw.length}. Send them in several requests.`);
  }
  const items = raw.map((input, index): ParsedEvents['items'][number] => {
    const parsed = eventItemSchema.safeParse(input);
    if (parsed.success) {
      const { at, ...rest } = parsed.data;
      return { ok: true, event: { ...rest, ...(at !== undefined ? { at: toMs(at) } : {}) } as EventInput };
    }
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') || (issue?.code === 'unrecognized_keys' ? issue.keys.join(', ') : '');
    const message = issue?.code === 'unrecognized_keys' ? 'is not a known field' : (issue?.message ?? 'is invalid');
    return { ok: false, field: path, message: `events[${index}]${path ? `.${path}` : ''}: ${message}` };
  });
  return { items, ...(key !== undefined ? { key } : {}), ...(sentAt !== undefined ? { sentAt } : {}) };
}
