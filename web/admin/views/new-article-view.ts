/**
 * Creates an article with its first language version (saved as a draft), then opens it in the editor. The id is
 * suggested from the title until the admin types one.
 */
import { ApiError } from '../api-client';
import { validateDraft, type EditorDraft } from '../editor-state';
import { parseLines, parseTags, PLATFORM_LANGUAGES, languageName, slugify } from '../format';
import { field, h, select, whileBusy } from '../dom';
import { routeHash } from '../routes';
import { canEdit } from '../session';
import { routeLink, screenHeading, type View, type ViewContext } from '../view-context';

const SLUG = /^[a-z0-9][a-z0-9-]{0,127}$/;

/** Builds the "new article" screen. */
export function newArticleView(ctx: ViewContext): View {
  const title = 'New article';
  if (!canEdit(ctx.session)) {
    const element = h('section', { class: 'screen' }, screenHeading(title), h('p', { class: 'read-only-note' }, 'Your token has the agent role: it can read the knowledge base but not add articles.'));
    return { element, title };
  }
  const titleInput = h('input', { type: 'text', name: 'title', maxlength: 300, required: true, 'data-testid': 'new-title' });
  const slugInput = h('input', { type: 'text', name: 'slug', maxlength: 128, pattern: '[a-z0-9][a-z0-9-]*', required: true, spellcheck: 'false', 'data-testid': 'new-slug' });
  const categoryInput = h('input', { type: 'text', name: 'category', maxlength: 64, required: true, value: 'faq', 'data-testid': 'new-category' });
  const defaultLanguage = ctx.session.defaultLanguage;
  const languages = PLATFORM_LANGUAGES.includes(defaultLanguage as (typeof PLATFORM_LANGUAGES)[number]) ? [...PLATFORM_LANGUAGES] : [defaultLanguage, ...PLATFORM_LANGUAGES];
  const languageSelect = select(
    languages.map((code) => [code, languageName(code, ctx.locale)] as const),
    defaultLanguage,
    { name: 'language', 'data-testid': 'new-language' },
  );
  const bodyInput = h('textarea', { name: 'body', rows: 10, required: true, 'data-testid': 'new-body' });
  const questionsInput = h('textarea', { name: 'questions', rows: 3 });
  const tagsInput = h('input', { type: 'text', name: 'tags' });

  const fields = {
    title: field('Title', titleInput),
    slug: field('Article id', slugInput, 'Shared by all language versions and used in links: lower-case letters, digits and "-".'),
    category: field('Category', categoryInput),
    language: field('Language of this first version', languageSelect, 'Other languages are translated from it (its source language).'),
    body: field('Text (Markdown)', bodyInput),
    questions: field('Questions it answers (one per line)', questionsInput),
    tags: field('Tags (comma separated)', tagsInput),
  };

  let created = false;
  let slugTouched = false;
  slugInput.addEventListener('input', () => (slugTouched = slugInput.value !== ''));
  titleInput.addEventListener('input', () => {
    if (!slugTouched) slugInput.value = slugify(titleInput.value);
  });

  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'create-article' }, 'Create draft');
  const form = h(
    'form',
    { class: 'stack', novalidate: true },
    ...Object.values(fields).map((f) => f.element),
    h('div', { class: 'form-actions' }, submit, routeLink(routeHash({ name: 'articles', filters: { search: '', category: '', status: '', language: '', page: 1 } }), 'Cancel')),
  );

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const f of Object.values(fields)) f.setError(undefined);
    const draft: EditorDraft = { title: titleInput.value, body: bodyInput.value, questions: questionsInput.value, tags: tagsInput.value };
    const problems = validateDraft(draft).map((p) => ({ field: p.field as keyof typeof fields, message: p.message }));
    const slug = slugInput.value.trim();
    if (!SLUG.test(slug)) problems.push({ field: 'slug', message: 'Use 1-128 lower-case letters, digits and "-", starting with a letter or digit.' });
    if (!categoryInput.value.trim()) problems.push({ field: 'category', message: 'Give a category (for example "shipping").' });
    for (const problem of problems) fields[problem.field].setError(problem.message);
    const firstProblem = problems[0];
    if (firstProblem) {
      fields[firstProblem.field].control.focus();
      return;
    }
    void whileBusy(submit, async () => {
      try {
        const article = await ctx.api.createArticle({
          slug,
          category: categoryInput.value.trim(),
          language: languageSelect.value,
          title: draft.title.trim(),
          body: draft.body,
          questions: parseLines(draft.questions),
          tags: parseTags(draft.tags),
          publish: false,
        });
        created = true;
        ctx.navigate({ name: 'article', slug: article.slug, language: languageSelect.value }, { replace: true });
        ctx.notices.status(`Created “${article.slug}” as a draft.`);
      } catch (error) {
        if (error instanceof ApiError && error.status === 409) {
          fields.slug.setError(`The id “${slug}” is already used by another article.`);
          slugInput.focus();
          return;
        }
        ctx.fail(error, 'Creating the article');
      }
    });
  });

  const element = h('section', { class: 'screen new-article' }, screenHeading(title), form);
  return { element, title, hasUnsavedChanges: () => !created && (titleInput.value !== '' || bodyInput.value !== '') };
}
