/**
 * A knowledge base from a path, by what the path is: a folder of Markdown articles, a single Markdown article, a
 * JSON FAQ (`.json`) or a CSV FAQ (`.csv`).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import type { KnowledgeDocument } from '../retrieval/types';
import { parseFaqCsv } from './faq-csv';
import { parseFaqJson } from './faq-json';
import { throwIfIssues } from './import-errors';
import { languageCode } from './language-codes';
import { parseMarkdownArticle } from './markdown-article';
import { loadMarkdownFolder } from './markdown-folder';

/** Options of {@link loadKnowledgeBase}. */
export interface LoadKnowledgeBaseOptions {
  /**
   * Language of FAQ files (which carry none) and of Markdown files whose front matter and folders name none.
   * @defaultValue 'en'
   */
  defaultLanguage?: string;
}

/** Raised for a path that is none of the supported kinds. */
export class UnsupportedKnowledgeSourceError extends Error {
  override readonly name = 'UnsupportedKnowledgeSourceError';
}

/**
 * Loads every article version at `path`.
 *
 * @throws KnowledgeImportError listing every problem of the files (nothing is returned then).
 * @throws UnsupportedKnowledgeSourceError when `path` is not a folder, `.md`, `.json` or `.csv` file.
 * @example
 * const documents = await loadKnowledgeBase('knowledge/demo/articles');
 */
export async function loadKnowledgeBase(path: string, options: LoadKnowledgeBaseOptions = {}): Promise<KnowledgeDocument[]> {
  const language = options.defaultLanguage ?? 'en';
  const info = await stat(path);
  if (info.isDirectory()) return loadMarkdownFolder(path, { defaultLanguage: language });
  const extension = extname(path).toLowerCase();
  const text = await readFile(path, 'utf8');
  switch (extension) {
    case '.json':
      return parseFaqJson(text, { file: path, language });
    case '.csv':
      return parseFaqCsv(text, { file: path, language });
    case '.md':
    case '.markdown': {
      const result = parseMarkdownArticle(text, {
        file: path,
        fallbackId: basename(path, extname(path)),
        fallbackLanguage: languageCode(basename(dirname(path))) ?? language,
      });
      throwIfIssues(result.issues);
      return result.document ? [result.document] : [];
    }
    default:
      throw new UnsupportedKnowledgeSourceError(
        `${path} is not a knowledge base: give a folder of Markdown articles, a .md article, a JSON FAQ (.json) or a CSV FAQ (.csv)`,
      );
  }
}
