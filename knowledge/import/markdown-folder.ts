/**
 * A folder of Markdown articles (searched recursively) -> article versions. The language of a file is its front
 * matter's, else that of the nearest folder on its path named like a language (`articles/zh/shipping.md` -> `zh`),
 * else the caller's default. All or nothing: any problem in any file throws {@link KnowledgeImportError} listing
 * every problem of every file.
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import type { KnowledgeDocument } from '../retrieval/types';
import { throwIfIssues, type KnowledgeImportIssue } from './import-errors';
import { languageCode } from './language-codes';
import { parseMarkdownArticle } from './markdown-article';

/** Options of {@link loadMarkdownFolder}. */
export interface MarkdownFolderOptions {
  /** Language of files that neither their front matter nor their folders name. */
  defaultLanguage?: string;
}

const MARKDOWN = new Set(['.md', '.markdown']);

async function markdownFiles(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && MARKDOWN.has(extname(entry.name).toLowerCase()) && !entry.name.startsWith('.'))
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => !relative(folder, path).split(sep).some((part) => part.startsWith('.')))
    .sort();
}

/** The language named by the nearest folder between `root` (included) and the file. */
function folderLanguage(root: string, file: string): string | undefined {
  const folders = [basename(root), ...relative(root, file).split(sep).slice(0, -1)];
  for (let i = folders.length - 1; i >= 0; i--) {
    const code = languageCode(folders[i]!);
    if (code) return code;
  }
  return undefined;
}

/**
 * Every Markdown article under `folder`, sorted by path.
 *
 * @throws KnowledgeImportError when any file has a problem (then nothing is returned), or when two files define the
 * same article in the same language.
 * @example
 * const documents = await loadMarkdownFolder('knowledge/demo/articles', { defaultLanguage: 'en' });
 */
export async function loadMarkdownFolder(folder: string, options: MarkdownFolderOptions = {}): Promise<KnowledgeDocument[]> {
  const issues: KnowledgeImportIssue[] = [];
  const documents: KnowledgeDocument[] = [];
  const seen = new Map<string, string>();
  for (const path of await markdownFiles(folder)) {
    const fallbackLanguage = folderLanguage(folder, path) ?? options.defaultLanguage;
    const result = parseMarkdownArticle(await readFile(path, 'utf8'), {
      file: path,
      fallbackId: basename(path, extname(path)),
      ...(fallbackLanguage ? { fallbackLanguage } : {}),
    });
    issues.push(...result.issues);
    const document = result.document;
    if (!document) continue;
    const key = `${document.articleId}\u0000${document.language}`;
    const earlier = seen.get(key);
    if (earlier) {
      issues.push({ file: path, line: 1, message: `article "${document.articleId}" in language ${document.language} is already defined by ${earlier}` });
      continue;
    }
    seen.set(key, path);
    documents.push(document);
  }
  throwIfIssues(issues);
  return documents;
}
