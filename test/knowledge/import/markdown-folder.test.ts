import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeImportError } from '../../../knowledge/import/import-errors';
import { loadMarkdownFolder } from '../../../knowledge/import/markdown-folder';

describe('loadMarkdownFolder', () => {
  let root: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'kb-md-'));
  });

  afterEach(() => rmSync(root, { recursive: true, force: true }));

  function write(path: string, text: string): string {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, text);
    return full;
  }

  it('reads every Markdown file below the folder, sorted by path', async () => {
    write('en/shipping.md', '---\ntitle: Shipping\n---\nWe ship.');
    write('en/returns/policy.markdown', '---\ntitle: Returns\n---\nReturn it.');
    write('en/notes.txt', 'not an article');
    write('.drafts/secret.md', '---\ntitle: Draft\n---\nHidden.');
    const documents = await loadMarkdownFolder(root);
    expect(documents.map((d) => [d.articleId, d.language])).toEqual([
      ['policy', 'en'],
      ['shipping', 'en'],
    ]);
  });

  it('takes the language from the front matter, else the nearest language folder, else the default', async () => {
    write('zh/shipping.md', '---\ntitle: 配送\n---\n我们发货。');
    write('zh/faq/ja/shipping.md', '---\ntitle: 配送\n---\n発送します。');
    write('misc/shipping.md', '---\ntitle: Versand\nlanguage: de\n---\nWir versenden.');
    write('misc/returns.md', '---\ntitle: Returns\n---\nReturn it.');
    const documents = await loadMarkdownFolder(root, { defaultLanguage: 'en' });
    expect(documents.map((d) => `${d.articleId}/${d.language}`).sort()).toEqual(['returns/en', 'shipping/de', 'shipping/ja', 'shipping/zh']);
  });

  it('takes the language of the folder it is given when that is named like one', async () => {
    const folder = join(root, 'fr');
    mkdirSync(folder);
    writeFileSync(join(folder, 'retours.md'), '---\ntitle: Retours\n---\nRenvoyez-le.');
    expect((await loadMarkdownFolder(folder))[0]?.language).toBe('fr');
  });

  it('refuses the whole folder when any file has a problem, listing the problems of every file', async () => {
    write('en/good.md', '---\ntitle: Good\n---\nFine.');
    const bad = write('en/bad.md', '---\ntitle: Bad\nquestions: {a: 1}\n---\nFine.');
    const worse = write('xx/worse.md', 'No title and no language here.');
    const error = await loadMarkdownFolder(root).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KnowledgeImportError);
    expect((error as KnowledgeImportError).issues).toEqual([
      { file: bad, line: 3, message: expect.stringMatching(/`questions` must be a list/) },
      { file: worse, line: 1, message: expect.stringMatching(/^no language/) },
      { file: worse, line: 1, message: expect.stringMatching(/^no title/) },
    ]);
    expect((error as Error).message).toMatch(/^The knowledge base import has 3 problems; nothing was imported/);
  });

  it('refuses two files that define the same article in the same language', async () => {
    const first = write('en/a/shipping.md', '---\ntitle: Shipping\n---\nOne.');
    const second = write('en/b/shipping.md', '---\ntitle: Shipping again\n---\nTwo.');
    await expect(loadMarkdownFolder(root)).rejects.toMatchObject({
      issues: [{ file: second, line: 1, message: `article "shipping" in language en is already defined by ${first}` }],
    });
  });
});
