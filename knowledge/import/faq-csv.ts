/**
 * A CSV FAQ file -> one article per row: columns `question,answer[,id]`. A first row naming those columns (in any
 * order, any case) is a header; without one the columns are taken in that order. The article id is `id` when given,
 * else the question; title = question, body = answer. All or nothing: any problem throws
 * {@link KnowledgeImportError} listing every problem with its line.
 */
import { CsvError, parse } from 'csv-parse/sync';
import type { KnowledgeDocument } from '../retrieval/types';
import { throwIfIssues, type KnowledgeImportIssue } from './import-errors';

/** Options of {@link parseFaqCsv}. */
export interface FaqCsvOptions {
  /** Name used in problems. */
  file: string;
  /** Language of every row (the format has no language). @defaultValue 'en' */
  language?: string;
}

const COLUMNS = ['question', 'answer', 'id'] as const;
type Column = (typeof COLUMNS)[number];

interface Row {
  cells: string[];
  line: number;
}

function readRows(text: string, file: string): Row[] {
  try {
    const records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true }) as unknown as Array<{
      record: string[];
      info: { lines: number };
    }>;
    // csv-parse reports the line where a record ends; a quoted cell spanning lines moves that past where it starts.
    return records.map(({ record, info }) => ({
      cells: record,
      line: info.lines - record.reduce((sum, cell) => sum + (cell.match(/\r\n|\r|\n/g)?.length ?? 0), 0),
    }));
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    throwIfIssues([{ file, ...(line !== undefined ? { line } : {}), message: `not valid CSV: ${error.message}` }]);
    return [];
  }
}

/** Column positions from a header row, or `undefined` when the first row is data. */
function headerColumns(first: readonly string[]): Map<Column, number> | undefined {
  const names = first.map((cell) => cell.trim().toLowerCase());
  if (!names.includes('question') || !names.includes('answer')) return undefined;
  const columns = new Map<Column, number>();
  names.forEach((name, i) => {
    if ((COLUMNS as readonly string[]).includes(name)) columns.set(name as Column, i);
  });
  return columns;
}

/**
 * Parses a CSV FAQ text.
 *
 * @throws KnowledgeImportError listing every problem (CSV syntax, missing cells, duplicate ids).
 * @example
 * parseFaqCsv('question,answer\n"Do you ship abroad?","Yes, worldwide."\n', { file: 'faq.csv' });
 */
export function parseFaqCsv(text: string, options: FaqCsvOptions): KnowledgeDocument[] {
  const { file } = options;
  const language = options.language ?? 'en';
  const rows = readRows(text, file);
  if (!rows.length) throwIfIssues([{ file, message: 'the file has no rows; expected question,answer[,id]' }]);
  const header = headerColumns(rows[0]!.cells);
  const columns = header ?? new Map<Column, number>([['question', 0], ['answer', 1], ['id', 2]]);
  const data = header ? rows.slice(1) : rows;
  const width = header ? Math.max(...columns.values()) + 1 : undefined;
  const issues: KnowledgeImportIssue[] = [];
  const documents: KnowledgeDocument[] = [];
  const seen = new Map<string, number>();
  for (const { cells, line } of data) {
    const cell = (column: Column) => {
      const index = columns.get(column);
      return index === undefined ? '' : (cells[index] ?? '').trim();
    };
    if (width === undefined ? cells.length < 2 || cells.length > 3 : cells.length < width) {
      issues.push({ file, line, message: `has ${cells.length} column${cells.length === 1 ? '' : 's'}; expected question,answer[,id]` });
      continue;
    }
    const question = cell('question');
    const answer = cell('answer');
    const id = cell('id') || question;
    if (!question) issues.push({ file, line, message: 'the question is empty' });
    if (!answer) issues.push({ file, line, message: 'the answer is empty' });
    if (!question || !answer) continue;
    const earlier = seen.get(id);
    if (earlier !== undefined) {
      issues.push({ file, line, message: `article id "${id}" is already used on line ${earlier}` });
      continue;
    }
    seen.set(id, line);
    documents.push({ articleId: id, language, title: question, body: answer, questions: [] });
  }
  throwIfIssues(issues);
  if (!documents.length) throwIfIssues([{ file, message: 'the file has no questions; expected question,answer[,id] rows' }]);
  return documents;
}
