import { escapeMrkdwn, handoffRootMessage, type HandoffSummary, type SlackBlock } from '../../../../bots/channels/slack';

const summary: HandoffSummary = {
  conversationId: 'conv-42',
  shopper: { name: 'Lucía <!channel>', email: 'lucia@example.com' },
  channel: 'whatsapp',
  language: 'es',
  country: 'ES',
  order: { number: '#1042', status: 'shipped' },
  reason: 'asked for a person',
  summary: 'Parcel late, wants a refund.',
  transcript: [
    { from: 'shopper', at: new Date('2025-03-01T10:02:00Z'), text: 'Where is my parcel?', original: { language: 'es', text: '¿Dónde está mi paquete?' } },
    { from: 'bot', at: new Date('2025-03-01T10:02:05Z'), text: 'It was shipped on Monday.' },
  ],
};

const texts = (blocks: SlackBlock[]): string => JSON.stringify(blocks);
const actionIds = (blocks: SlackBlock[]): string[] =>
  blocks.flatMap((block) => (block.type === 'actions' ? block.elements.map((element) => ('action_id' in element ? String(element.action_id) : '')) : []));

describe('handoffRootMessage', () => {
  describe('while the handoff waits for an agent', () => {
    const { text, blocks } = handoffRootMessage(summary);

    it('shows shopper, channel, language, country, order with status, reason and summary', () => {
      const all = texts(blocks);
      for (const part of ['lucia@example.com', 'whatsapp', '*Language*\\nes', '*Country*\\nES', '#1042 (shipped)', 'asked for a person', 'Parcel late, wants a refund.']) {
        expect(all).toContain(part);
      }
    });

    it('shows each transcript line translated, with the original beside it', () => {
      const all = texts(blocks);
      expect(all).toContain('*Shopper* 10:02 UTC: Where is my parcel?');
      expect(all).toContain('_es: ¿Dónde está mi paquete?_');
      expect(all).toContain('*Bot* 10:02 UTC: It was shipped on Monday.');
    });

    it('offers Claim, Resolve and Transfer in a block naming the conversation', () => {
      expect(actionIds(blocks)).toEqual(['handoff_claim', 'handoff_resolve', 'handoff_transfer']);
      expect(blocks.find((block) => block.type === 'actions')?.block_id).toBe('handoff:conv-42');
    });

    it('escapes shopper text in mrkdwn so it cannot ping the channel (plain text is never parsed)', () => {
      const mrkdwn = JSON.stringify(blocks).match(/"type":"mrkdwn","text":"[^"]*"/g) ?? [];
      expect(mrkdwn.join()).not.toContain('<!channel>');
      expect(mrkdwn.join()).toContain('&lt;!channel&gt;');
      expect(text).not.toContain('<!channel>');
    });
  });

  describe('once claimed', () => {
    it('names the agent and drops the Claim button', () => {
      const { blocks } = handoffRootMessage(summary, { state: 'claimed', by: 'U0ANA' });
      expect(texts(blocks)).toContain('Claimed by <@U0ANA>');
      expect(actionIds(blocks)).toEqual(['handoff_resolve', 'handoff_transfer']);
    });
  });

  describe('once resolved', () => {
    it('shows who resolved it and offers no controls', () => {
      const { blocks } = handoffRootMessage(summary, { state: 'resolved', by: 'U0ANA' });
      expect(texts(blocks)).toContain('Resolved by <@U0ANA>');
      expect(actionIds(blocks)).toEqual([]);
    });
  });

  describe('when the conversation is long', () => {
    it('stays within Slack limits: 50 blocks, 3000 characters a section', () => {
      const long = { ...summary, transcript: Array.from({ length: 200 }, (_, i) => ({ from: 'shopper' as const, at: new Date(), text: `${i} ${'x'.repeat(900)}` })) };
      const { blocks } = handoffRootMessage(long);
      expect(blocks.length).toBeLessThanOrEqual(50);
      for (const block of blocks) if (block.type === 'section' && block.text) expect(block.text.text.length).toBeLessThanOrEqual(3000);
      // The newest lines are the ones kept.
      expect(texts(blocks)).toContain('199 xxx');
      expect(texts(blocks)).not.toContain('"0 xxx');
    });
  });
});

describe('escapeMrkdwn', () => {
  it('escapes &, < and >', () => {
    expect(escapeMrkdwn('a & <@U1> > b')).toBe('a &amp; &lt;@U1&gt; &gt; b');
  });
});
