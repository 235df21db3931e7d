/** What a WhatsApp chat driven through WhatsApp Web can show. */
import type { ChannelCapabilities } from '../channel-adapter';

/** The channel's name on conversations, messages and deliveries. */
export const WHATSAPP_WEB_CHANNEL = 'whatsapp-web';

/**
 * WhatsApp Web's capabilities for the bot:
 * - no buttons, lists or cards: WhatsApp removed interactive buttons from linked-device (non-API) accounts, and
 *   whatsapp-web.js marks `Buttons`/`List` deprecated (they arrive as nothing or as an error on current phones), so
 *   choices become a numbered list the shopper answers with "2", and products image + caption + link;
 * - 4096 characters per message: WhatsApp accepts about 65,000, but a phone screen shows a long message as a wall
 *   with "Read more"; 4096 (the Cloud API's own text limit) keeps each part readable and the two WhatsApp channels
 *   alike;
 * - WhatsApp's own `*bold*`/`_italic_` Markdown, typing indicator and delivery/read receipts.
 */
export const WHATSAPP_WEB_CAPABILITIES: ChannelCapabilities = Object.freeze({
  quickReplies: null,
  choiceList: null,
  cards: null,
  images: true,
  maxTextLength: 4096,
  markdown: 'whatsapp',
  typingIndicator: true,
  readReceipts: true,
});
