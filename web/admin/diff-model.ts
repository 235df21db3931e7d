/**
 * The API's revision diff (parts from the `diff` package) as rows the history view can draw: the body line by line
 * with old and new line numbers and long unchanged stretches folded, the title as inline segments, questions and
 * tags item by item.
 *
 * Pure module, unit-tested under Node.
 */
import type { DiffPart, RevisionDiff } from './api-types';

/** Whether a piece of text is in both revisions, only the newer one, or only the older one. */
export type ChangeKind = 'same' | 'added' | 'removed';

/** A piece of inline text (title). */
export interface DiffSegment {
  kind: ChangeKind;
  text: string;
}

/** One body line, or a fold of unchanged lines. */
export type DiffRow =
  | { kind: ChangeKind; text: string; oldNumber?: number; newNumber?: number }
  | { kind: 'skipped'; count: number };

/** The whole diff, ready to draw. */
export interface DiffModel {
  from: number;
  to: number;
  title: DiffSegment[];
  body: DiffRow[];
  questions: DiffSegment[];
  tags: DiffSegment[];
  /** False when the two revisions have the same text. */
  changed: boolean;
}

const kindOf = (part: { added: boolean; removed: boolean }): ChangeKind => (part.added ? 'added' : part.removed ? 'removed' : 'same');

/** Splits a part's text into lines; the newline ending the last line does not start another. */
function lines(text: string): string[] {
  const split = text.split('\n');
  if (split.length > 1 && split[split.length - 1] === '') split.pop();
  return split;
}

/**
 * Body parts -> numbered lines. Runs of more than `2 * context + 1` unchanged lines keep `context` lines on each side
 * of the changes and fold the rest into one `skipped` row.
 */
export function bodyRows(parts: ReadonlyArray<DiffPart<string>>, context = 3): DiffRow[] {
  const all: Array<Extract<DiffRow, { text: string }>> = [];
  let oldNumber = 1;
  let newNumber = 1;
  for (const part of parts) {
    const kind = kindOf(part);
    for (const text of lines(part.value)) {
      if (kind === 'same') all.push({ kind, text, oldNumber: oldNumber++, newNumber: newNumber++ });
      else if (kind === 'removed') all.push({ kind, text, oldNumber: oldNumber++ });
      else all.push({ kind, text, newNumber: newNumber++ });
    }
  }
  const rows: DiffRow[] = [];
  let index = 0;
  while (index < all.length) {
    if (all[index]!.kind !== 'same') {
      rows.push(all[index]!);
      index++;
      continue;
    }
    let end = index;
    while (end < all.length && all[end]!.kind === 'same') end++;
    const run = all.slice(index, end);
    const keepBefore = index === 0 ? 0 : context;
    const keepAfter = end === all.length ? 0 : context;
    if (run.length > keepBefore + keepAfter + 1) {
      rows.push(...run.slice(0, keepBefore), { kind: 'skipped', count: run.length - keepBefore - keepAfter }, ...run.slice(run.length - keepAfter));
    } else {
      rows.push(...run);
    }
    index = end;
  }
  return rows;
}

/** Inline parts (title) -> segments, dropping empty ones. */
export function inlineSegments(parts: ReadonlyArray<DiffPart<string>>): DiffSegment[] {
  return parts.filter((part) => part.value !== '').map((part) => ({ kind: kindOf(part), text: part.value }));
}

/** List parts (questions, tags) -> one segment per item. */
export function itemSegments(parts: ReadonlyArray<DiffPart<string[]>>): DiffSegment[] {
  return parts.flatMap((part) => part.value.map((text) => ({ kind: kindOf(part), text })));
}

/** The whole API diff as a {@link DiffModel}. */
export function diffModel(diff: RevisionDiff, context = 3): DiffModel {
  const title = inlineSegments(diff.title);
  const questions = itemSegments(diff.questions);
  const tags = itemSegments(diff.tags);
  const body = bodyRows(diff.body, context);
  const changed = [title, questions, tags, body].some((rows) => rows.some((row) => row.kind === 'added' || row.kind === 'removed'));
  return { from: diff.from, to: diff.to, title, body, questions, tags, changed };
}

/** A diff row as plain text with a `+`/`-`/space marker, e.g. for copying or a screen reader summary. */
export function rowText(row: DiffRow): string {
  if (row.kind === 'skipped') return `… ${row.count} unchanged line${row.count === 1 ? '' : 's'}`;
  return `${row.kind === 'added' ? '+' : row.kind === 'removed' ? '-' : ' '} ${row.text}`;
}
