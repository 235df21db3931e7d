import { parseMarkdownArticle } from '../../../knowledge/import/markdown-article';

const context = { file: 'articles/en/gift-cards.md', fallbackId: 'gift-cards', fallbackLanguage: 'en' };

describe('parseMarkdownArticle', () => {
  it('reads the front matter and the body', () => {
    const text = [
      '---',
      'id: gift-cards-2',
      'title: Gift cards',
      'language: de',
      'category: payments',
      'tags: [gift card, voucher]',
      'questions:',
      '  - Can I buy a gift card?',
      '  - How long is it valid?',
      'url: https://shop.example/gift-cards',
      'date: 2024-01-01',
      '---',
      '',
      'Digital gift cards from EUR 25.',
    ].join('\n');
    expect(parseMarkdownArticle(text, context)).toEqual({
      issues: [],
      document: {
        articleId: 'gift-cards-2',
        language: 'de',
        title: 'Gift cards',
        body: 'Digital gift cards from EUR 25.',
        questions: ['Can I buy a gift card?', 'How long is it valid?'],
        category: 'payments',
        tags: ['gift card', 'voucher'],
        url: 'https://shop.example/gift-cards',
      },
    });
  });

  it('falls back to the file name, the given language and a leading "# Title"', () => {
    const result = parseMarkdownArticle('# Gift cards\n\nDigital gift cards from EUR 25.', context);
    expect(result.document).toEqual({ articleId: 'gift-cards', language: 'en', title: 'Gift cards', body: 'Digital gift cards from EUR 25.', questions: [] });
  });

  it('accepts `lang`, a region code, a numeric id, comma-separated tags and a single question', () => {
    const result = parseMarkdownArticle('---\nid: 42\nlang: pt-BR\ntitle: Pix\ntags: pix, pagamento\nquestions: Aceitam Pix?\n---\nSim.', context);
    expect(result.document).toMatchObject({ articleId: '42', language: 'pt', tags: ['pix', 'pagamento'], questions: ['Aceitam Pix?'] });
  });

  it('reports invalid YAML on its line in the file', () => {
    const result = parseMarkdownArticle('---\nid: a\ntitle: [unclosed\n---\nBody', context);
    expect(result.document).toBeUndefined();
    expect(result.issues[0]).toMatchObject({ file: context.file, line: expect.any(Number) });
    expect(result.issues[0]!.line).toBeGreaterThanOrEqual(3);
    expect(result.issues[0]!.message).toMatch(/not valid YAML/);
  });

  it('reports each bad field on its own line, all at once', () => {
    const text = ['---', 'id: ok', 'language: klingon', 'title: Fine', 'questions:', '  - Fine?', '  - ', '  - [nested]', 'tags: 7', '---', 'Body'].join('\n');
    const result = parseMarkdownArticle(text, context);
    expect(result.document).toBeUndefined();
    expect(result.issues).toEqual([
      { file: context.file, line: 3, message: expect.stringMatching(/"klingon" is not an ISO 639-1 language code/) },
      { file: context.file, line: 9, message: expect.stringMatching(/`tags` must be a list of texts/) },
      { file: context.file, line: 7, message: 'item 2 of `questions` must be a non-empty text' },
      { file: context.file, line: 8, message: 'item 3 of `questions` must be a non-empty text' },
    ]);
  });

  it('reports a missing title, an empty body and a missing language', () => {
    const result = parseMarkdownArticle('---\nid: x\n---\n\n', { file: 'x.md', fallbackId: 'x' });
    expect(result.issues.map((issue) => [issue.line, issue.message.split(':')[0]])).toEqual([
      [1, 'no language'],
      [1, 'no title'],
      [4, 'the article has no text after its front matter'],
    ]);
  });

  it('reports front matter that is never closed', () => {
    expect(parseMarkdownArticle('---\nid: x\ntitle: T\nBody', context).issues).toEqual([
      { file: context.file, line: 1, message: expect.stringMatching(/never closed/) },
    ]);
  });

  it('reports front matter that is not key: value lines', () => {
    expect(parseMarkdownArticle('---\n- a\n- b\n---\nBody', context).issues[0]).toMatchObject({ line: 2, message: expect.stringMatching(/must be `key: value` lines/) });
  });

  it('reports a list where a single text belongs', () => {
    expect(parseMarkdownArticle('---\ntitle: [a, b]\n---\nBody', context).issues).toEqual([{ file: context.file, line: 2, message: '`title` must be a single text' }]);
  });
});
