import { exportFileName, formatDateTime, formatScore, languageName, pageSummary, parseLines, parseTags, slugify, sourceFirst, textDirection, versionBadges } from '../../../web/admin/format';

describe('format helpers', () => {
  it('names languages in the admin’s language with their code, and falls back to the code', () => {
    expect(languageName('de', 'en')).toBe('German (de)');
    expect(languageName('de', 'fr')).toBe('allemand (de)');
    expect(languageName('zz', 'en')).toBe('zz');
  });

  it('writes Arabic right to left', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('zh')).toBe('ltr');
  });

  it('formats dates and leaves bad ones empty', () => {
    expect(formatDateTime('2025-03-12T14:05:00Z', 'en-GB')).toMatch(/12 Mar 2025/);
    expect(formatDateTime(null)).toBe('');
    expect(formatDateTime('yesterday')).toBe('');
  });

  it('splits questions by line and tags by comma, dropping blanks and repeats', () => {
    expect(parseLines(' a \r\n\nb\na')).toEqual(['a', 'b']);
    expect(parseTags('x, y ,, x\nz')).toEqual(['x', 'y', 'z']);
  });

  it('badges a published version with newer edits and an outdated translation', () => {
    expect(versionBadges({ status: 'published', revision: 3, publishedRevision: 2, stale: true })).toEqual(['Published', 'unpublished changes', 'outdated translation']);
    expect(versionBadges({ status: 'draft', revision: 1, publishedRevision: null, stale: false })).toEqual(['Draft']);
  });

  it('summarises a page of the list', () => {
    expect(pageSummary(20, 20, 47)).toBe('21–40 of 47');
    expect(pageSummary(0, 0, 0)).toBe('No articles');
  });

  it('suggests an article id from a title', () => {
    expect(slugify('Zölle & Steuern!')).toBe('zolle-steuern');
    expect(slugify('退货政策')).toBe('');
    expect(slugify('a'.repeat(70)).length).toBe(64);
  });

  it('orders versions source first, then by language code', () => {
    expect(sourceFirst([{ language: 'zh' }, { language: 'de' }, { language: 'en' }], 'en').map((v) => v.language)).toEqual(['en', 'de', 'zh']);
  });

  it('names export files by kind and day, and rounds scores for display', () => {
    expect(exportFileName('json', new Date('2025-03-12T10:00:00Z'))).toBe('knowledge-base-2025-03-12.json');
    expect(exportFileName('markdown', new Date('2025-03-12T10:00:00Z'))).toBe('knowledge-base-markdown-2025-03-12.json');
    expect(formatScore(0.123456)).toBe('0.123');
    expect(formatScore(undefined)).toBe('–');
  });
});
