import { splitIntoPassages, textLength } from '../../../knowledge/retrieval/passages';
import type { KnowledgeDocument } from '../../../knowledge/retrieval/types';

function document(body: string, overrides: Partial<KnowledgeDocument> = {}): KnowledgeDocument {
  return { articleId: 'a', language: 'en', title: 'Shipping to Europe', body, questions: [], ...overrides };
}

/** A sentence of `n` distinct words ending with a full stop. */
function words(n: number, stem = 'word'): string {
  return `${Array.from({ length: n }, (_, i) => `${stem}${i}`).join(' ')}.`;
}

describe('textLength', () => {
  it('counts words in spaced scripts', () => {
    expect(textLength('Standard delivery takes 3-6 business days.')).toBe(7);
  });

  it('counts two Chinese or Japanese characters as a word and four Thai ones', () => {
    expect(textLength('订单满九十欧')).toBe(3);
    expect(textLength('สินค้าดี')).toBe(2);
    expect(textLength('DHL 特快')).toBe(2);
  });
});

describe('splitIntoPassages', () => {
  it('keeps each section apart, with its heading, and numbers passages in reading order', () => {
    const passages = splitIntoPassages(document(`${words(45, 'intro')}\n\n## Costs\n\n${words(45, 'cost')}\n\n## Times\n\n${words(45, 'time')}`));
    expect(passages.map((p) => [p.index, p.heading])).toEqual([
      [0, undefined],
      [1, 'Costs'],
      [2, 'Times'],
    ]);
    expect(passages[1]!.text).toBe(words(45, 'cost'));
    expect(passages.every((p) => p.articleId === 'a' && p.language === 'en')).toBe(true);
  });

  it('cuts a long section between paragraphs so no passage passes the maximum', () => {
    const body = `## Long\n\n${[1, 2, 3, 4].map((i) => words(60, `p${i}x`)).join('\n\n')}`;
    const passages = splitIntoPassages(document(body));
    expect(passages.length).toBe(2);
    for (const passage of passages) {
      expect(textLength(passage.text)).toBeLessThanOrEqual(150);
      expect(passage.heading).toBe('Long');
    }
  });

  it('cuts a paragraph longer than the maximum between sentences', () => {
    const paragraph = Array.from({ length: 10 }, (_, i) => words(30, `s${i}w`)).join(' ');
    const passages = splitIntoPassages(document(paragraph));
    expect(passages.length).toBeGreaterThan(1);
    for (const passage of passages) {
      expect(textLength(passage.text)).toBeLessThanOrEqual(150);
      expect(passage.text).toMatch(/\.$/);
    }
    expect(passages.map((p) => p.text).join(' ')).toBe(paragraph);
  });

  it('joins a section shorter than the minimum to the next one, keeping its heading as a line', () => {
    const passages = splitIntoPassages(document(`## Short\n\nOnly a few words here.\n\n## Next\n\n${words(60)}`));
    expect(passages).toHaveLength(1);
    expect(passages[0]!.heading).toBe('Short');
    expect(passages[0]!.text).toBe(`Only a few words here.\n\nNext\n\n${words(60)}`);
  });

  it('joins a short last section to the passage before it', () => {
    const passages = splitIntoPassages(document(`## Main\n\n${words(60)}\n\n## Good to know\n\nKeep the receipt.`));
    expect(passages).toHaveLength(1);
    expect(passages[0]!.text).toBe(`${words(60)}\n\nGood to know\n\nKeep the receipt.`);
  });

  it('keeps lists and tables readable as lines', () => {
    const passages = splitIntoPassages(
      document(`## Options\n\n| Service | Price |\n|---|---|\n| Standard | EUR 5.90 |\n| Express | EUR 14.90 |\n\n- Free over EUR 79.\n- No PO boxes.\n\n${words(30)}`),
    );
    expect(passages[0]!.text).toBe(`Service: Standard; Price: EUR 5.90\nService: Express; Price: EUR 14.90\n\n- Free over EUR 79.\n- No PO boxes.\n\n${words(30)}`);
  });

  it('drops a leading "# Title" that repeats the title, since the title is searched on its own', () => {
    const passages = splitIntoPassages(document(`# Shipping to Europe\n\n${words(50)}`));
    expect(passages).toEqual([{ articleId: 'a', language: 'en', index: 0, text: words(50) }]);
  });

  it('measures Chinese by characters', () => {
    const sentence = '发往中国大陆的订单由香港仓发出，默认使用顺丰速运。';
    const body = `## 配送\n\n${sentence.repeat(20)}`;
    const passages = splitIntoPassages(document(body, { language: 'zh', title: '配送' }));
    expect(passages.length).toBeGreaterThan(1);
    // 150 words = 300 Han characters (punctuation not counted).
    for (const passage of passages) expect(passage.text.replace(/[，。]/g, '').length).toBeLessThanOrEqual(300);
    expect(passages.map((p) => p.text).join('')).toBe(sentence.repeat(20));
  });

  it('honours other limits', () => {
    const passages = splitIntoPassages(document([1, 2, 3].map((i) => words(20, `p${i}x`)).join('\n\n')), { minWords: 5, maxWords: 25 });
    expect(passages).toHaveLength(3);
  });

  it('gives no passages for an empty body', () => {
    expect(splitIntoPassages(document('  \n'))).toEqual([]);
  });
});
