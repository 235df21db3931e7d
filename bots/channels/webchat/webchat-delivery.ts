/**
 * Delivery to the web widget: publishes to the conversation's room through Redis (Socket.IO's emitter), so the
 * message reaches the shopper's socket on whichever server it is connected to. A shopper who is offline sees the
 * message in the history when the widget reconnects.
 */
import type { Emitter } from '@socket.io/redis-emitter';
import type { ChannelDelivery } from '../../runtime/channel-delivery';
import type { Conversation, StoredMessage } from '../../runtime/conversation-store';
import type { TypingEvent } from './protocol-types';
import { WEBCHAT_CHANNEL, WEBCHAT_NAMESPACE, conversationRoom, toWireMessage } from './wire';

/** {@link ChannelDelivery} for the web widget. */
export class WebchatDelivery implements ChannelDelivery {
  readonly channel = WEBCHAT_CHANNEL;

  constructor(private readonly emitter: Emitter) {}

  async deliver(message: StoredMessage): Promise<void> {
    this.emitter.of(WEBCHAT_NAMESPACE).to(conversationRoom(message.conversation_id)).emit('message', toWireMessage(message));
  }

  async typing(conversation: Conversation, isTyping: boolean): Promise<void> {
    const event: TypingEvent = { isTyping, author: 'bot' };
    this.emitter.of(WEBCHAT_NAMESPACE).to(conversationRoom(conversation.id)).emit('typing', event);
  }
}
