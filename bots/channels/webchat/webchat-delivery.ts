/**
 * The web widget's adapter. The widget is the platform's own client: it shows the channel-agnostic reply natively
 * (quick replies, product cards, Markdown, notices), so delivery sends the stored message as it is instead of
 * rendered parts. Delivery to the web widget: publishes to the conversation's room through Redis (Socket.IO's emitter), so the
 * message reaches the shopper's socket on whichever server it is connected to. A shopper who is offline sees the
 * message in the history when the widget reconnects.
 */
import type { Emitter } from '@socket.io/redis-emitter';
import type { ChannelAdapter, ChannelCapabilities } from '../channel-adapter';
import type { Conversation, StoredMessage } from '../../runtime/conversation-store';
import type { TypingEvent } from './protocol-types';
import { WEBCHAT_CHANNEL, WEBCHAT_NAMESPACE, conversationRoom, toWireMessage } from './wire';

/** What the widget shows (web/widget): everything the reply model has, without limits on text length. */
export const WEBCHAT_CAPABILITIES: ChannelCapabilities = {
  quickReplies: { max: Number.POSITIVE_INFINITY, maxTitleLength: Number.POSITIVE_INFINITY },
  choiceList: null,
  cards: 'carousel',
  images: true,
  maxTextLength: Number.POSITIVE_INFINITY,
  markdown: 'markdown',
  typingIndicator: true,
  readReceipts: false,
};

/**
 * {@link ChannelAdapter} for the web widget. A redelivery emits the message again; the widget keeps one copy per
 * message id (web/widget/message-store.ts), so the shopper never sees it twice.
 */
export class WebchatDelivery implements ChannelAdapter {
  readonly channel = WEBCHAT_CHANNEL;
  readonly capabilities = WEBCHAT_CAPABILITIES;

  constructor(private readonly emitter: Emitter) {}

  async deliver(message: StoredMessage): Promise<void> {
    this.emitter.of(WEBCHAT_NAMESPACE).to(conversationRoom(message.conversation_id)).emit('message', toWireMessage(message));
  }

  async typing(conversation: Conversation, isTyping: boolean): Promise<void> {
    const event: TypingEvent = { isTyping, author: 'bot' };
    this.emitter.of(WEBCHAT_NAMESPACE).to(conversationRoom(conversation.id)).emit('typing', event);
  }
}
