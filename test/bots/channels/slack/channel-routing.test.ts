import { pickAgentsChannel, type SlackRouteRule } from '../../../../bots/channels/slack';

const rules: SlackRouteRule[] = [
  { workspace: 'shop-b', intent: 'refund', channel: 'C0REFUND' },
  { language: 'de', channel: 'C0DE' },
  { workspace: 'shop-b', channel: 'C0SHOPB' },
];

describe('pickAgentsChannel', () => {
  it('takes the first rule whose every condition fits', () => {
    expect(pickAgentsChannel(rules, 'C0ALL', { workspace: 'shop-b', language: 'de', intent: 'refund' })).toBe('C0REFUND');
    expect(pickAgentsChannel(rules, 'C0ALL', { workspace: 'shop-b', language: 'de', intent: 'order_status' })).toBe('C0DE');
    expect(pickAgentsChannel(rules, 'C0ALL', { workspace: 'shop-b', language: 'fr' })).toBe('C0SHOPB');
  });

  it('falls back to the agents channel when no rule fits', () => {
    expect(pickAgentsChannel(rules, 'C0ALL', { workspace: 'demo', language: 'fr', intent: 'refund' })).toBe('C0ALL');
    expect(pickAgentsChannel([], 'C0ALL', { workspace: 'demo', language: 'de' })).toBe('C0ALL');
  });
});
