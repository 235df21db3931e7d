/** Errors of the WhatsApp Web channel; each message says what to do about it. */

/** Sending was asked while the phone is not connected; the send job waits and tries again. */
export class WhatsAppNotReadyError extends Error {
  override readonly name = 'WhatsAppNotReadyError';
  constructor(state: string) {
    super(`WhatsApp Web is not connected (state: ${state}); the message waits until the phone is linked and online. Check GET /api/channels/whatsapp-web/status.`);
  }
}

/** The phone already sent `maxPerMinute` messages in the last minute; the send job waits `retryInMs`. */
export class SendRateLimitedError extends Error {
  override readonly name = 'SendRateLimitedError';
  constructor(readonly retryInMs: number) {
    super(`WhatsApp Web sends at most WHATSAPP_WEB_MAX_PER_MINUTE messages a minute; next send in ${retryInMs} ms.`);
  }
}

/** An image of a reply cannot be loaded for good (not found, not an image, too large): its caption goes as text. */
export class ImageUnavailableError extends Error {
  override readonly name = 'ImageUnavailableError';
  constructor(url: string, reason: string) {
    super(`The image ${url} cannot be sent (${reason}); check the product's image URL. Its caption is sent as text instead.`);
  }
}

/** The configured workspace does not exist. */
export class UnknownWorkspaceError extends Error {
  override readonly name = 'UnknownWorkspaceError';
  constructor(slug: string) {
    super(`WHATSAPP_WEB_WORKSPACE names the workspace "${slug}", which does not exist; create it or fix the slug.`);
  }
}
