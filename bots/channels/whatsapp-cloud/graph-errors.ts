/**
 * Typed errors for calls to the Graph API (WhatsApp Cloud API), split the way the outbound queue needs them:
 * retry later (rate limits, outages, network), or stop (a mistake retrying cannot fix).
 * {@link WhatsAppPermanentError} is a BullMQ `UnrecoverableError`, so a delivery job that throws it fails at once
 * instead of spending its attempts, and the message is marked failed for agents to see.
 */
import { UnrecoverableError } from 'bullmq';

/** The Graph API could not take the call now; try again, after {@link retryAfterMs} when it said how long. */
export class WhatsAppRetryableError extends Error {
  override readonly name = 'WhatsAppRetryableError';
  constructor(
    message: string,
    /** The `Retry-After` the Graph API answered with, in milliseconds; undefined means "use your own backoff". */
    readonly retryAfterMs?: number,
    /** Meta's error code (`130429`), when the API gave one. */
    readonly metaCode?: number,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The Graph API refused the call for a reason retrying cannot fix; the message says what to change. */
export class WhatsAppPermanentError extends UnrecoverableError {
  override readonly name: string = 'WhatsAppPermanentError';
  constructor(
    message: string,
    /** Meta's error code (`131026`), or undefined when the refusal did not carry one. */
    readonly metaCode?: number,
  ) {
    super(message);
  }
}

/**
 * WhatsApp's 24-hour customer-service window is closed (the shopper last wrote more than 24 hours ago) and no
 * message template is configured to reach them: a free-form message cannot be delivered until they write again.
 */
export class WhatsAppWindowClosedError extends WhatsAppPermanentError {
  override readonly name = 'WhatsAppWindowClosedError';
}

/** An error object as the Graph API returns it: `{ error: { message, type, code, error_subcode, error_data } }`. */
export interface GraphErrorBody {
  message?: string;
  type?: string;
  code?: number;
  error_subcode?: number;
  error_data?: { details?: string };
  fbtrace_id?: string;
}

/**
 * Meta error codes that mean "not now": throughput and pair rate limits (130429, 131056), application and business
 * rate limits (4, 80007, 613), and temporary outages (1, 2, 131000, 131016).
 */
const RETRYABLE_CODES = new Set([1, 2, 4, 613, 80007, 130429, 131000, 131016, 131056]);

/** The re-engagement error: the 24-hour window is closed, only templates may be sent. */
export const WINDOW_CLOSED_CODE = 131047;

// What the admin should do about the common permanent errors.
const FIXES: Record<number, string> = {
  10: 'the access token lacks the whatsapp_business_messaging permission; give the system user that permission',
  100: 'a request parameter is invalid (check WHATSAPP_CLOUD_PHONE_NUMBER_ID and the template settings)',
  190: 'WHATSAPP_CLOUD_ACCESS_TOKEN expired or was revoked; create a new system-user token',
  200: 'the access token lacks a permission the call needs; give the system user whatsapp_business_messaging',
  131005: 'the access token cannot use this phone number; check the system user has the WhatsApp account assigned',
  131008: 'a required parameter is missing (a bug in the message builder)',
  131009: 'a parameter value is invalid (a bug in the message builder, or an unreachable image URL)',
  131026: 'the recipient cannot receive this message (no WhatsApp account, old app version, or not accepted the terms)',
  131030: 'the recipient is not on the allowed list of the test number; add them in WhatsApp Manager',
  [WINDOW_CLOSED_CODE]: 'the shopper last wrote more than 24 hours ago; set WHATSAPP_CLOUD_TEMPLATE to an approved template',
  131051: 'this message type is not supported',
  132000: 'the number of template parameters does not match the template; check WHATSAPP_CLOUD_TEMPLATE_PARAMS',
  132001: 'the template does not exist in this language; check WHATSAPP_CLOUD_TEMPLATE and WHATSAPP_CLOUD_TEMPLATE_LANGUAGE',
  132005: 'the filled-in template text is too long; shorten WHATSAPP_CLOUD_TEMPLATE_PARAMS',
  132012: 'a template parameter has the wrong format; check WHATSAPP_CLOUD_TEMPLATE_PARAMS',
  132015: 'the template is paused for low quality; edit it in WhatsApp Manager',
  132016: 'the template is disabled; approve another one and set WHATSAPP_CLOUD_TEMPLATE',
};

/** Parses a `Retry-After` header (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * Turns a Graph API answer that was not a success into a {@link WhatsAppRetryableError} or a
 * {@link WhatsAppPermanentError} (a {@link WhatsAppWindowClosedError} for code 131047).
 * @param call what was called, for the message, e.g. `send message`.
 * @param status the HTTP status.
 * @param body the parsed `error` object, when the answer had one.
 * @param retryAfterMs the parsed `Retry-After` header.
 */
export function classifyGraphError(call: string, status: number, body: GraphErrorBody | undefined, retryAfterMs?: number): WhatsAppRetryableError | WhatsAppPermanentError {
  const code = body?.code;
  const details = [body?.message, body?.error_data?.details].filter((part): part is string => Boolean(part)).join(': ');
  const described = `${call}: Graph API answered HTTP ${status}${code !== undefined ? ` with error ${code}` : ''}${details ? ` (${details})` : ''}`;
  if (code !== undefined && RETRYABLE_CODES.has(code)) return new WhatsAppRetryableError(described, retryAfterMs, code);
  if (code === WINDOW_CLOSED_CODE) return new WhatsAppWindowClosedError(`${described}; ${FIXES[code]}`, code);
  if (status === 429 || status >= 500 || status === 408) return new WhatsAppRetryableError(described, retryAfterMs, code);
  const fix = code !== undefined ? FIXES[code] : undefined;
  return new WhatsAppPermanentError(`${described}${fix ? `; ${fix}` : ''}`, code);
}

/** A network failure or timeout on the way to the Graph API: always worth a retry. */
export function networkError(call: string, error: unknown): WhatsAppRetryableError {
  const reason = error instanceof Error ? (error.name === 'TimeoutError' ? 'timed out' : error.message) : String(error);
  return new WhatsAppRetryableError(`${call}: Graph API unreachable (${reason})`, undefined, undefined, { cause: error });
}
