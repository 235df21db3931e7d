import { KnowledgeImportError } from '../../../knowledge/import/import-errors';
import { parseFaqCsv } from '../../../knowledge/import/faq-csv';

function issuesOf(text: string): KnowledgeImportError['issues'] {
  try {
    parseFaqCsv(text, { file: 'faq.csv' });
  } catch (error) {
    if (error instanceof KnowledgeImportError) return error.issues;
    throw error;
  }
  throw new Error('expected a KnowledgeImportError');
}

describe('parseFaqCsv', () => {
  it('reads rows under a header naming the columns, in any order', () => {
    expect(parseFaqCsv('ID,Answer,Question\nship,"Yes, worldwide.",Do you ship abroad?\n,From EUR 25.,Gift cards?\n', { file: 'faq.csv', language: 'fr' })).toEqual([
      { articleId: 'ship', language: 'fr', title: 'Do you ship abroad?', body: 'Yes, worldwide.', questions: [] },
      { articleId: 'Gift cards?', language: 'fr', title: 'Gift cards?', body: 'From EUR 25.', questions: [] },
    ]);
  });

  it('reads rows without a header as question,answer[,id]', () => {
    expect(parseFaqCsv('Do you ship abroad?,Yes.\nGift cards?,From EUR 25.,gift\n', { file: 'faq.csv' }).map((d) => d.articleId)).toEqual(['Do you ship abroad?', 'gift']);
  });

  it('keeps answers spanning several lines', () => {
    expect(parseFaqCsv('question,answer\nReturns?,"Within 30 days.\nUnworn, with tags."\n', { file: 'faq.csv' })[0]?.body).toBe('Within 30 days.\nUnworn, with tags.');
  });

  it('reports every bad row on the line where it starts', () => {
    const text = ['question,answer,id', 'Fine?,"Yes,\nreally.",a', 'Empty answer?,,b', 'Lonely', 'Again?,Yes.,a', ',No question.,c'].join('\n');
    expect(issuesOf(text)).toEqual([
      { file: 'faq.csv', line: 4, message: 'the answer is empty' },
      { file: 'faq.csv', line: 5, message: 'has 1 column; expected question,answer[,id]' },
      { file: 'faq.csv', line: 6, message: 'article id "a" is already used on line 2' },
      { file: 'faq.csv', line: 7, message: 'the question is empty' },
    ]);
  });

  it('reports a CSV syntax error with its line', () => {
    expect(issuesOf('question,answer\nOK?,Yes.\nBroken?,"unclosed\n')).toEqual([{ file: 'faq.csv', line: expect.any(Number), message: expect.stringMatching(/^not valid CSV/) }]);
  });

  it('reports an empty file', () => {
    expect(issuesOf('')).toEqual([{ file: 'faq.csv', message: expect.stringMatching(/no rows/) }]);
    expect(issuesOf('question,answer\n')).toEqual([{ file: 'faq.csv', message: expect.stringMatching(/no questions/) }]);
  });
});
