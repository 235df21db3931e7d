/**
 * The WhatsApp Cloud API webhook at `/webhooks/whatsapp`:
 * - `GET`: Meta's verification handshake (`hub.mode=subscribe`, `hub.verify_token`, `hub.challenge`): the
 *   challenge is echoed as text when the token is the configured one, else 403.
 * - `POST`: notifications. The `X-Hub-Signature-256` is checked over the raw bytes on every request (401 and nothing
 *   stored when missing or forged), so the router is mounted before the JSON parser. The answer is 200 only once
 *   every message is persisted; anything else (500, 503) makes Meta deliver the webhook again later.
 */
import { timingSafeEqual } from 'node:crypto';
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { z } from 'zod';
import { asyncHandler, HttpError } from '../../../platform/http/errors';
import type { ApiCatalogue } from '../../../platform/http/openapi';
import { WhatsAppRetryableError } from './graph-errors';
import { WebhookPayloadError } from './inbound-mapper';
import { webhookEnvelopeSchema } from './webhook-schemas';
import { isValidWebhookSignature, SIGNATURE_HEADER } from './webhook-signature';
import type { WhatsAppWebhookHandler } from './webhook-handler';

/** The webhook's path (the "Callback URL" in the Meta app's WhatsApp configuration is `<PUBLIC_URL>` + this). */
export const WHATSAPP_WEBHOOK_PATH = '/webhooks/whatsapp';

/** Meta sends webhook bodies of up to 3 MB. */
const MAX_BODY = '3mb';

/** The webhook route was mounted after a body parser, so the raw bytes the signature covers are gone. */
export class WhatsAppMountOrderError extends Error {
  override readonly name = 'WhatsAppMountOrderError';
  constructor() {
    super(`The WhatsApp webhook (${WHATSAPP_WEBHOOK_PATH}) must be mounted before express.json(): Meta signs the raw request body.`);
  }
}

const verificationQuery = z.object({
  'hub.mode': z.string().describe('Always `subscribe`.'),
  'hub.verify_token': z.string().describe('The verify token typed into the webhook settings (WHATSAPP_CLOUD_VERIFY_TOKEN).'),
  'hub.challenge': z.string().min(1).max(256).describe('A value to echo back.'),
});

/** What the routes need. */
export interface WebhookRouteDeps {
  /** `whatsappCloud.verifyToken`. */
  verifyToken: string;
  /** `whatsappCloud.appSecret`. */
  appSecret: string;
  handler: Pick<WhatsAppWebhookHandler, 'handle'>;
  logger: Logger;
}

/** The webhook router; mount it before `express.json()`. */
export function whatsAppWebhookRouter(deps: WebhookRouteDeps): Router {
  const router = Router();
  router.get(WHATSAPP_WEBHOOK_PATH, (req, res, next) => {
    const query = verificationQuery.safeParse(req.query);
    if (!query.success) {
      const issue = query.error.issues[0];
      return next(new HttpError(400, 'invalid_request', `query ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`));
    }
    if (query.data['hub.mode'] !== 'subscribe' || !sameSecret(query.data['hub.verify_token'], deps.verifyToken)) {
      deps.logger.warn('whatsapp webhook verification refused: wrong hub.mode or hub.verify_token');
      return next(new HttpError(403, 'verification_failed', 'hub.verify_token does not match WHATSAPP_CLOUD_VERIFY_TOKEN (or hub.mode is not subscribe).'));
    }
    res.set('X-Content-Type-Options', 'nosniff');
    res.type('text/plain').send(query.data['hub.challenge']);
  });
  router.post(
    WHATSAPP_WEBHOOK_PATH,
    refuseParsedBodies,
    express.raw({ type: () => true, limit: MAX_BODY }),
    asyncHandler(async (req, res) => {
      const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      if (!isValidWebhookSignature(deps.appSecret, raw, req.headers[SIGNATURE_HEADER])) {
        deps.logger.warn({ hasSignature: Boolean(req.headers[SIGNATURE_HEADER]) }, 'whatsapp webhook refused: bad signature');
        throw new HttpError(401, 'invalid_signature', 'X-Hub-Signature-256 is missing or does not match the body; WHATSAPP_CLOUD_APP_SECRET must be the app secret of the Meta app.');
      }
      let body: unknown;
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch (error) {
        throw new HttpError(400, 'malformed_json', `The request body is not valid JSON: ${(error as Error).message}`);
      }
      try {
        const outcome = await deps.handler.handle(body);
        deps.logger.debug({ ...outcome }, 'whatsapp webhook handled');
        res.json({ received: true, ...outcome });
      } catch (error) {
        if (error instanceof WebhookPayloadError) throw new HttpError(400, 'invalid_payload', error.message);
        if (error instanceof WhatsAppRetryableError) {
          deps.logger.warn({ err: error }, 'whatsapp webhook not accepted yet; Meta will deliver it again');
          throw new HttpError(503, 'try_again', `${error.message}; the webhook will be accepted when Meta delivers it again.`);
        }
        throw error;
      }
    }),
  );
  return router;
}

/** Documents the webhook in the OpenAPI document. */
export function describeWhatsAppCloudRoutes(api: ApiCatalogue): void {
  api.describe({
    method: 'get',
    path: WHATSAPP_WEBHOOK_PATH,
    tag: 'whatsapp',
    query: verificationQuery,
    summary: "Meta's webhook verification: echoes hub.challenge when hub.verify_token is WHATSAPP_CLOUD_VERIFY_TOKEN.",
    responses: { 200: { description: 'The challenge, as text.', contentType: 'text/plain', schema: z.string() }, 403: { description: 'Wrong verify token or mode.' } },
  });
  api.describe({
    method: 'post',
    path: WHATSAPP_WEBHOOK_PATH,
    tag: 'whatsapp',
    body: webhookEnvelopeSchema,
    summary: 'WhatsApp Cloud API notifications (messages, receipts), signed with X-Hub-Signature-256.',
    responses: {
      200: { description: 'Every message is persisted.', schema: z.object({ received: z.literal(true), accepted: z.number(), duplicates: z.number(), receipts: z.number(), ignored: z.number() }) },
      401: { description: 'X-Hub-Signature-256 missing or wrong; nothing was stored.' },
      503: { description: "A media file could not be fetched from the Graph API now; Meta delivers the webhook again later." },
    },
  });
}

function refuseParsedBodies(req: Request, _res: Response, next: NextFunction): void {
  // Express 5 leaves req.body undefined until a parser runs; a parsed body means the raw bytes are gone.
  next(req.body === undefined ? undefined : new WhatsAppMountOrderError());
}

/** Constant-time comparison of a presented secret with the configured one; an empty configured secret never matches. */
function sameSecret(given: string, expected: string): boolean {
  if (!expected) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
