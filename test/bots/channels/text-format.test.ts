import { formatForDialect, splitText } from '../../../bots/channels/text-format';

describe('formatForDialect', () => {
  const source = 'Read **our return policy** and _the fine print_ [here](https://shop.example/help/returns).';

  it('leaves Markdown as it is for Markdown channels', () => {
    expect(formatForDialect(source, 'markdown')).toBe(source);
  });

  it("writes WhatsApp's own emphasis and spells links out", () => {
    expect(formatForDialect(source, 'whatsapp')).toBe('Read *our return policy* and _the fine print_ here (https://shop.example/help/returns).');
  });

  it('strips formatting for plain-text channels', () => {
    expect(formatForDialect(source, 'plain')).toBe('Read our return policy and the fine print here (https://shop.example/help/returns).');
  });

  it('keeps bare URLs and e-mail links once', () => {
    expect(formatForDialect('See https://shop.example/a or write to <help@shop.example>.', 'whatsapp')).toBe('See https://shop.example/a or write to help@shop.example.');
  });

  it('renders lists, headings and escaped characters', () => {
    const text = '## Returns\n\n1. Pack the item\n2. Print the **label**\n\n- free\n- 30 days\n\nPrice: 5 \\* 2';
    expect(formatForDialect(text, 'whatsapp')).toBe('*Returns*\n\n1. Pack the item\n2. Print the *label*\n\n• free\n• 30 days\n\nPrice: 5 * 2');
  });

  it('converts nested emphasis', () => {
    expect(formatForDialect('**very _nice_ shoes**', 'whatsapp')).toBe('*very _nice_ shoes*');
  });

  it('decodes entities the lexer escapes and drops HTML tags', () => {
    expect(formatForDialect('Tom & Jerry <b>shoes</b> "quoted"', 'plain')).toBe('Tom & Jerry shoes "quoted"');
  });
});

describe('splitText', () => {
  it('returns short text whole', () => {
    expect(splitText('Hello there.', 100)).toEqual(['Hello there.']);
  });

  it('prefers paragraph breaks, then sentence ends, then spaces', () => {
    const text = `${'a'.repeat(40)}\n\n${'b'.repeat(40)}`;
    expect(splitText(text, 60)).toEqual(['a'.repeat(40), 'b'.repeat(40)]);
    expect(splitText('First sentence here. Second sentence is here.', 30)).toEqual(['First sentence here.', 'Second sentence is here.']);
    expect(splitText('one two three four five six', 10)).toEqual(['one two', 'three four', 'five six']);
  });

  it('cuts words longer than the limit hard, never inside a surrogate pair', () => {
    const pieces = splitText('😀'.repeat(10), 5);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(5);
      expect(piece).not.toMatch(/[\ud800-\udbff]$/);
    }
    expect(pieces.join('')).toBe('😀'.repeat(10));
  });

  it('splits Chinese at its sentence marks', () => {
    const sentence = '您的订单已经发货了。';
    const pieces = splitText(sentence.repeat(6), 25);
    for (const piece of pieces) expect(piece.endsWith('。')).toBe(true);
    expect(pieces.join('')).toBe(sentence.repeat(6));
  });

  it('refuses a limit below one', () => {
    expect(() => splitText('x', 0)).toThrow(RangeError);
  });
});
