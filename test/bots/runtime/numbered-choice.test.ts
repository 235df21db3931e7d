import { choiceNumber, numberedChoicePayload } from '../../../bots/runtime/numbered-choice';
import type { StoredMessage } from '../../../bots/runtime/conversation-store';

let seq = 0;
function stored(direction: 'in' | 'out', payload?: object): StoredMessage {
  seq += 1;
  return {
    id: `m${seq}`, workspace_id: 'w', conversation_id: 'c', seq, direction, author: direction === 'in' ? 'shopper' : 'bot', author_name: null, channel: 'whatsapp',
    channel_message_id: null, language: 'en', language_confidence: null, text: 'x', payload: payload ? JSON.stringify(payload) : null, status: 'processed',
    reply_to: null, created_at: seq, processed_at: null, delivered_at: null,
  };
}

describe('numbered choices', () => {
  it('reads the ways shoppers type a number', () => {
    expect(choiceNumber('2')).toBe(2);
    expect(choiceNumber(' 2. ')).toBe(2);
    expect(choiceNumber('#3')).toBe(3);
    expect(choiceNumber('10)')).toBe(10);
    expect(choiceNumber('２')).toBe(2);
    expect(choiceNumber('2 shoes')).toBeUndefined();
    expect(choiceNumber('A1B2C3')).toBeUndefined();
    expect(choiceNumber('123')).toBeUndefined();
  });

  it('maps the number to the quick replies, then card buttons, of the last offer', () => {
    const offer = stored('out', { quickReplies: [{ title: 'Yes', payload: 'yes' }, { title: 'No', payload: 'no' }], cards: [{ productId: 'a', title: 'A', actions: [{ title: 'More', payload: 'similar:a' }] }] });
    expect(numberedChoicePayload('2', [stored('in'), offer])).toBe('no');
    expect(numberedChoicePayload('3', [stored('in'), offer])).toBe('similar:a');
    expect(numberedChoicePayload('4', [stored('in'), offer])).toBeUndefined();
    expect(numberedChoicePayload('0', [offer])).toBeUndefined();
  });

  it('looks past bot messages without choices but not past the shopper', () => {
    const offer = stored('out', { quickReplies: [{ title: 'Yes', payload: 'yes' }] });
    expect(numberedChoicePayload('1', [offer, stored('out')])).toBe('yes');
    expect(numberedChoicePayload('1', [offer, stored('in'), stored('out')])).toBeUndefined();
    expect(numberedChoicePayload('hello', [offer])).toBeUndefined();
  });
});
