import type { ChannelCapabilities, OutboundPart } from '../../../bots/channels/channel-adapter';
import { clip, formatPrice, renderReply, type RenderableMessage } from '../../../bots/channels/render-reply';
import type { ProductCard, QuickReply } from '../../../bots/runtime/reply';

const whatsappCloud: ChannelCapabilities = {
  quickReplies: { max: 3, maxTitleLength: 20, maxBodyLength: 1024 },
  choiceList: { max: 10, maxTitleLength: 24 },
  cards: null,
  images: true,
  maxTextLength: 4096,
  markdown: 'whatsapp',
  typingIndicator: false,
  readReceipts: true,
};
const plainText: ChannelCapabilities = { ...whatsappCloud, quickReplies: null, choiceList: null, images: false, markdown: 'plain', maxTextLength: 300 };
const teams: ChannelCapabilities = { ...whatsappCloud, quickReplies: { max: 10, maxTitleLength: 40 }, choiceList: null, cards: 'carousel', markdown: 'markdown' };

function message(text: string, payload: { quickReplies?: QuickReply[]; cards?: ProductCard[]; notice?: { kind: 'handoff'; text: string } } = {}, extra: Partial<RenderableMessage> = {}): RenderableMessage {
  return { text, language: 'en', author: 'bot', author_name: null, payload: Object.keys(payload).length ? JSON.stringify(payload) : null, ...extra };
}

const choices = (count: number): QuickReply[] => Array.from({ length: count }, (_, index) => ({ title: `Choice number ${index + 1} with a long title`, payload: `p${index + 1}` }));
const cards: ProductCard[] = [
  { productId: 'a', title: 'Trail Runner', price: { amount: 59.9, currency: 'EUR' }, imageUrl: 'https://shop.example/a.jpg', url: 'https://shop.example/p/a', actions: [{ title: 'More like this', payload: 'similar:a' }] },
  { productId: 'b', title: 'Road Racer', price: { amount: 89, currency: 'EUR' }, url: 'https://shop.example/p/b' },
];

describe('renderReply', () => {
  it('attaches up to the channel maximum of choices as buttons, titles shortened', () => {
    const parts = renderReply(message('Pick one', { quickReplies: choices(3) }), whatsappCloud);
    expect(parts).toEqual([{ kind: 'text', text: 'Pick one', choices: choices(3).map((choice) => ({ title: clip(choice.title, 20), payload: choice.payload })) }]);
    for (const choice of (parts[0] as Extract<OutboundPart, { kind: 'text' }>).choices ?? []) expect(Array.from(choice.title).length).toBeLessThanOrEqual(20);
  });

  it('uses the list picker for more choices than buttons, with a label in the message language', () => {
    const parts = renderReply(message('¿Qué desea hacer?', { quickReplies: choices(7) }, { language: 'es' }), whatsappCloud);
    expect(parts).toHaveLength(1);
    const part = parts[0] as Extract<OutboundPart, { kind: 'text' }>;
    expect(part.list?.choices).toHaveLength(7);
    expect(part.list?.button).toBe('Elegir');
  });

  it('falls back to a numbered list with a hint when the channel has neither', () => {
    const parts = renderReply(message('Pick one', { quickReplies: choices(12) }), whatsappCloud);
    const text = parts.map((part) => (part.kind === 'text' ? part.text : '')).join('\n');
    for (let n = 1; n <= 12; n += 1) expect(text).toContain(`${n}. Choice number ${n} with a long title`);
    expect(parts.every((part) => part.kind !== 'text' || (!part.choices && !part.list))).toBe(true);
    const plain = renderReply(message('Pick one', { quickReplies: choices(2) }), plainText);
    expect(plain.map((part) => (part as { text: string }).text)).toEqual(['Pick one', expect.stringMatching(/^1\. Choice number 1 with a long title\n2\. Choice number 2 with a long title\n\n.+/)]);
  });

  it('degrades cards to image + caption (or text without images), with card buttons numbered after them', () => {
    const parts = renderReply(message('Ideas:', { cards }), whatsappCloud);
    expect(parts[0]).toEqual({ kind: 'text', text: 'Ideas:', choices: [{ title: 'More like this: Tra…', payload: 'similar:a' }] });
    expect(parts[1]).toEqual({ kind: 'image', url: 'https://shop.example/a.jpg', caption: '*Trail Runner*\n€59.90\nhttps://shop.example/p/a' });
    expect(parts[2]).toEqual({ kind: 'text', text: '*Road Racer*\n€89.00\nhttps://shop.example/p/b' });
    const plain = renderReply(message('Ideas:', { cards }), plainText);
    expect(plain.map((part) => part.kind)).toEqual(['text', 'text', 'text', 'text']);
    expect((plain[3] as { text: string }).text).toMatch(/^1\. More like this: Trail Runner/);
  });

  it('keeps cards native where the channel shows them, prices in the message language', () => {
    const parts = renderReply(message('Ideas:', { cards }, { language: 'de' }), teams);
    expect(parts[1]).toMatchObject({ kind: 'cards', cards: [{ title: 'Trail Runner', price: '59,90\u00a0€', buttons: [{ payload: 'similar:a' }] }, { title: 'Road Racer' }] });
  });

  it('names the agent and splits long text within the limit', () => {
    const long = 'Our team checked your order. '.repeat(30).trim();
    const parts = renderReply(message(long, {}, { author: 'agent', author_name: 'Dana *Ops*' }), plainText);
    expect((parts[0] as { text: string }).text.startsWith('Dana *Ops*\nOur team')).toBe(true);
    for (const part of parts) expect((part as { text: string }).text.length).toBeLessThanOrEqual(300);
  });

  it('sends the notice when a message has no text of its own', () => {
    expect(renderReply(message('', { notice: { kind: 'handoff', text: 'A person is coming.' } }), whatsappCloud)).toEqual([{ kind: 'text', text: 'A person is coming.' }]);
  });

  it('formats prices for the language and survives unknown currencies', () => {
    expect(formatPrice(19.9, 'EUR', 'es')).toBe('19,90\u00a0€');
    expect(formatPrice(1200, 'JPY', 'ja')).toMatch(/1,200/);
    expect(formatPrice(5, 'NOPE1', 'en')).toBe('5 NOPE1');
  });
});
