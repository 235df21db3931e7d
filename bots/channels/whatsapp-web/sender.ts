/**
 * Sends stored replies to a WhatsApp chat through the connected client, like a person would: each message is
 * preceded by "typing…" for a time that grows with its length (capped at 4 s), and the phone never sends more than
 * its budget per minute. Replies are rendered for WhatsApp Web's capabilities (numbered choices, products as image +
 * caption + link) and sent through the delivery log, so a retried reply skips the parts already sent.
 *
 * This is the direct adapter: it runs in the process that holds the phone. Workers elsewhere reach it through the
 * `whatsapp-web` queue (send-queue.ts), whose consumer calls {@link WhatsAppWebSender.deliver}.
 */
import type { Logger } from 'pino';
import type { Message } from 'whatsapp-web.js';
import type { ChannelAdapter, OutboundPart } from '../channel-adapter';
import type { DeliveryLog } from '../delivery-log';
import { renderReply } from '../render-reply';
import type { Conversation, ConversationStore, StoredMessage } from '../../runtime/conversation-store';
import { WHATSAPP_WEB_CAPABILITIES, WHATSAPP_WEB_CHANNEL } from './capabilities';
import { ImageUnavailableError, SendRateLimitedError, WhatsAppNotReadyError } from './errors';
import type { ImageLoader } from './image-loader';
import type { SendRateLimiter } from './send-rate';
import type { WhatsAppClient } from './whatsapp-client';

/** The longest "typing…" before one message. */
export const MAX_TYPING_MS = 4000;

/** Dependencies of {@link WhatsAppWebSender}. */
export interface WhatsAppWebSenderDeps {
  /** The client when it can send, else undefined (the connection's `readyClient`). */
  client: () => WhatsAppClient | undefined;
  /** Why there is no client, for the error (the connection's state). */
  state?: () => string;
  deliveryLog: Pick<DeliveryLog, 'sendParts'>;
  conversations: Pick<ConversationStore, 'getConversation'>;
  loadImage: ImageLoader;
  /** Typing time per character (`whatsappWeb.typingMsPerChar`); 0 sends at once (tests). */
  typingMsPerChar: number;
  /** The phone's budget of messages per minute; absent: unlimited. */
  rateLimiter?: Pick<SendRateLimiter, 'take'>;
  logger: Logger;
  /** @defaultValue setTimeout-based */
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** See the file comment. */
export class WhatsAppWebSender implements ChannelAdapter {
  readonly channel = WHATSAPP_WEB_CHANNEL;
  readonly capabilities = WHATSAPP_WEB_CAPABILITIES;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly deps: WhatsAppWebSenderDeps) {
    this.sleep = deps.sleep ?? defaultSleep;
  }

  /**
   * Sends the parts of `message` not sent before, in order, to the conversation's chat.
   * @throws WhatsAppNotReadyError while the phone is not connected, SendRateLimitedError when the budget is spent
   *   (both: try again later, nothing was lost), or the client's error when WhatsApp refused a part.
   */
  async deliver(message: StoredMessage): Promise<void> {
    const conversation = await this.deps.conversations.getConversation(message.conversation_id);
    if (!conversation) throw new Error(`Conversation ${message.conversation_id} of message ${message.id} no longer exists`);
    const chatId = conversation.conversation_key;
    const parts = renderReply(message, this.capabilities);
    await this.deps.deliveryLog.sendParts(message, parts, (part) => this.sendPart(chatId, part));
  }

  /** Shows or clears "typing…" in the conversation's chat. Best effort. */
  async typing(conversation: Conversation, isTyping: boolean): Promise<void> {
    const client = this.deps.client();
    if (!client) return;
    const chat = await client.getChatById(conversation.conversation_key);
    await (isTyping ? chat.sendStateTyping() : chat.clearState());
  }

  private async sendPart(chatId: string, part: OutboundPart): Promise<string> {
    const client = this.deps.client();
    if (!client) throw new WhatsAppNotReadyError(this.deps.state?.() ?? 'disconnected');
    const waitMs = this.deps.rateLimiter?.take() ?? 0;
    if (waitMs > 0) throw new SendRateLimitedError(waitMs);
    const sent = part.kind === 'image' ? await this.sendImage(client, chatId, part) : await this.sendText(client, chatId, textOf(part));
    return sent.id._serialized;
  }

  private async sendText(client: WhatsAppClient, chatId: string, text: string): Promise<Message> {
    await this.showTyping(client, chatId, text.length);
    return client.sendMessage(chatId, text);
  }

  private async sendImage(client: WhatsAppClient, chatId: string, part: Extract<OutboundPart, { kind: 'image' }>): Promise<Message> {
    let media;
    try {
      media = await this.deps.loadImage(part.url);
    } catch (error) {
      if (!(error instanceof ImageUnavailableError)) throw error;
      // The product still reaches the shopper: its caption (title, price, link) as text.
      this.deps.logger.warn({ err: error }, 'image not sent; sending its caption as text');
      return this.sendText(client, chatId, part.caption || part.url);
    }
    await this.showTyping(client, chatId, part.caption?.length ?? 0);
    return client.sendMessage(chatId, media, part.caption ? { caption: part.caption } : {});
  }

  /** "typing…" for a time proportional to the text, like a person writing it. */
  private async showTyping(client: WhatsAppClient, chatId: string, length: number): Promise<void> {
    const ms = Math.min(MAX_TYPING_MS, this.deps.typingMsPerChar * length);
    if (ms <= 0) return;
    try {
      const chat = await client.getChatById(chatId);
      await chat.sendStateTyping();
    } catch (error) {
      // The indicator is a courtesy; the message itself must still go.
      this.deps.logger.debug({ err: error, chatId }, 'typing indicator failed');
    }
    await this.sleep(ms);
  }
}

/**
 * The text of a part. WhatsApp Web's capabilities have no buttons, lists or cards, so renderReply only produces them
 * if those capabilities change; then they are written out rather than lost.
 */
function textOf(part: Exclude<OutboundPart, { kind: 'image' }>): string {
  if (part.kind === 'cards') {
    return part.cards.map((card) => [card.title, card.subtitle, card.price, card.url].filter(Boolean).join('\n')).join('\n\n');
  }
  const choices = part.choices ?? part.list?.choices ?? [];
  return choices.length ? `${part.text}\n\n${choices.map((choice, index) => `${index + 1}. ${choice.title}`).join('\n')}` : part.text;
}
