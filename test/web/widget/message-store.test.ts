import type { WireMessage } from '../../../bots/channels/webchat/protocol-types';
import {
  EMPTY_STATE,
  activeQuickRepliesKey,
  addPending,
  applyAck,
  applyMessage,
  applyMessages,
  applySession,
  oldestSeq,
  type MessageState,
} from '../../../web/widget/message-store';

function wire(seq: number, overrides: Partial<WireMessage> = {}): WireMessage {
  return {
    id: `m${seq}`,
    seq,
    direction: 'out',
    author: 'bot',
    text: `message ${seq}`,
    at: `2024-05-01T10:00:${String(seq).padStart(2, '0')}Z`,
    ...overrides,
  };
}

function shopperWire(seq: number, clientMessageId: string, text = 'hello'): WireMessage {
  return wire(seq, { direction: 'in', author: 'shopper', text, clientMessageId });
}

function session(history: WireMessage[], hasMore = false, conversationId: string | null = 'c1') {
  return { conversationId, history, hasMore };
}

const texts = (state: MessageState): string[] => state.items.map((item) => item.text);

describe('message store', () => {
  describe('server messages', () => {
    it('orders messages by seq whatever order they arrive in', () => {
      let state = applyMessage(EMPTY_STATE, wire(3));
      state = applyMessage(state, wire(1));
      state = applyMessage(state, wire(2));
      expect(state.items.map((item) => item.seq)).toEqual([1, 2, 3]);
    });

    it('ignores a message it already has by id', () => {
      let state = applyMessage(EMPTY_STATE, wire(1));
      state = applyMessage(state, wire(1));
      expect(state.items).toHaveLength(1);
    });

    it('keeps the same item object when a message is replayed unchanged', () => {
      const first = applyMessage(EMPTY_STATE, wire(1));
      const again = applyMessage(first, wire(1));
      expect(again.items[0]).toBe(first.items[0]);
    });

    it('does not mutate the previous state', () => {
      const before = applyMessage(EMPTY_STATE, wire(1));
      const snapshot = JSON.stringify(before);
      applyMessage(before, wire(2));
      expect(JSON.stringify(before)).toBe(snapshot);
    });

    it('copies quick replies, cards, notice and agent name from the wire', () => {
      const state = applyMessage(
        EMPTY_STATE,
        wire(1, {
          author: 'agent',
          authorName: 'Lena',
          quickReplies: [{ title: 'Yes', payload: 'yes' }],
          cards: [{ productId: 'p1', title: 'Mug' }],
          notice: { kind: 'handoff', text: 'Lena joined' },
        }),
      );
      expect(state.items[0]).toMatchObject({
        author: 'agent',
        authorName: 'Lena',
        quickReplies: [{ title: 'Yes', payload: 'yes' }],
        cards: [{ productId: 'p1', title: 'Mug' }],
        notice: { kind: 'handoff', text: 'Lena joined' },
        status: 'sent',
      });
    });
  });

  describe('optimistic shopper bubbles', () => {
    const pending = { clientMessageId: 'cm-1', text: 'Where is my order?', at: '2024-05-01T10:01:00Z' };

    it('shows a pending bubble as sending after every server message', () => {
      let state = applyMessage(EMPTY_STATE, wire(1));
      state = addPending(state, pending);
      state = applyMessage(state, wire(2));
      expect(texts(state)).toEqual(['message 1', 'message 2', 'Where is my order?']);
      expect(state.items[2]).toMatchObject({ status: 'sending', author: 'shopper', key: 'c:cm-1' });
    });

    it('adds a pending bubble only once per clientMessageId', () => {
      const state = addPending(addPending(EMPTY_STATE, pending), pending);
      expect(state.items).toHaveLength(1);
    });

    it('marks the bubble sent and gives it its position when acknowledged', () => {
      let state = addPending(applyMessage(EMPTY_STATE, wire(1)), pending);
      state = applyAck(state, 'cm-1', { ok: true, messageId: 'm2', seq: 2, duplicate: false });
      expect(state.items[1]).toMatchObject({ id: 'm2', seq: 2, status: 'sent', key: 'c:cm-1' });
    });

    it('merges the echo of its own message instead of showing it twice', () => {
      let state = addPending(EMPTY_STATE, pending);
      state = applyMessage(state, shopperWire(5, 'cm-1', pending.text));
      expect(state.items).toHaveLength(1);
      expect(state.items[0]).toMatchObject({ id: 'm5', seq: 5, status: 'sent', key: 'c:cm-1' });
    });

    it('keeps a single entry when the echo arrives before the acknowledgement', () => {
      let state = addPending(EMPTY_STATE, pending);
      state = applyMessage(state, shopperWire(5, 'cm-1', pending.text));
      state = applyAck(state, 'cm-1', { ok: true, messageId: 'm5', seq: 5, duplicate: true });
      expect(state.items).toHaveLength(1);
      expect(state.items[0]?.status).toBe('sent');
    });

    it('collapses a copy listed under its server id when the acknowledgement names that id', () => {
      let state = addPending(EMPTY_STATE, pending);
      // An echo without clientMessageId cannot be matched to the bubble until the ack names its id.
      state = applyMessage(state, wire(5, { author: 'shopper', direction: 'in', text: pending.text }));
      expect(state.items).toHaveLength(2);
      state = applyAck(state, 'cm-1', { ok: true, messageId: 'm5', seq: 5, duplicate: false });
      expect(state.items).toHaveLength(1);
      expect(state.items[0]?.key).toBe('c:cm-1');
    });

    it('shows the refusal on the bubble with the limit of a too long message', () => {
      let state = addPending(EMPTY_STATE, pending);
      state = applyAck(state, 'cm-1', {
        ok: false,
        error: { code: 'message_too_long', message: 'too long', limit: 1000 },
      });
      expect(state.items[0]).toMatchObject({ status: 'error', error: { code: 'message_too_long', limit: 1000 } });
    });

    it('does not turn a delivered message into an error on a late refusal', () => {
      let state = addPending(EMPTY_STATE, pending);
      state = applyMessage(state, shopperWire(5, 'cm-1'));
      const after = applyAck(state, 'cm-1', { ok: false, error: { code: 'internal_error', message: 'x' } });
      expect(after.items[0]?.status).toBe('sent');
    });

    it('ignores acknowledgements of unknown messages', () => {
      const state = applyMessage(EMPTY_STATE, wire(1));
      expect(applyAck(state, 'nope', { ok: true, messageId: 'm9', seq: 9, duplicate: false })).toBe(state);
    });
  });

  describe('session history', () => {
    const pending = { clientMessageId: 'cm-9', text: 'still sending', at: '2024-05-01T10:05:00Z' };

    it('renders the whole history on the first session', () => {
      const state = applySession(EMPTY_STATE, session([wire(1), wire(2)], true));
      expect(texts(state)).toEqual(['message 1', 'message 2']);
      expect(state.hasMore).toBe(true);
      expect(state.conversationId).toBe('c1');
    });

    it('merges a replayed history after a reconnect without duplicates', () => {
      let state = applySession(EMPTY_STATE, session([wire(1), wire(2)]));
      state = applyMessage(state, wire(3));
      state = applySession(state, session([wire(1), wire(2), wire(3), wire(4)]));
      expect(state.items.map((item) => item.seq)).toEqual([1, 2, 3, 4]);
    });

    it('keeps unacknowledged bubbles across a reconnect', () => {
      let state = applySession(EMPTY_STATE, session([wire(1)]));
      state = addPending(state, pending);
      state = applySession(state, session([wire(1), wire(2)]));
      expect(texts(state)).toEqual(['message 1', 'message 2', 'still sending']);
      expect(state.items[2]?.status).toBe('sending');
    });

    it('confirms a pending bubble that the history shows was delivered', () => {
      let state = addPending(EMPTY_STATE, pending);
      state = applySession(state, session([wire(1), shopperWire(2, 'cm-9', pending.text)]));
      expect(state.items).toHaveLength(2);
      expect(state.items[1]).toMatchObject({ seq: 2, status: 'sent', key: 'c:cm-9' });
    });

    it('keeps older loaded pages when the new history overlaps them', () => {
      let state = applySession(EMPTY_STATE, session([wire(5), wire(6)], true));
      state = applyMessages(state, [wire(3), wire(4)], false);
      state = applySession(state, session([wire(6), wire(7)], true));
      expect(state.items.map((item) => item.seq)).toEqual([3, 4, 5, 6, 7]);
      expect(state.hasMore).toBe(false);
    });

    it('drops older messages when a truncated history leaves a possible gap', () => {
      let state = applySession(EMPTY_STATE, session([wire(1), wire(2)]));
      state = applySession(state, session([wire(10), wire(11)], true));
      expect(state.items.map((item) => item.seq)).toEqual([10, 11]);
      expect(state.hasMore).toBe(true);
    });

    it('starts over when the server moved the shopper to another conversation', () => {
      let state = applySession(EMPTY_STATE, session([wire(1), wire(2)], false, 'c1'));
      state = addPending(state, pending);
      state = applySession(state, session([], false, null));
      expect(texts(state)).toEqual(['still sending']);
      expect(state.conversationId).toBeNull();
    });

    it('keeps messages of a conversation that was created by the first message', () => {
      let state = applySession(EMPTY_STATE, session([], false, null));
      state = addPending(state, pending);
      state = applyAck(state, 'cm-9', { ok: true, messageId: 'm1', seq: 1, duplicate: false });
      state = applyMessage(state, wire(2));
      state = applySession(state, session([shopperWire(1, 'cm-9', pending.text), wire(2)], false, 'c7'));
      expect(state.items.map((item) => item.key)).toEqual(['c:cm-9', 'm:m2']);
      expect(state.conversationId).toBe('c7');
    });
  });

  describe('older history', () => {
    it('prepends an older page and takes its hasMore', () => {
      let state = applySession(EMPTY_STATE, session([wire(5)], true));
      state = applyMessages(state, [wire(3), wire(4)], true);
      expect(state.items.map((item) => item.seq)).toEqual([3, 4, 5]);
      expect(state.hasMore).toBe(true);
      expect(oldestSeq(state)).toBe(3);
    });

    it('has no oldest seq while nothing is acknowledged', () => {
      expect(oldestSeq(addPending(EMPTY_STATE, { clientMessageId: 'a', text: 'x', at: '' }))).toBeUndefined();
    });
  });

  describe('active quick replies', () => {
    const withReplies = (seq: number) => wire(seq, { quickReplies: [{ title: 'Track order', payload: 'track' }] });

    it('activates the quick replies of the latest bot message', () => {
      const state = applyMessages(EMPTY_STATE, [withReplies(1), withReplies(2)]);
      expect(activeQuickRepliesKey(state)).toBe('m:m2');
    });

    it('retires quick replies once a newer bot message has none', () => {
      const state = applyMessages(EMPTY_STATE, [withReplies(1), wire(2)]);
      expect(activeQuickRepliesKey(state)).toBeUndefined();
    });

    it('retires quick replies as soon as the shopper writes', () => {
      let state = applyMessage(EMPTY_STATE, withReplies(1));
      state = addPending(state, { clientMessageId: 'x', text: 'Track order', at: '' });
      expect(activeQuickRepliesKey(state)).toBeUndefined();
    });

    it('keeps quick replies active across a following notice-only message', () => {
      const state = applyMessages(EMPTY_STATE, [
        withReplies(1),
        wire(2, { text: '', notice: { kind: 'info', text: 'An agent will join soon' } }),
      ]);
      expect(activeQuickRepliesKey(state)).toBe('m:m1');
    });
  });
});
