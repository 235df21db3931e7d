import type { StoredMessage } from '../../../../bots/runtime/conversation-store';
import { conversationRoom, toWireMessage, WEBCHAT_CHANNEL, WEBCHAT_NAMESPACE } from '../../../../bots/channels/webchat/wire';

function stored(overrides: Partial<StoredMessage>): StoredMessage {
  return {
    id: 'm-1',
    workspace_id: 'w-1',
    conversation_id: 'c-1',
    seq: 3,
    direction: 'out',
    author: 'bot',
    author_name: null,
    channel: 'webchat',
    channel_message_id: null,
    language: 'en',
    language_confidence: null,
    text: 'Hello!',
    payload: null,
    status: 'pending',
    reply_to: 'm-0',
    created_at: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
    processed_at: null,
    delivered_at: null,
    ...overrides,
  };
}

describe('toWireMessage', () => {
  describe('when the message is a bot reply with quick replies, cards and a notice', () => {
    it('copies them from the payload and leaves internal fields out', () => {
      const payload = {
        quickReplies: [{ title: 'Talk to a person', payload: 'human_agent' }],
        cards: [{ productId: 'p1', title: 'Shoe', price: { amount: 19.9, currency: 'EUR' } }],
        notice: { kind: 'handoff', text: 'Someone will reply' },
      };
      const wire = toWireMessage(stored({ payload: JSON.stringify(payload) }));
      expect(wire).toEqual({
        id: 'm-1',
        seq: 3,
        direction: 'out',
        author: 'bot',
        text: 'Hello!',
        language: 'en',
        at: '2026-01-02T03:04:05.006Z',
        ...payload,
      });
      expect(wire).not.toHaveProperty('status');
      expect(wire).not.toHaveProperty('reply_to');
    });
  });

  describe('when the message has no payload and no language', () => {
    it('has no optional fields', () => {
      const wire = toWireMessage(stored({ language: null }));
      expect(Object.keys(wire).sort()).toEqual(['at', 'author', 'direction', 'id', 'seq', 'text']);
    });
  });

  describe('when the message is the shopper’s', () => {
    it('returns the client id without the conversation prefix', () => {
      const wire = toWireMessage(
        stored({ direction: 'in', author: 'shopper', channel_message_id: 'c-1:client-42_x', payload: JSON.stringify({ quickReplyPayload: 'human_agent' }) }),
      );
      expect(wire.clientMessageId).toBe('client-42_x');
      // The quick-reply payload a shopper pressed is not echoed as buttons.
      expect(wire.quickReplies).toBeUndefined();
    });

    it('has no client id when the channel gave none', () => {
      expect(toWireMessage(stored({ direction: 'in', author: 'shopper' })).clientMessageId).toBeUndefined();
    });

    it('does not show the shopper’s own display name', () => {
      expect(toWireMessage(stored({ direction: 'in', author: 'shopper', author_name: 'Jane' })).authorName).toBeUndefined();
    });
  });

  describe('when an outgoing message has a channel id', () => {
    it('does not derive a client id from it', () => {
      expect(toWireMessage(stored({ channel_message_id: 'c-1:abc' })).clientMessageId).toBeUndefined();
    });
  });

  describe('when the author is an agent', () => {
    it('shows the agent’s name', () => {
      expect(toWireMessage(stored({ author: 'agent', author_name: 'Maria' })).authorName).toBe('Maria');
    });
  });

  describe('when the author is the bot but a name is stored', () => {
    it('does not show it', () => {
      expect(toWireMessage(stored({ author: 'bot', author_name: 'Maria' })).authorName).toBeUndefined();
    });
  });
});

describe('web chat names', () => {
  it('are the namespace, channel and per-conversation room the widget and workers share', () => {
    expect(WEBCHAT_NAMESPACE).toBe('/webchat');
    expect(WEBCHAT_CHANNEL).toBe('webchat');
    expect(conversationRoom('abc')).toBe('conversation:abc');
  });
});
