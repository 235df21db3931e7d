import { formatIssue, KnowledgeImportError } from '../../../knowledge/import/import-errors';

describe('KnowledgeImportError', () => {
  it('says how many problems there are, that nothing was imported, and the first one', () => {
    const error = new KnowledgeImportError([
      { file: 'a.md', line: 3, message: 'bad' },
      { file: 'b.md', message: 'worse' },
    ]);
    expect(error.name).toBe('KnowledgeImportError');
    expect(error.message).toBe('The knowledge base import has 2 problems; nothing was imported. Fix them and import again. First: a.md:3: bad');
    expect(error.issues).toHaveLength(2);
  });

  it('formats an issue like a compiler does', () => {
    expect(formatIssue({ file: 'faq.csv', line: 7, message: 'the answer is empty' })).toBe('faq.csv:7: the answer is empty');
    expect(formatIssue({ file: 'faq.csv', message: 'empty' })).toBe('faq.csv: empty');
  });
});
