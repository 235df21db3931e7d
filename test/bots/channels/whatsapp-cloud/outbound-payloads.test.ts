import type { RenderableMessage } from '../../../../bots/channels/render-reply';
import { renderForWhatsApp, toGraphMessage, WHATSAPP_LIMITS, whatsappCloudCapabilities } from '../../../../bots/channels/whatsapp-cloud/outbound-payloads';
import type { Reply } from '../../../../bots/runtime/reply';

/** A stored bot message carrying `reply`. */
function stored(reply: Reply): RenderableMessage {
  const payload: Record<string, unknown> = {};
  if (reply.quickReplies) payload.quickReplies = reply.quickReplies;
  if (reply.cards) payload.cards = reply.cards;
  return { text: reply.text, language: reply.language, author: 'bot', author_name: null, payload: Object.keys(payload).length ? JSON.stringify(payload) : null };
}

const graph = (reply: Reply) => renderForWhatsApp(stored(reply)).map((part) => toGraphMessage(part, reply.language));
const choices = (count: number, payload = (i: number) => `choice_${i}`) => Array.from({ length: count }, (_, i) => ({ title: `Option ${i + 1}`, payload: payload(i) }));

describe('whatsappCloudCapabilities', () => {
  it("declares WhatsApp's documented limits", () => {
    expect(whatsappCloudCapabilities).toEqual({
      quickReplies: { max: 3, maxTitleLength: 20, maxBodyLength: 1024 },
      choiceList: { max: 10, maxTitleLength: 24 },
      cards: null,
      images: true,
      maxTextLength: 4096,
      markdown: 'whatsapp',
      typingIndicator: true,
      readReceipts: true,
    });
  });
});

describe('renderForWhatsApp + toGraphMessage', () => {
  it('sends text as a text message in WhatsApp Markdown, with a link preview only when there is a link', () => {
    expect(graph({ text: 'Your parcel **ships today**.', language: 'en' })).toEqual([{ type: 'text', text: { body: 'Your parcel *ships today*.' } }]);
    expect(graph({ text: 'See [returns](https://shop.example/returns).', language: 'en' })[0]).toMatchObject({ type: 'text', text: { preview_url: true } });
  });

  it('sends up to three choices as reply buttons whose ids are the payloads', () => {
    expect(graph({ text: 'Track or cancel?', language: 'en', quickReplies: [{ title: 'Track my order', payload: 'track' }, { title: 'Cancel it', payload: 'cancel' }] })).toEqual([
      {
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Track or cancel?' },
          action: { buttons: [{ type: 'reply', reply: { id: 'track', title: 'Track my order' } }, { type: 'reply', reply: { id: 'cancel', title: 'Cancel it' } }] },
        },
      },
    ]);
  });

  it('shortens button titles to 20 characters', () => {
    const [message] = graph({ text: 'Pick one', language: 'en', quickReplies: [{ title: 'Talk to a person right now please', payload: 'human_agent' }] });
    const title = message?.type === 'interactive' && message.interactive.type === 'button' ? message.interactive.action.buttons[0]?.reply.title : '';
    expect(title).toHaveLength(20);
    expect(title?.endsWith('…')).toBe(true);
  });

  it('sends four to ten choices as a list with a button of at most 20 characters', () => {
    const [message] = graph({ text: 'Which size?', language: 'de', quickReplies: choices(5) });
    expect(message).toMatchObject({ type: 'interactive', interactive: { type: 'list', body: { text: 'Which size?' }, action: { button: 'Auswählen' } } });
    const rows = message?.type === 'interactive' && message.interactive.type === 'list' ? message.interactive.action.sections.flatMap((s) => s.rows) : [];
    expect(rows).toEqual(choices(5).map((c) => ({ id: c.payload, title: c.title })));
  });

  it('writes more than ten choices as a numbered list', () => {
    const messages = graph({ text: 'Which size?', language: 'en', quickReplies: choices(12) });
    expect(messages.every((m) => m.type === 'text')).toBe(true);
    const text = messages.map((m) => (m.type === 'text' ? m.text.body : '')).join('\n');
    expect(text).toContain('1. Option 1');
    expect(text).toContain('12. Option 12');
  });

  it('falls back to a numbered list when a payload is too long to be a button id', () => {
    const messages = graph({ text: 'Pick', language: 'en', quickReplies: choices(2, (i) => `${i}`.repeat(WHATSAPP_LIMITS.buttonId + 1)) });
    expect(messages.every((m) => m.type === 'text')).toBe(true);
    expect(messages.map((m) => (m.type === 'text' ? m.text.body : '')).join('\n')).toContain('2. Option 2');
  });

  it('falls back to a numbered list when two buttons would look alike', () => {
    const quickReplies = [
      { title: 'Show me more shoes like these ones', payload: 'a' },
      { title: 'Show me more shoes like those', payload: 'b' },
    ];
    expect(graph({ text: 'More?', language: 'en', quickReplies }).every((m) => m.type === 'text')).toBe(true);
  });

  it('gives a button message without text a body, which WhatsApp requires', () => {
    const [message] = graph({ text: '', language: 'es', quickReplies: choices(2) });
    expect(message).toMatchObject({ type: 'interactive', interactive: { body: { text: 'Elegir' } } });
  });

  it('sends products as images with a caption of title, price and link', () => {
    const messages = graph({
      text: 'Ideas:',
      language: 'en',
      cards: [{ productId: 'p1', title: 'Trail Runner', price: { amount: 50.5, currency: 'EUR' }, imageUrl: 'https://shop.example/p1.jpg', url: 'https://shop.example/p/1' }],
    });
    expect(messages[0]).toEqual({ type: 'text', text: { body: 'Ideas:' } });
    expect(messages[1]).toEqual({ type: 'image', image: { link: 'https://shop.example/p1.jpg', caption: '*Trail Runner*\n€50.50\nhttps://shop.example/p/1' } });
  });

  it('continues a caption longer than 1024 characters in text messages', () => {
    const subtitle = 'Light, breathable and made for long distances. '.repeat(40).trim();
    const messages = graph({ text: '', language: 'en', cards: [{ productId: 'p1', title: 'Trail Runner', subtitle, imageUrl: 'https://shop.example/p1.jpg', url: 'https://shop.example/p/1' }] });
    expect(messages[0]?.type).toBe('image');
    const caption = messages[0]?.type === 'image' ? (messages[0].image.caption ?? '') : '';
    expect(caption.length).toBeLessThanOrEqual(WHATSAPP_LIMITS.caption);
    const rest = messages.slice(1).map((m) => (m.type === 'text' ? m.text.body : ''));
    expect(rest.length).toBeGreaterThanOrEqual(1);
    expect(`${caption} ${rest.join(' ')}`.replace(/\s+/g, ' ')).toContain('https://shop.example/p/1');
  });

  it('renders the same message the same way every time (retries count parts alike)', () => {
    const reply: Reply = { text: 'x '.repeat(3000), language: 'en', quickReplies: choices(3) };
    expect(renderForWhatsApp(stored(reply))).toEqual(renderForWhatsApp(stored(reply)));
  });
});
