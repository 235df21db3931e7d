/**
 * WhatsApp through Meta's Cloud API: the signed webhook (server side), the delivery adapter with its 24-hour window
 * and template fallback (worker side), and the Graph API client they share.
 */
export {
  createWhatsAppCloudRoutes,
  createWhatsAppCloudAdapter,
  WhatsAppWorkspaceError,
  type WhatsAppCloudConfig,
  type WhatsAppCloudRoutes,
  type WhatsAppCloudRoutesDeps,
  type WhatsAppCloudAdapterFactoryDeps,
} from './whatsapp-cloud-channel';
export { describeWhatsAppCloudRoutes, WHATSAPP_WEBHOOK_PATH, WhatsAppMountOrderError } from './webhook-routes';
export { WhatsAppCloudAdapter, TEMPLATE_PART, type WhatsAppCloudAdapterDeps } from './whatsapp-cloud-adapter';
export { WhatsAppWebhookHandler, type InboundSink, type WebhookOutcome } from './webhook-handler';
export { GraphApiClient, type GraphClientSettings, type GraphMessage, type GraphMediaInfo, type MediaDownload } from './graph-client';
export { WhatsAppRetryableError, WhatsAppPermanentError, WhatsAppWindowClosedError, classifyGraphError, WINDOW_CLOSED_CODE } from './graph-errors';
export {
  WHATSAPP_CHANNEL,
  mapWebhook,
  attachmentText,
  WebhookPayloadError,
  type WhatsAppAttachment,
  type WhatsAppInboundMessage,
  type AttachmentKind,
} from './inbound-mapper';
export { whatsappCloudCapabilities, renderForWhatsApp, toGraphMessage, WHATSAPP_LIMITS } from './outbound-payloads';
export { isServiceWindowOpen, templateMessage, SERVICE_WINDOW_MS } from './service-window';
export { isValidWebhookSignature, signWebhookBody, SIGNATURE_HEADER } from './webhook-signature';
export { MediaStore } from './media-store';
