import { offeredChoicePayload } from '../../../../bots/channels/botframework/offered-choice';
import type { StoredMessage } from '../../../../bots/runtime/conversation-store';

let seq = 0;
function message(direction: 'in' | 'out', payload: Record<string, unknown> | null = null): StoredMessage {
  return { direction, payload: payload ? JSON.stringify(payload) : null, seq: ++seq } as StoredMessage;
}

const offer = message('out', { quickReplies: [{ title: 'Track my order', payload: 'track_order' }, { title: 'Talk to a person about my refund, please', payload: 'human_agent' }] });

describe('offeredChoicePayload', () => {
  it('finds the payload of the offered quick reply with that title, whole or shortened as shown', () => {
    expect(offeredChoicePayload('Track my order', [message('in'), offer], 20)).toBe('track_order');
    expect(offeredChoicePayload(' Track my order ', [message('in'), offer], 20)).toBe('track_order');
    expect(offeredChoicePayload('Talk to a person ab…', [message('in'), offer], 20)).toBe('human_agent');
  });

  it('looks past later bot messages of the same turn, but not past the shopper', () => {
    expect(offeredChoicePayload('Track my order', [offer, message('out')], 20)).toBe('track_order');
    expect(offeredChoicePayload('Track my order', [offer, message('in')], 20)).toBeUndefined();
  });

  it('finds nothing for other texts or without an offer', () => {
    expect(offeredChoicePayload('track my order please', [offer], 20)).toBeUndefined();
    expect(offeredChoicePayload('', [offer], 20)).toBeUndefined();
    expect(offeredChoicePayload('Track my order', [], 20)).toBeUndefined();
  });
});
