/**
 * The article editor's form as data: the text fields as typed, whether they differ from the stored version, the
 * checks the API would make (so mistakes are shown next to the field before a round trip), and the save request.
 *
 * Pure module, unit-tested under Node.
 */
import type { ArticleVersion, SaveVersionInput } from './api-types';
import { parseLines, parseTags } from './format';

/** The editor fields exactly as typed. */
export interface EditorDraft {
  title: string;
  /** Markdown. */
  body: string;
  /** One question per line. */
  questions: string;
  /** Comma separated. */
  tags: string;
}

/** A field the editor validates. */
export type DraftField = keyof EditorDraft;

/** A problem with one field, shown next to it. */
export interface FieldProblem {
  field: DraftField;
  message: string;
}

/** Limits of `contentSchema` in knowledge/api/knowledge-schemas.ts. */
export const LIMITS = { title: 300, body: 50_000, questions: 20, question: 300, tags: 20, tag: 64 } as const;

/** The editor's fields for a stored version (or empty ones for a new version). */
export function draftFromVersion(version: Pick<ArticleVersion, 'title' | 'body' | 'questions' | 'tags'> | undefined): EditorDraft {
  if (!version) return { title: '', body: '', questions: '', tags: '' };
  return { title: version.title, body: version.body, questions: version.questions.join('\n'), tags: version.tags.join(', ') };
}

/** True when two drafts would save different text (blank lines and spacing in the lists do not count). */
export function draftsDiffer(draft: EditorDraft, baseline: EditorDraft): boolean {
  return (
    draft.title.trim() !== baseline.title.trim() ||
    draft.body !== baseline.body ||
    parseLines(draft.questions).join('\n') !== parseLines(baseline.questions).join('\n') ||
    parseTags(draft.tags).join('\n') !== parseTags(baseline.tags).join('\n')
  );
}

/** True when saving the draft would change the stored version (formatting-only changes of lists do not count). */
export function isDirty(draft: EditorDraft, version: Pick<ArticleVersion, 'title' | 'body' | 'questions' | 'tags'> | undefined): boolean {
  return draftsDiffer(draft, draftFromVersion(version));
}

/** Every problem of the draft, in field order; empty when it can be saved. */
export function validateDraft(draft: EditorDraft): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const title = draft.title.trim();
  if (!title) problems.push({ field: 'title', message: 'Give the article a title.' });
  else if (title.length > LIMITS.title) problems.push({ field: 'title', message: `The title is ${title.length} characters long; at most ${LIMITS.title}.` });
  if (!draft.body.trim()) problems.push({ field: 'body', message: 'Write the article text.' });
  else if (draft.body.length > LIMITS.body) problems.push({ field: 'body', message: `The text is ${draft.body.length} characters long; at most ${LIMITS.body}.` });
  const questions = parseLines(draft.questions);
  if (questions.length > LIMITS.questions) problems.push({ field: 'questions', message: `${questions.length} questions; at most ${LIMITS.questions}.` });
  const longQuestion = questions.findIndex((q) => q.length > LIMITS.question);
  if (longQuestion >= 0) problems.push({ field: 'questions', message: `Question ${longQuestion + 1} is longer than ${LIMITS.question} characters.` });
  const tags = parseTags(draft.tags);
  if (tags.length > LIMITS.tags) problems.push({ field: 'tags', message: `${tags.length} tags; at most ${LIMITS.tags}.` });
  const longTag = tags.find((tag) => tag.length > LIMITS.tag);
  if (longTag !== undefined) problems.push({ field: 'tags', message: `The tag "${longTag.slice(0, 20)}…" is longer than ${LIMITS.tag} characters.` });
  return problems;
}

/**
 * The `PUT .../versions/:language` body. `expectedRevision` is the revision the edit started from (absent for a new
 * version), so a save on top of someone else's is refused with 409 instead of replacing it. `sourceRevision` is
 * the source language's revision a translation was written from; it clears the "outdated" marker only for what
 * the translator actually saw.
 */
export function saveRequest(
  draft: EditorDraft,
  options: { expectedRevision?: number; sourceRevision?: number; publish?: boolean },
): SaveVersionInput {
  const request: SaveVersionInput = {
    title: draft.title.trim(),
    body: draft.body,
    questions: parseLines(draft.questions),
    tags: parseTags(draft.tags),
    publish: options.publish === true,
  };
  if (options.expectedRevision !== undefined) request.expectedRevision = options.expectedRevision;
  if (options.sourceRevision !== undefined) request.sourceRevision = options.sourceRevision;
  return request;
}
