/**
 * One Markdown file with optional YAML front matter -> one article version. Front matter keys: `id`, `title`,
 * `language` (or `lang`), `category`, `tags`, `questions`, `url`; other keys (a site generator's `date`, `author`,
 * ...) are ignored. Without `id` the file name is the article id; without `title` the body's leading `# Heading` is;
 * without a language the caller's (the folder's, or the import's default) is.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { KnowledgeDocument } from '../retrieval/types';
import type { KnowledgeImportIssue } from './import-errors';
import { languageCode } from './language-codes';

/** Where a Markdown text came from, and the fallbacks for what its front matter leaves out. */
export interface MarkdownArticleContext {
  /** Name used in problems (a path or an upload's name). */
  file: string;
  /** Article id when the front matter has none: normally the file name without extension. */
  fallbackId: string;
  /** Language when the front matter has none (the folder's, or the import's default). */
  fallbackLanguage?: string;
}

/** The parsed version, or the problems that stop it. */
export interface MarkdownArticleResult {
  document?: KnowledgeDocument;
  issues: KnowledgeImportIssue[];
}

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/m;
const MAX_ID_LENGTH = 200;

interface Located {
  file: string;
  document: Document;
  counter: LineCounter;
  /** Line of the front matter's first line in the file (the one after `---`). */
  firstLine: number;
}

function lineOf(where: Located, key: string, index?: number): number {
  const node = index === undefined ? where.document.get(key, true) : where.document.getIn([key, index], true);
  const pair = isMap(where.document.contents) ? where.document.contents.items.find((item) => isScalar(item.key) && item.key.value === key) : undefined;
  const range = (node as { range?: [number, number, number] } | undefined)?.range ?? (pair?.key as { range?: [number, number, number] } | undefined)?.range;
  return range ? where.counter.linePos(range[0]).line + where.firstLine - 1 : where.firstLine;
}

function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A list of texts: a YAML sequence of strings, or one string (tags: also comma-separated). */
function textList(where: Located, data: Record<string, unknown>, key: string, commaSeparated: boolean, issues: KnowledgeImportIssue[]): string[] {
  const value = data[key];
  if (value === undefined || value === null) return [];
  if (typeof value === 'string') return (commaSeparated ? value.split(',') : [value]).map((item) => item.trim()).filter(Boolean);
  if (!Array.isArray(value)) {
    issues.push({ file: where.file, line: lineOf(where, key), message: `\`${key}\` must be a list of texts, e.g. ${key}: [first, second]` });
    return [];
  }
  const out: string[] = [];
  value.forEach((item, i) => {
    const text = scalarText(item);
    if (text) out.push(text);
    else issues.push({ file: where.file, line: lineOf(where, key, i), message: `item ${i + 1} of \`${key}\` must be a non-empty text` });
  });
  return out;
}

/** Splits front matter from the body; the body's first line number comes with it. */
function splitFrontMatter(text: string): { yaml?: string; body: string; bodyLine: number; unclosed?: boolean } {
  const opening = OPENING.exec(text);
  if (!opening) return { body: text.replace(/^\uFEFF/, ''), bodyLine: 1 };
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return { body: '', bodyLine: 1, unclosed: true };
  const yaml = rest.slice(0, closing.index);
  const afterClosing = rest.slice(closing.index + closing[0].length).replace(/^\r?\n/, '');
  const yamlLines = yaml.split('\n').length - 1;
  return { yaml, body: afterClosing, bodyLine: 2 + yamlLines + 1 };
}

/**
 * Parses one Markdown article. Never throws for bad content: problems come back in `issues` (and then no document).
 *
 * @example
 * parseMarkdownArticle('---\nid: gift-cards\ntitle: Gift cards\n---\nDigital gift cards from EUR 25.', { file: 'gift-cards.md', fallbackId: 'gift-cards', fallbackLanguage: 'en' });
 */
