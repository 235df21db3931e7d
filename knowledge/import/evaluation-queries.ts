/**
 * Labelled questions for retrieval evaluation: JSONL files of `{"query", "article", "lang"?}` (one per line), or a
 * folder of them. Every bad line is reported with its file and line.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { EvaluationQuery } from '../retrieval/retrieval-evaluation';
import { KnowledgeImportError, throwIfIssues, type KnowledgeImportIssue } from './import-errors';
import { languageCode } from './language-codes';

/** Parses one JSONL text of labelled questions. */
export function parseEvaluationQueries(text: string, file: string): EvaluationQuery[] {
  const issues: KnowledgeImportIssue[] = [];
  const queries: EvaluationQuery[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (!raw.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      issues.push({ file, line, message: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    const record = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
    const query = typeof record.query === 'string' ? record.query.trim() : '';
    const article = typeof record.article === 'string' || typeof record.article === 'number' ? String(record.article).trim() : '';
    if (!query || !article) {
      issues.push({ file, line, message: 'expected {"query": "...", "article": "article-id", "lang": "xx"}' });
      return;
    }
    const lang = typeof record.lang === 'string' ? languageCode(record.lang) : undefined;
    if (record.lang !== undefined && !lang) {
      issues.push({ file, line, message: `"lang" ${JSON.stringify(record.lang)} is not an ISO 639-1 code` });
      return;
    }
    queries.push({ query, article, ...(lang ? { lang } : {}) });
  });
  throwIfIssues(issues);
  return queries;
}

/**
 * The questions of a JSONL file, or of every `.jsonl` file in a folder (sorted by name).
 *
 * @throws KnowledgeImportError listing every bad line.
 */
export async function readEvaluationQueries(path: string): Promise<EvaluationQuery[]> {
  if ((await stat(path)).isDirectory()) {
    const files = (await readdir(path)).filter((name) => name.endsWith('.jsonl')).sort();
    const all: EvaluationQuery[] = [];
    const issues: KnowledgeImportIssue[] = [];
    for (const name of files) {
      try {
        all.push(...(await readEvaluationQueries(join(path, name))));
      } catch (error) {
        if (!(error instanceof KnowledgeImportError)) throw error;
        issues.push(...error.issues);
      }
    }
    throwIfIssues(issues);
    return all;
  }
  return parseEvaluationQueries(await readFile(path, 'utf8'), path);
}
