/**
 * A JSON FAQ file -> one article per question: `{"questions": [{"question", "answer", "id"?}]}` (a bare array of
 * entries is accepted too). The article id is `id` when given, else the question itself; the title is the question
 * and the body the answer. All or nothing: any problem throws {@link KnowledgeImportError} with every problem and its
 * line (JSON.parse finds syntax errors; the `yaml` parser, JSON being YAML, gives each entry's line).
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { KnowledgeDocument } from '../retrieval/types';
import { throwIfIssues, type KnowledgeImportIssue } from './import-errors';
import { jsonErrorOffset } from './json-error-position';

/** Options of {@link parseFaqJson}. */
export interface FaqJsonOptions {
  /** Name used in problems. */
  file: string;
  /** Language of every entry (the format has no language). @defaultValue 'en' */
  language?: string;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Line of a JSON syntax error (see json-error-position.ts for why not from the error message). */
function syntaxErrorLine(text: string): number | undefined {
  const offset = jsonErrorOffset(text);
  return offset === undefined ? undefined : lineAt(text, offset);
}

function nodeLine(node: Node | null | undefined, counter: LineCounter): number | undefined {
  return node?.range ? counter.linePos(node.range[0]).line : undefined;
}

/**
 * Parses a JSON FAQ text.
 *
 * @throws KnowledgeImportError listing every problem (not JSON, wrong shape, empty question or answer, duplicate id).
 * @example
 * parseFaqJson('{"questions":[{"question":"Do you ship abroad?","answer":"Yes, worldwide."}]}', { file: 'faq.json' });
 */
export function parseFaqJson(text: string, options: FaqJsonOptions): KnowledgeDocument[] {
  const { file } = options;
  const language = options.language ?? 'en';
  const source = text.replace(/^\uFEFF/, '');
  try {
    JSON.parse(source);
  } catch (error) {
    const line = syntaxErrorLine(source);
    throwIfIssues([{ file, ...(line !== undefined ? { line } : {}), message: `not valid JSON: ${(error as Error).message}` }]);
  }
  const counter = new LineCounter();
  const document = parseDocument(source, { lineCounter: counter });
  const root = document.contents;
  const list = isSeq(root) ? root : isMap(root) ? root.get('questions', true) : undefined;
  if (!isSeq(list)) {
    throwIfIssues([{ file, line: 1, message: 'expected {"questions": [{"question": "...", "answer": "..."}, ...]}' }]);
    return [];
  }
  const issues: KnowledgeImportIssue[] = [];
  const documents: KnowledgeDocument[] = [];
  const seen = new Map<string, number>();
  list.items.forEach((item, i) => {
    const line = nodeLine(item as Node, counter) ?? 1;
    if (!isMap(item)) {
      issues.push({ file, line, message: `entry ${i + 1} must be an object with "question" and "answer"` });
      return;
    }
    const value = item.toJSON() as Record<string, unknown>;
    const fieldLine = (key: string) => nodeLine(item.get(key, true) as Node | undefined, counter) ?? line;
    const question = typeof value.question === 'string' ? value.question.trim() : '';
    const answer = typeof value.answer === 'string' ? value.answer.trim() : '';
    if (!question) issues.push({ file, line: fieldLine('question'), message: `entry ${i + 1}: "question" must be a non-empty text` });
    if (!answer) issues.push({ file, line: fieldLine('answer'), message: `entry ${i + 1}: "answer" must be a non-empty text` });
    let id = question;
    if (value.id !== undefined && value.id !== null) {
      if ((typeof value.id === 'string' && value.id.trim()) || (typeof value.id === 'number' && Number.isFinite(value.id))) id = String(value.id).trim();
      else issues.push({ file, line: fieldLine('id'), message: `entry ${i + 1}: "id" must be a non-empty text or a number` });
    }
    if (!question || !answer || !id) return;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      issues.push({ file, line, message: `entry ${i + 1}: article id "${id}" is already used on line ${earlier}` });
      return;
    }
    seen.set(id, line);
    documents.push({ articleId: id, language, title: question, body: answer, questions: [] });
  });
  throwIfIssues(issues);
  return documents;
}
