/**
 * The fields of one language version: title, Markdown body with its live preview, questions (one per line) and
 * tags. Read-only for agents (the fields stay selectable and copyable, only not editable).
 */
import type { KnowledgeApi } from '../api-client';
import { field, h, type Field } from '../dom';
import { LIMITS, type DraftField, type EditorDraft, type FieldProblem } from '../editor-state';
import { textDirection } from '../format';
import { markdownPreview } from './markdown-preview';

/** The form. */
export interface VersionForm {
  element: HTMLElement;
  read(): EditorDraft;
  /** Replaces the fields' text (after loading or reloading) and refreshes the preview. */
  write(draft: EditorDraft): void;
  /** Shows the problems next to their fields and focuses the first one; clears the others. */
  showProblems(problems: readonly FieldProblem[]): void;
  focusFirst(): void;
}

/** Builds the fields; `onInput` runs on every change (dirty tracking). */
export function versionForm(options: {
  api: KnowledgeApi;
  signal: AbortSignal;
  language: string;
  readOnly: boolean;
  onInput: () => void;
}): VersionForm {
  const { language, readOnly } = options;
  const dir = textDirection(language);
  const title = h('input', { type: 'text', name: 'title', maxlength: LIMITS.title, lang: language, dir, 'data-testid': 'title-input' });
  const body = h('textarea', { name: 'body', rows: 18, lang: language, dir, spellcheck: 'true', class: 'markdown-input', 'data-testid': 'body-input' });
  const questions = h('textarea', { name: 'questions', rows: 4, lang: language, dir, 'data-testid': 'questions-input' });
  const tags = h('input', { type: 'text', name: 'tags', lang: language, dir, 'data-testid': 'tags-input' });
  for (const control of [title, body, questions, tags]) {
    control.readOnly = readOnly;
    control.addEventListener('input', () => options.onInput());
  }
  const preview = markdownPreview(options.api, options.signal, 'Preview (as shoppers see it)');
  body.addEventListener('input', () => preview.update(body.value));

  const fields: Record<DraftField, Field<HTMLInputElement | HTMLTextAreaElement>> = {
    title: field('Title', title),
    body: field('Text (Markdown)', body, 'Headings, lists, links and tables. The preview shows the result.'),
    questions: field('Questions it answers', questions, `One per line, at most ${LIMITS.questions}. The bot matches shoppers' questions against these too.`),
    tags: field('Tags', tags, 'Comma separated.'),
  };

  const element = h(
    'div',
    { class: 'version-form' },
    fields.title.element,
    h('div', { class: 'editor-split' }, fields.body.element, preview.element),
    h('div', { class: 'field-row' }, fields.questions.element, fields.tags.element),
  );
  element.dataset.language = language;
  element.setAttribute('lang', language);

  return {
    element,
    read: () => ({ title: title.value, body: body.value, questions: questions.value, tags: tags.value }),
    write(draft) {
      title.value = draft.title;
      body.value = draft.body;
      questions.value = draft.questions;
      tags.value = draft.tags;
      preview.renderNow(draft.body);
    },
    showProblems(problems) {
      for (const [name, f] of Object.entries(fields)) f.setError(problems.find((p) => p.field === name)?.message);
      const first = problems[0];
      if (first) fields[first.field].control.focus();
    },
    focusFirst: () => title.focus(),
  };
}
