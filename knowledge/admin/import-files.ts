/**
 * Turns the files of an admin import (Markdown files with front matter, or one FAQ file as JSON or CSV) into article
 * versions for the store, all or nothing: any problem in any file refuses the whole import with every problem listed
 * by file and line (KnowledgeImportError).
 */
import { createHash } from 'node:crypto';
import { KnowledgeImportError, parseFaqCsv, parseFaqJson, parseMarkdownArticle, type KnowledgeImportIssue } from '../import';
import { languageCode } from '../import/language-codes';
import type { KnowledgeDocument } from '../retrieval/types';
import type { ImportedVersion } from '../store/knowledge-store';

/** One uploaded file. */
export interface ImportFile {
  /** Name, with folders for Markdown (`de/shipping.md`): a folder named like a language code gives the language. */
  name: string;
  content: string;
}

/** What to import. */
export interface ImportRequest {
  format: 'markdown' | 'faq-json' | 'faq-csv';
  files: readonly ImportFile[];
  /** Language of files that do not say theirs. */
  language: string;
  /** Category of new articles that do not say theirs. */
  category: string;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,127}$/;

/**
 * An article id usable in URLs: ids that are already slugs stay; others (FAQ questions) become a folded, hyphenated
 * slug with a short hash of the original, so two different questions never share an id.
 */
export function slugFor(id: string): string {
  if (SLUG.test(id)) return id;
  const folded = id
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const hash = createHash('sha1').update(id).digest('hex').slice(0, 8);
  return folded ? `${folded}-${hash}` : `faq-${hash}`;
}

function languageOfPath(name: string): string | undefined {
  const folders = name.split('/').slice(0, -1).reverse();
  for (const folder of folders) {
    const code = languageCode(folder);
    if (code) return code;
  }
  return undefined;
}

function toVersion(document: KnowledgeDocument, category: string): ImportedVersion {
  return {
    slug: slugFor(document.articleId),
    language: document.language,
    category: document.category ?? category,
    title: document.title,
    body: document.body,
    questions: document.questions,
    tags: document.tags ?? [],
  };
}

/**
 * Parses the files. @throws KnowledgeImportError listing every problem (nothing is returned then), including two files
 * that give the same article in the same language.
 */
export function parseImport(request: ImportRequest): ImportedVersion[] {
  const issues: KnowledgeImportIssue[] = [];
  const documents: Array<{ file: string; document: KnowledgeDocument }> = [];
  for (const file of request.files) {
    try {
      if (request.format === 'markdown') {
        const base = file.name.split('/').pop()!.replace(/\.(md|markdown)$/i, '');
        const result = parseMarkdownArticle(file.content, { file: file.name, fallbackId: base, fallbackLanguage: languageOfPath(file.name) ?? request.language });
        issues.push(...result.issues);
        if (result.document) documents.push({ file: file.name, document: result.document });
      } else {
        const parse = request.format === 'faq-json' ? parseFaqJson : parseFaqCsv;
        for (const document of parse(file.content, { file: file.name, language: request.language })) documents.push({ file: file.name, document });
      }
    } catch (error) {
      if (error instanceof KnowledgeImportError) issues.push(...error.issues);
      else throw error;
    }
  }
  const seen = new Map<string, string>();
  for (const { file, document } of documents) {
    const key = `${slugFor(document.articleId)}/${document.language}`;
    const first = seen.get(key);
    if (first !== undefined) issues.push({ file, message: `the ${document.language} version of article "${document.articleId}" is also in ${first}; keep one` });
    else seen.set(key, file);
  }
  if (issues.length) throw new KnowledgeImportError(issues);
  return documents.map(({ document }) => toVersion(document, request.category));
}
