/**
 * Prepares an import from what the admin picked: which files of a chosen folder are Markdown articles (named by
 * their path inside the folder, so `help/de/shipping.md` is German), which FAQ format a single file is, and the
 * one-line `file:line: message` form of the issues the server reports.
 *
 * Pure module, unit-tested under Node.
 */
import type { ImportInput, ImportIssue } from './api-types';

/** A picked file, read as text. `name` is its path relative to the chosen folder's parent (`webkitRelativePath`). */
export interface PickedFile {
  name: string;
  content: string;
}

/** The import formats of the API. */
export type ImportFormat = ImportInput['format'];

const MARKDOWN = /\.(md|markdown)$/i;

/** True for a Markdown file not inside a hidden folder (`.git/`, `.obsidian/`) and not hidden itself. */
export function isMarkdownArticle(name: string): boolean {
  return MARKDOWN.test(name) && !name.split('/').some((part) => part.startsWith('.'));
}

/** The FAQ format of a file name, or undefined when it is neither `.json` nor `.csv`. */
export function faqFormatOf(name: string): Extract<ImportFormat, 'faq-json' | 'faq-csv'> | undefined {
  if (/\.json$/i.test(name)) return 'faq-json';
  if (/\.csv$/i.test(name)) return 'faq-csv';
  return undefined;
}

const LANGUAGE_FOLDER = /^([a-z]{2})(?:[-_][a-z0-9]{2,8})?$/i;

/**
 * The ISO 639-1 code a folder name stands for (`de`, `pt-BR` -> `pt`), or undefined. The same rule as the server's
 * `knowledge/import/language-codes.ts`: only codes ICU knows, so a folder called `kb` or `ui` is not a language.
 */
export function languageOfFolder(folder: string): string | undefined {
  const match = LANGUAGE_FOLDER.exec(folder.trim());
  if (!match) return undefined;
  const code = match[1]!.toLowerCase();
  try {
    return new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code) !== undefined ? code : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The language a Markdown file's folders name (the nearest language folder), or undefined; the server decides in
 * the end (front matter first), this is for the summary shown before importing.
 */
export function folderLanguage(name: string): string | undefined {
  for (const folder of name.split('/').slice(0, -1).reverse()) {
    const code = languageOfFolder(folder);
    if (code) return code;
  }
  return undefined;
}

/** `"47 files: de 12, en 35"`: what a folder import is about to send. */
export function describeMarkdownFiles(names: readonly string[], defaultLanguage: string): string {
  if (!names.length) return 'No Markdown files (.md) in this folder.';
  const counts = new Map<string, number>();
  for (const name of names) {
    const language = folderLanguage(name) ?? defaultLanguage;
    counts.set(language, (counts.get(language) ?? 0) + 1);
  }
  const parts = [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([language, count]) => `${language} ${count}`);
  return `${names.length} Markdown file${names.length === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** The request body of `POST /api/knowledge/import`. */
export function importRequest(
  format: ImportFormat,
  files: readonly PickedFile[],
  options: { language: string; category: string; publish: boolean },
): ImportInput {
  return {
    format,
    files: files.map(({ name, content }) => ({ name, content })),
    language: options.language,
    category: options.category.trim() || 'faq',
    publish: options.publish,
  };
}

/** Size of the JSON the import will send, in bytes (UTF-8), to warn before the server's body limit refuses it. */
export function requestBytes(request: ImportInput): number {
  return new TextEncoder().encode(JSON.stringify(request)).length;
}

/** `file:line: message`, the way compilers and linters print problems. */
export function formatIssue(issue: ImportIssue): string {
  return `${issue.file}${issue.line !== undefined ? `:${issue.line}` : ''}: ${issue.message}`;
}
