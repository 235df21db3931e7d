/** Converts stored messages to the widget's wire format. */
import { messagePayload, type StoredMessage } from '../../runtime/conversation-store';
import type { WireMessage } from './protocol-types';

/** Room of a conversation's sockets (all tabs of one shopper, on any server). */
export function conversationRoom(conversationId: string): string {
  return `conversation:${conversationId}`;
}

/** The Socket.IO namespace of the web chat. */
export const WEBCHAT_NAMESPACE = '/webchat';

/** The channel name stored on web chat conversations and messages. */
export const WEBCHAT_CHANNEL = 'webchat';

/** A stored message as the widget shows it. Internal fields (status, channel ids) stay on the server. */
export function toWireMessage(message: StoredMessage): WireMessage {
  const payload = messagePayload(message);
  const wire: WireMessage = {
    id: message.id,
    seq: message.seq,
    direction: message.direction,
    author: message.author,
    text: message.text,
    at: new Date(message.created_at).toISOString(),
  };
  if (message.author_name && message.author === 'agent') wire.authorName = message.author_name;
  if (message.language) wire.language = message.language;
  if (payload.quickReplies) wire.quickReplies = payload.quickReplies;
  if (payload.cards) wire.cards = payload.cards;
  if (payload.notice) wire.notice = payload.notice;
  if (message.direction === 'in' && message.channel_message_id) {
    // Stored as "<conversation>:<client id>" so ids from different shoppers never collide.
    wire.clientMessageId = message.channel_message_id.slice(message.channel_message_id.indexOf(':') + 1);
  }
  return wire;
}
