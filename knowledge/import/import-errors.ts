/** Errors of the knowledge-base loaders: every problem found, each with its file and line. */

/** One problem of an imported file. */
export interface KnowledgeImportIssue {
  /** The file as given to the loader (a path, or the name the caller gave an uploaded text). */
  file: string;
  /** 1-based line of the problem; absent when it concerns the whole file. */
  line?: number;
  /** What is wrong and how to fix it. */
  message: string;
}

/**
 * A knowledge-base import was refused: the files had problems, and nothing from them was returned. `issues` lists
 * every problem, in file and line order, so they can all be fixed before the next try.
 */
export class KnowledgeImportError extends Error {
  override readonly name = 'KnowledgeImportError';

  constructor(readonly issues: readonly KnowledgeImportIssue[]) {
    const first = issues[0];
    const count = issues.length;
    super(
      `The knowledge base import has ${count} problem${count === 1 ? '' : 's'}; nothing was imported. Fix ${count === 1 ? 'it' : 'them'} and import again.` +
        (first ? ` First: ${formatIssue(first)}` : ''),
    );
  }
}

/** `file:line: message`, the way compilers and linters print problems. */
export function formatIssue(issue: KnowledgeImportIssue): string {
  return `${issue.file}${issue.line !== undefined ? `:${issue.line}` : ''}: ${issue.message}`;
}

/** Throws {@link KnowledgeImportError} when there are issues (sorted by file, then line). */
export function throwIfIssues(issues: readonly KnowledgeImportIssue[]): void {
  if (!issues.length) return;
  const sorted = [...issues].sort((a, b) => (a.file === b.file ? (a.line ?? 0) - (b.line ?? 0) : a.file < b.file ? -1 : 1));
  throw new KnowledgeImportError(sorted);
}
