import { describeMarkdownFiles, faqFormatOf, folderLanguage, formatIssue, importRequest, isMarkdownArticle, requestBytes } from '../../../web/admin/import-plan';

describe('import plan', () => {
  it('takes Markdown files and skips hidden folders and other files', () => {
    expect(isMarkdownArticle('help/de/shipping.md')).toBe(true);
    expect(isMarkdownArticle('help/en/Returns.MARKDOWN')).toBe(true);
    expect(isMarkdownArticle('help/.obsidian/notes.md')).toBe(false);
    expect(isMarkdownArticle('help/.hidden.md')).toBe(false);
    expect(isMarkdownArticle('help/de/image.png')).toBe(false);
  });

  it('recognises FAQ files by extension', () => {
    expect(faqFormatOf('FAQ.JSON')).toBe('faq-json');
    expect(faqFormatOf('faq.csv')).toBe('faq-csv');
    expect(faqFormatOf('faq.xlsx')).toBeUndefined();
  });

  it('finds the nearest language folder for the summary', () => {
    expect(folderLanguage('help/de/shipping.md')).toBe('de');
    expect(folderLanguage('zh/sub/a.md')).toBe('zh');
    expect(folderLanguage('help/a.md')).toBeUndefined();
    expect(folderLanguage('kb/pt-BR/a.md')).toBe('pt');
    expect(folderLanguage('ui/a.md')).toBeUndefined();
    expect(describeMarkdownFiles(['kb/de/a.md', 'kb/en/a.md', 'kb/en/b.md', 'kb/c.md'], 'fr')).toBe('4 Markdown files: de 1, en 2, fr 1');
    expect(describeMarkdownFiles([], 'en')).toMatch(/No Markdown files/);
  });

  it('builds the import request with the relative paths as names', () => {
    const request = importRequest('markdown', [{ name: 'kb/de/a.md', content: '# A' }], { language: 'en', category: '  ', publish: false });
    expect(request).toEqual({ format: 'markdown', files: [{ name: 'kb/de/a.md', content: '# A' }], language: 'en', category: 'faq', publish: false });
    expect(requestBytes(request)).toBe(Buffer.byteLength(JSON.stringify(request)));
  });

  it('prints issues like a compiler', () => {
    expect(formatIssue({ file: 'de/a.md', line: 4, message: 'missing title' })).toBe('de/a.md:4: missing title');
    expect(formatIssue({ file: 'faq.csv', message: 'empty file' })).toBe('faq.csv: empty file');
  });
});
