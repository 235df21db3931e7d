/**
 * `GET /api/channels/whatsapp-web/status`: the connection state and, while the phone is not linked, the QR code to
 * scan, for the admin app. Only admins of the phone's own workspace see it: whoever scans the QR code links their
 * phone to the store's bot.
 */
import { Router } from 'express';
import QRCode from 'qrcode';
import { z } from 'zod';
import { principalOf, requireToken, type ApiTokenStore } from '../../../platform/auth';
import { asyncHandler, HttpError } from '../../../platform/http/errors';
import type { ApiCatalogue } from '../../../platform/http/openapi';
import type { WhatsAppConnection, WhatsAppConnectionStatus } from './connection-manager';

/** Path of the status route. */
export const WHATSAPP_WEB_STATUS_PATH = '/api/channels/whatsapp-web/status';

/** The response body (also the OpenAPI schema). */
export const whatsAppWebStatusSchema = z.object({
  state: z.enum(['starting', 'qr', 'authenticated', 'ready', 'disconnected']),
  since: z.number().int().describe('Epoch ms when the state was entered.'),
  qr: z.string().optional().describe('While `state` is `qr`: the text to show as a QR code (it changes about every 20 s). Scan it in WhatsApp > Linked devices.'),
  qrImage: z.string().optional().describe('The same QR code as a PNG data URL (`data:image/png;base64,...`), ready for an `<img>`.'),
  me: z.object({ id: z.string(), name: z.string().optional() }).optional().describe('The linked phone, once ready.'),
  error: z.string().optional().describe('Why the connection is down.'),
  reconnectAt: z.number().int().optional().describe('Epoch ms of the next connection attempt.'),
  whatsAppState: z.string().optional().describe("WhatsApp's own connection state (CONNECTED, CONFLICT, UNPAIRED, ...)."),
});

/** Dependencies of {@link whatsAppWebStatusRoutes}. */
export interface StatusRouteDeps {
  tokens: ApiTokenStore;
  connection: Pick<WhatsAppConnection, 'status'>;
  /** Id of the phone's workspace; undefined until the channel has started. */
  workspaceId: () => string | undefined;
}

/** Mounts the status route. */
export function whatsAppWebStatusRoutes(deps: StatusRouteDeps): Router {
  const router = Router();
  router.get(
    WHATSAPP_WEB_STATUS_PATH,
    requireToken(deps.tokens, ['admin']),
    asyncHandler(async (_req, res) => {
      const workspaceId = deps.workspaceId();
      if (!workspaceId) throw new HttpError(503, 'starting', 'The WhatsApp Web channel is starting; try again in a few seconds.');
      if (principalOf(res).workspaceId !== workspaceId) {
        throw new HttpError(404, 'not_found', "WhatsApp Web is not connected to this token's workspace (see WHATSAPP_WEB_WORKSPACE).");
      }
      // The QR code links a phone to the bot: never cached anywhere.
      res.set('cache-control', 'no-store');
      const body = statusBody(deps.connection.status());
      res.json(body.qr ? { ...body, qrImage: await QRCode.toDataURL(body.qr, { errorCorrectionLevel: 'M', margin: 2, width: 264 }) } : body);
    }),
  );
  return router;
}

/** The response for a status (the QR code only while it is the thing to do). */
export function statusBody(status: WhatsAppConnectionStatus): z.infer<typeof whatsAppWebStatusSchema> {
  return {
    state: status.state,
    since: status.since,
    ...(status.state === 'qr' && status.qr ? { qr: status.qr } : {}),
    ...(status.me ? { me: status.me } : {}),
    ...(status.state === 'disconnected' && status.error ? { error: status.error } : {}),
    ...(status.state === 'disconnected' && status.reconnectAt ? { reconnectAt: status.reconnectAt } : {}),
    ...(status.whatsAppState ? { whatsAppState: status.whatsAppState } : {}),
  };
}

/** Documents the route in the OpenAPI document. */
export function describeWhatsAppWebRoutes(api: ApiCatalogue): void {
  api.describe({
    method: 'get',
    path: WHATSAPP_WEB_STATUS_PATH,
    tag: 'channels',
    roles: ['admin'],
    summary: "State of the WhatsApp Web connection of the token's workspace, with the QR code to link the phone.",
    responses: {
      200: { description: 'The connection state.', schema: whatsAppWebStatusSchema },
      404: { description: "WhatsApp Web belongs to another workspace than the token's." },
      503: { description: 'The channel is still starting.' },
    },
  });
}
