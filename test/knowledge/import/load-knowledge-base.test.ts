import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadKnowledgeBase, UnsupportedKnowledgeSourceError } from '../../../knowledge/import/load-knowledge-base';
import { KnowledgeImportError } from '../../../knowledge/import/import-errors';

describe('loadKnowledgeBase', () => {
  let root: string;

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'kb-load-'));
    mkdirSync(join(root, 'articles', 'de'), { recursive: true });
    writeFileSync(join(root, 'articles', 'de', 'versand.md'), '---\ntitle: Versand\n---\nWir versenden weltweit.');
    writeFileSync(join(root, 'faq.json'), '{"questions":[{"question":"Do you ship abroad?","answer":"Yes."}]}');
    writeFileSync(join(root, 'faq.csv'), 'question,answer\nDo you ship abroad?,Yes.\n');
    writeFileSync(join(root, 'bad.csv'), 'question,answer\n,Yes.\n');
    writeFileSync(join(root, 'notes.txt'), 'hello');
  });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads a folder as Markdown articles', async () => {
    expect(await loadKnowledgeBase(join(root, 'articles'))).toEqual([expect.objectContaining({ articleId: 'versand', language: 'de', title: 'Versand' })]);
  });

  it('reads a single Markdown article, its language from its folder', async () => {
    expect(await loadKnowledgeBase(join(root, 'articles', 'de', 'versand.md'))).toEqual([expect.objectContaining({ articleId: 'versand', language: 'de' })]);
  });

  it('reads JSON and CSV FAQ files in the default language', async () => {
    expect(await loadKnowledgeBase(join(root, 'faq.json'), { defaultLanguage: 'fr' })).toEqual([expect.objectContaining({ articleId: 'Do you ship abroad?', language: 'fr' })]);
    expect(await loadKnowledgeBase(join(root, 'faq.csv'))).toEqual([expect.objectContaining({ title: 'Do you ship abroad?', language: 'en' })]);
  });

  it('passes the problems of a file on', async () => {
    await expect(loadKnowledgeBase(join(root, 'bad.csv'))).rejects.toBeInstanceOf(KnowledgeImportError);
  });

  it('refuses a file of another kind, saying which kinds it reads', async () => {
    await expect(loadKnowledgeBase(join(root, 'notes.txt'))).rejects.toThrow(UnsupportedKnowledgeSourceError);
    await expect(loadKnowledgeBase(join(root, 'notes.txt'))).rejects.toThrow(/a folder of Markdown articles, a .md article, a JSON FAQ/);
  });
});
