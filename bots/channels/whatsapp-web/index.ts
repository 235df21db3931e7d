/**
 * WhatsApp through whatsapp-web.js (a phone linked to WhatsApp Web in headless Chromium).
 *
 * - Server (the one process that holds the phone): {@link createWhatsAppWebRoutes} and {@link describeWhatsAppWebRoutes}.
 * - Workers: {@link WhatsAppWebQueueAdapter} on the queue from {@link openWhatsAppWebQueue}, registered in the
 *   ChannelDeliveryRegistry; replies reach the phone through the `whatsapp-web` queue.
 */
export { WHATSAPP_WEB_CAPABILITIES, WHATSAPP_WEB_CHANNEL } from './capabilities';
export { WhatsAppConnection, type WhatsAppConnectionState, type WhatsAppConnectionStatus, type ReconnectBackoff } from './connection-manager';
export { registerConnectionMetric } from './connection-metric';
export { ImageUnavailableError, SendRateLimitedError, UnknownWorkspaceError, WhatsAppNotReadyError } from './errors';
export { createImageLoader, type ImageLoader } from './image-loader';
export { WhatsAppWebInbound, type InboundIngest, type InboundOutcome, type PhoneWorkspace } from './inbound-handler';
export { describeAttachment, mapInbound, type InboundMapping, type MediaKind } from './inbound-mapper';
export { MediaStore, type StoredMedia } from './media-store';
export { receiptStatus } from './receipts';
export { SendRateLimiter } from './send-rate';
export {
  openWhatsAppWebQueue,
  startWhatsAppWebSendWorker,
  whatsAppWebJobId,
  WhatsAppWebQueueAdapter,
  WHATSAPP_WEB_JOB_OPTIONS,
  WHATSAPP_WEB_QUEUE,
  type WhatsAppWebSendJobData,
} from './send-queue';
export { WhatsAppWebSender, MAX_TYPING_MS, type WhatsAppWebSenderDeps } from './sender';
export { describeWhatsAppWebRoutes, whatsAppWebStatusRoutes, WHATSAPP_WEB_STATUS_PATH } from './status-routes';
export { CHROMIUM_ARGS, createWhatsAppClientFactory, whatsAppClientOptions, type WhatsAppChat, type WhatsAppClient, type WhatsAppClientEvents, type WhatsAppClientFactory } from './whatsapp-client';
export { createWhatsAppWebRoutes, type WhatsAppWebChannel, type WhatsAppWebChannelDeps } from './whatsapp-web-channel';