export function parseMarkdownArticle(text: string, context: MarkdownArticleContext): MarkdownArticleResult {
  const { file } = context;
  const issues: KnowledgeImportIssue[] = [];
  const split = splitFrontMatter(text);
  if (split.unclosed) {
    return { issues: [{ file, line: 1, message: 'the front matter opened with `---` is never closed: add a `---` line after it' }] };
  }
  let data: Record<string, unknown> = {};
  let where: Located | undefined;
  if (split.yaml !== undefined) {
    const counter = new LineCounter();
    const document = parseDocument(split.yaml, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
    where = { file, document, counter, firstLine: 2 };
    const lastLine = split.bodyLine - 2;
    for (const error of document.errors) {
      const line = Math.min(counter.linePos(error.pos[0]).line + 1, lastLine);
      issues.push({ file, line, message: `front matter is not valid YAML: ${error.message.split('\n')[0]}` });
    }
    if (issues.length) return { issues };
    const value: unknown = document.toJS();
    if (value !== null && value !== undefined) {
      if (!isMap(document.contents)) return { issues: [{ file, line: 2, message: 'front matter must be `key: value` lines (a YAML mapping)' }] };
      data = value as Record<string, unknown>;
    }
  }
  const located: Located = where ?? { file, document: parseDocument(''), counter: new LineCounter(), firstLine: 2 };
  const field = (key: string): string | undefined => {
    const value = data[key];
    if (value === undefined || value === null) return undefined;
    const text = scalarText(value);
    if (text === undefined || isSeq(located.document.get(key, true))) {
      issues.push({ file, line: lineOf(located, key), message: `\`${key}\` must be a single text` });
      return undefined;
    }
    return text;
  };

  const id = field('id') ?? context.fallbackId.trim();
  if (!id) issues.push({ file, line: lineOf(located, 'id'), message: '`id` must not be empty' });
  else if (id.length > MAX_ID_LENGTH) issues.push({ file, line: lineOf(located, 'id'), message: `\`id\` is longer than ${MAX_ID_LENGTH} characters` });

  const languageKey = data.language !== undefined ? 'language' : 'lang';
  const givenLanguage = field(languageKey);
  let language: string | undefined;
  if (givenLanguage !== undefined) {
    language = languageCode(givenLanguage);
    if (!language) issues.push({ file, line: lineOf(located, languageKey), message: `\`${languageKey}\` "${givenLanguage}" is not an ISO 639-1 language code such as en, zh or pt-BR` });
  } else if (context.fallbackLanguage) {
    language = context.fallbackLanguage;
  } else {
    issues.push({ file, line: 1, message: 'no language: add `language: xx` to the front matter, put the file in a folder named like the language (en/, zh/), or give the import a default language' });
  }

  let body = split.body;
  let title = field('title');
  if (title === '') {
    issues.push({ file, line: lineOf(located, 'title'), message: '`title` must not be empty' });
    title = undefined;
  } else if (title === undefined && data.title === undefined) {
    const heading = /^\s*#[ \t]+(.+?)[ \t#]*$/m.exec(body);
    if (heading && body.slice(0, heading.index).trim() === '') {
      title = heading[1]!.trim();
      body = body.slice(heading.index + heading[0].length);
    } else {
      issues.push({ file, line: 1, message: 'no title: add `title:` to the front matter or start the text with a `# Title` line' });
    }
  }
  if (!body.trim()) issues.push({ file, line: split.bodyLine, message: 'the article has no text after its front matter' });

  const category = field('category');
  const url = field('url');
  const tags = textList(located, data, 'tags', true, issues);
  const questions = textList(located, data, 'questions', false, issues);
  if (issues.length || !language || !title) return { issues };
  return {
    issues,
    document: {
      articleId: id,
      language,
      title,
      body: body.trim(),
      questions,
      ...(category ? { category } : {}),
      ...(tags.length ? { tags } : {}),
      ...(url ? { url } : {}),
    },
  };
}
