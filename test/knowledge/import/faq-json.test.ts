import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KnowledgeImportError } from '../../../knowledge/import/import-errors';
import { parseFaqJson } from '../../../knowledge/import/faq-json';
import { projectRoot } from '../../../platform/paths';

/** The shared data sets sit beside the repository (absent on machines without them: that test is skipped). */
const DATASET = join(projectRoot, '..', 'shared', 'datasets', 'ecommerce_faq_79', 'Ecommerce_FAQ_Chatbot_dataset.json');

function issuesOf(text: string): KnowledgeImportError['issues'] {
  try {
    parseFaqJson(text, { file: 'faq.json' });
  } catch (error) {
    if (error instanceof KnowledgeImportError) return error.issues;
    throw error;
  }
  throw new Error('expected a KnowledgeImportError');
}

describe('parseFaqJson', () => {
  it('turns each question into an article: id = id or question, title = question, body = answer', () => {
    const documents = parseFaqJson(
      JSON.stringify({ questions: [{ question: 'Do you ship abroad?', answer: 'Yes.' }, { id: 7, question: 'Gift cards?', answer: 'From EUR 25.' }] }),
      { file: 'faq.json', language: 'de' },
    );
    expect(documents).toEqual([
      { articleId: 'Do you ship abroad?', language: 'de', title: 'Do you ship abroad?', body: 'Yes.', questions: [] },
      { articleId: '7', language: 'de', title: 'Gift cards?', body: 'From EUR 25.', questions: [] },
    ]);
  });

  it('accepts a bare array of entries and defaults to English', () => {
    expect(parseFaqJson('[{"question":"Q?","answer":"A."}]', { file: 'faq.json' })[0]?.language).toBe('en');
  });

  const withDataset = existsSync(DATASET) ? it : it.skip;

  withDataset('reads the e-commerce FAQ data set (79 questions)', () => {
    const documents = parseFaqJson(readFileSync(DATASET, 'utf8'), { file: DATASET });
    expect(documents).toHaveLength(79);
    expect(documents[0]).toMatchObject({ articleId: 'How can I create an account?', title: 'How can I create an account?' });
  });

  it('reports a JSON syntax error with its line', () => {
    expect(issuesOf('{\n  "questions": [\n    {"question": "Q?", "answer": "A."},\n  ]\n}')).toEqual([
      { file: 'faq.json', line: expect.any(Number), message: expect.stringMatching(/^not valid JSON/) },
    ]);
    expect(issuesOf('{\n  "questions": [\n    {"question": "Q?", "answer": "A."},\n  ]\n}')[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('reports every bad entry on its line', () => {
    const text = [
      '{"questions": [',
      '  {"question": "Fine?", "answer": "Yes."},',
      '  {"question": "", "answer": "No question."},',
      '  "not an object",',
      '  {"question": "No answer?"},',
      '  {"question": "Fine?", "answer": "Duplicate."},',
      '  {"id": [], "question": "Odd id?", "answer": "Yes."}',
      ']}',
    ].join('\n');
    expect(issuesOf(text)).toEqual([
      { file: 'faq.json', line: 3, message: 'entry 2: "question" must be a non-empty text' },
      { file: 'faq.json', line: 4, message: 'entry 3 must be an object with "question" and "answer"' },
      { file: 'faq.json', line: 5, message: 'entry 4: "answer" must be a non-empty text' },
      { file: 'faq.json', line: 6, message: 'entry 5: article id "Fine?" is already used on line 2' },
      { file: 'faq.json', line: 7, message: 'entry 6: "id" must be a non-empty text or a number' },
    ]);
  });

  it('reports a file of the wrong shape', () => {
    expect(issuesOf('{"faq": []}')).toEqual([{ file: 'faq.json', line: 1, message: expect.stringMatching(/^expected \{"questions"/) }]);
  });
});
