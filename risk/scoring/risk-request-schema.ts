/**
 * The body of `POST /api/risk/score` (the workspace comes from the caller's token, not the body): validated with
 * zod, times as ISO 8601 strings or epoch milliseconds, unknown keys refused so a misspelt field is not silently
 * dropped. {@link parseRiskRequest} turns a body into a {@link RiskRequest} or throws an error naming the field.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { RISK_ACTIONS, type RiskRequest } from '../features/risk-request';

/** Raised for a malformed body; `field` is the dotted path of the first bad field (for a 400). */
export class RiskRequestError extends Error {
  override name = 'RiskRequestError';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}

const timeSchema = z.union([
  z.number().int('must be whole milliseconds').nonnegative('must not be negative'),
  z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 time such as 2025-01-31T12:00:00Z'),
]);

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

/** The request body. */
export const riskRequestBodySchema = z
  .object({
    action: z.enum(RISK_ACTIONS, { error: `must be one of ${RISK_ACTIONS.join(', ')}` }),
    /** Order or request id; generated when absent (then repeated calls count as separate events). */
    eventId: text(200).optional(),
    /** When the action happens; now when absent. */
    at: timeSchema.optional(),
    customer: z
      .object({
        id: text(200),
        createdAt: timeSchema,
        email: z.string().trim().max(320).optional(),
        sex: z.string().trim().max(20).optional(),
        age: z.number().min(0).max(130).optional(),
      })
      .strict(),
    order: z
      .object({
        /** The store's order number: decisions are logged under it, and chat requests about the order find it. */
        number: z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters').regex(/^#?[A-Za-z0-9][A-Za-z0-9_-]*$/, 'must be letters, digits, - and _').transform((n) => n.replace(/^#/, '').toUpperCase()).optional(),
        value: z.number({ error: 'is required (a number)' }).nonnegative('must not be negative').finite(),
        currency: z.string().trim().max(3).optional(),
        paymentFingerprint: text(200).optional(),
        billingCountry: text(100).optional(),
        shippingCountry: text(100).optional(),
        shippingAddress: text(1000).optional(),
      })
      .strict()
      .optional(),
    device: z
      .object({
        id: text(200).optional(),
        ip: text(64).optional(),
        browser: text(100).optional(),
      })
      .strict()
      .optional(),
    channel: text(50).optional(),
    source: text(50).optional(),
  })
  .strict()
  .refine((body) => body.action !== 'order' || body.order !== undefined, { message: 'is required for an order', path: ['order'] });

/** The body's type. */
export type RiskRequestBody = z.infer<typeof riskRequestBodySchema>;

function toMs(value: number | string): number {
  return typeof value === 'number' ? value : Date.parse(value);
}

/**
 * Validates `body` and builds the request of `workspaceId`.
 * @throws RiskRequestError naming the first bad field.
 */
export function parseRiskRequest(body: unknown, workspaceId: string, now = Date.now()): RiskRequest {
  const result = riskRequestBodySchema.safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new RiskRequestError(issue.path.length ? issue.path.join('.') : 'body', issue.message);
  }
  const b = result.data;
  const { createdAt, ...customer } = b.customer;
  return {
    workspaceId,
    action: b.action,
    eventId: b.eventId ?? randomUUID(),
    at: b.at === undefined ? now : toMs(b.at),
    customer: { ...stripUndefined(customer), createdAt: toMs(createdAt) },
    ...(b.order ? { order: stripUndefined(b.order) } : {}),
    ...(b.device ? { device: stripUndefined(b.device) } : {}),
    ...(b.channel ? { channel: b.channel } : {}),
    ...(b.source ? { source: b.source } : {}),
  };
}

function stripUndefined<T extends object>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
