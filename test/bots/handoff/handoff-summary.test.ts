import { riskReasonLine, summariseHandoff, type RiskFacts } from '../../../bots/handoff/handoff-summary';
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

describe('a risk review in the summary', () => {
  const risk: RiskFacts = {
    action: 'change_address',
    decision: 'decline',
    score: 0.934,
    modelVersion: 'xgboost-0123456789ab',
    reasons: ['account opened 12 minutes before this address change', '1 chargeback on this device'],
  };

  it('puts the check, its score, model version and reasons right after the headline', () => {
    const summary = summariseHandoff({ intent: 'change_address', reason: 'risk review', order: { number: 'R7K2X9', status: 'processing' }, risk, transcript: [{ from: 'shopper', at: at(0), text: 'yes' }] });
    expect(summary).toBe(
      'Wants help with changing a delivery address (order R7K2X9, processing); handed over: risk review. ' +
        'Risk check on the address change: score 0.93, decline (model xgboost-0123456789ab). ' +
        'Reasons: account opened 12 minutes before this address change; 1 chargeback on this device. ' +
        'Nothing was changed: decide, then act or reply in this thread. 1 message from the shopper; the bot answered 0. Said: “yes”',
    );
  });

  it('says when the shopper failed the one-time code, and when no model scored', () => {
    const failed = { ...risk, decision: 'review', score: null, verification: 'failed' };
    expect(riskReasonLine(failed)).toBe('risk review: address change, no model score (review, one-time code failed)');
    expect(summariseHandoff({ intent: null, reason: 'risk review', risk: failed, transcript: [] })).toContain('The shopper typed a wrong one-time code too many times.');
    expect(riskReasonLine(risk)).toBe('risk review: address change, score 0.93 (decline)');
  });
});
