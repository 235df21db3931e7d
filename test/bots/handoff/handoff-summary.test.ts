import { summariseHandoff } from '../../../bots/handoff/handoff-summary';
import type { TranscriptLine } from '../../../bots/channels/slack';

const at = (minute: number): Date => new Date(Date.UTC(2026, 10, 23, 9, minute));

describe('summariseHandoff', () => {
  const transcript: TranscriptLine[] = [
    { from: 'shopper', at: at(0), text: 'Where is my order A1B2C3?', original: { language: 'es', text: '¿Dónde está mi pedido A1B2C3?' } },
    { from: 'bot', at: at(0), text: 'Your order A1B2C3 was delivered on Monday.' },
    { from: 'shopper', at: at(4), text: 'It never arrived,   I want my money back now!' },
  ];

  it('names the topic, the order, the reason, the counts and what the shopper said first and last', () => {
    expect(summariseHandoff({ intent: 'refund_status', reason: 'complaint', order: { number: 'A1B2C3', status: 'delivered' }, transcript })).toBe(
      'Wants help with a refund (order A1B2C3, delivered); handed over: complaint. 2 messages from the shopper over 4 min; the bot answered 1. ' +
        'First: “Where is my order A1B2C3?” Latest: “It never arrived, I want my money back now!”',
    );
  });

  it('does without an understood intent, an order or a second message', () => {
    expect(summariseHandoff({ intent: null, reason: 'the bot did not understand twice', transcript: [transcript[0] as TranscriptLine] })).toBe(
      'Handed over: the bot did not understand twice. 1 message from the shopper; the bot answered 0. Said: “Where is my order A1B2C3?”',
    );
    expect(summariseHandoff({ intent: 'some_new_intent', reason: 'asked for a person', order: { number: 'Z9', status: 'in_transit' }, transcript: [] })).toBe(
      'Wants help with some new intent (order Z9, in transit); handed over: asked for a person.',
    );
  });

  it('clips long quotes', () => {
    const long = 'word '.repeat(100);
    const summary = summariseHandoff({ intent: 'complaint', reason: 'complaint', transcript: [{ from: 'shopper', at: at(0), text: long }] });
    expect(summary).toMatch(/Said: “(word ){31}word…”$/);
  });
});
