/**
 * The article list: search (any language version matches), filters by category, status and language, and paging.
 * Each row shows the article id, its category and every language version with its status, flagging translations
 * whose source changed since they were written.
 */
import type { Article, ArticleVersion } from '../api-types';
import { debounce } from '../debounce';
import { field, h, replaceChildren, select } from '../dom';
import { formatDateTime, languageName, pageSummary, PLATFORM_LANGUAGES, sourceFirst, statusLabel, versionBadges } from '../format';
import { routeHash, type ListFilters } from '../routes';
import { canEdit } from '../session';
import { routeLink, screenHeading, type View, type ViewContext } from '../view-context';

/** Articles per page. */
export const PAGE_SIZE = 20;

/** The title to show for an article: its source-language version's, else the first version's. */
function displayTitle(article: Article): string {
  const source = article.versions.find((v) => v.language === article.sourceLanguage) ?? article.versions[0];
  return source?.title ?? article.slug;
}

/** A link to one language version, with its status and the "outdated translation" marker. */
function versionChip(article: Article, version: ArticleVersion, locale: string): HTMLElement {
  const badges = versionBadges(version);
  const link = h(
    'a',
    {
      href: routeHash({ name: 'article', slug: article.slug, language: version.language }),
      class: `chip status-${version.status}${version.stale ? ' stale' : ''}`,
      'data-testid': 'version-chip',
      'data-language': version.language,
      'data-status': version.status,
      'data-stale': String(version.stale),
      title: `${languageName(version.language, locale)}: ${badges.join(', ')}`,
    },
    h('span', { class: 'chip-language' }, version.language),
    ' ',
    h('span', { class: 'chip-status' }, statusLabel(version.status)),
    version.stale ? h('span', { class: 'stale-marker' }, ' ⚠ outdated translation') : null,
  );
  return h('li', {}, link);
}

function articleRow(article: Article, locale: string): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-testid': 'article-row', 'data-slug': article.slug },
    h('th', { scope: 'row' }, routeLink(routeHash({ name: 'article', slug: article.slug }), displayTitle(article)), h('div', { class: 'slug' }, article.slug)),
    h('td', {}, article.category),
    h('td', {}, h('ul', { class: 'chips', 'aria-label': 'Language versions' }, ...sourceFirst(article.versions, article.sourceLanguage).map((version) => versionChip(article, version, locale)))),
    h('td', { class: 'nowrap' }, formatDateTime(article.updatedAt, locale)),
  );
}

/** Builds the list screen for `filters`. */
export function articleListView(ctx: ViewContext, initial: ListFilters): View {
  let filters = { ...initial };
  const title = 'Articles';

  const search = h('input', { type: 'search', name: 'search', value: filters.search, 'data-testid': 'search-input', placeholder: 'Title, text, question, tag…' });
  const categoryList = h('datalist', { id: 'kb-categories' });
  const category = h('input', { type: 'text', name: 'category', value: filters.category, list: 'kb-categories', autocomplete: 'off' });
  const status = select([['', 'Any status'], ['draft', 'Draft'], ['published', 'Published'], ['archived', 'Archived']], filters.status, { name: 'status' });
  const language = select([['', 'Any language'], ...PLATFORM_LANGUAGES.map((code) => [code, languageName(code, ctx.locale)] as const)], filters.language, { name: 'language' });
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Search and filter articles' },
    field('Search', search).element,
    field('Category', category).element,
    categoryList,
    field('Status', status).element,
    field('Language', language).element,
    h('button', { type: 'submit' }, 'Search'),
  );

  const summary = h('p', { class: 'list-summary', role: 'status', 'data-testid': 'list-summary' }, 'Loading…');
  const results = h('div', { class: 'results' });
  const previous = h('button', { type: 'button', 'data-testid': 'previous-page' }, '← Previous');
  const next = h('button', { type: 'button', 'data-testid': 'next-page' }, 'Next →');
  const pager = h('nav', { class: 'pager', 'aria-label': 'Pages' }, previous, next);

  const readForm = (): ListFilters => ({
    search: search.value.trim(),
    category: category.value.trim(),
    status: status.value as ListFilters['status'],
    language: language.value,
    page: 1,
  });

  let loadNumber = 0;
  const load = async (): Promise<void> => {
    // Only the newest search may draw: answers can arrive out of order while someone types.
    const mine = ++loadNumber;
    summary.textContent = 'Loading…';
    results.setAttribute('aria-busy', 'true');
    try {
      const page = await ctx.api.listArticles({
        search: filters.search || undefined,
        category: filters.category || undefined,
        status: filters.status || undefined,
        language: filters.language || undefined,
        limit: PAGE_SIZE,
        offset: (filters.page - 1) * PAGE_SIZE,
      });
      if (mine !== loadNumber) return;
      const offset = (filters.page - 1) * PAGE_SIZE;
      summary.textContent = page.total === 0 ? (filters.search ? `No articles match “${filters.search}”.` : 'No articles.') : `Articles ${pageSummary(offset, page.articles.length, page.total)}`;
      previous.disabled = filters.page <= 1;
      next.disabled = offset + page.articles.length >= page.total;
      pager.hidden = page.total <= PAGE_SIZE;
      if (page.articles.length === 0) {
        replaceChildren(results);
        return;
      }
      replaceChildren(
        results,
        h(
          'table',
          { class: 'article-table', 'data-testid': 'article-table' },
          h('caption', { class: 'visually-hidden' }, summary.textContent),
          h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Article'), h('th', { scope: 'col' }, 'Category'), h('th', { scope: 'col' }, 'Language versions'), h('th', { scope: 'col' }, 'Updated'))),
          h('tbody', {}, ...page.articles.map((article) => articleRow(article, ctx.locale))),
        ),
      );
    } catch (error) {
      if (mine === loadNumber) summary.textContent = 'The articles could not be loaded.';
      ctx.fail(error, 'Loading the articles');
    } finally {
      if (mine === loadNumber) results.removeAttribute('aria-busy');
    }
  };

  const apply = (next: ListFilters): void => {
    filters = next;
    // The address follows the filters (so reload and "back" keep them) without rebuilding the screen under the cursor.
    ctx.navigate({ name: 'articles', filters }, { replace: true, render: false });
    void load();
  };
  const typed = debounce(() => apply(readForm()), 300);

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    typed.cancel();
    apply(readForm());
  });
  search.addEventListener('input', () => typed.schedule());
  for (const control of [status, language]) control.addEventListener('change', () => apply(readForm()));
  category.addEventListener('change', () => apply(readForm()));
  previous.addEventListener('click', () => apply({ ...filters, page: Math.max(1, filters.page - 1) }));
  next.addEventListener('click', () => apply({ ...filters, page: filters.page + 1 }));
  ctx.signal.addEventListener('abort', () => typed.cancel());

  // Category suggestions: every category in use (one request; a large knowledge base still gets the first 200).
  void ctx.api
    .listArticles({ limit: 200 })
    .then((page) => {
      const categories = [...new Set(page.articles.map((a) => a.category))].sort();
      replaceChildren(categoryList, ...categories.map((name) => h('option', { value: name })));
    })
    // Suggestions are a convenience: without them the field still takes any category, and the list reports failures.
    .catch(() => undefined);

  void load();
  const actions = canEdit(ctx.session) ? h('div', { class: 'screen-actions' }, routeLink(routeHash({ name: 'new-article' }), 'New article', { class: 'button primary', 'data-testid': 'new-article' })) : null;
  const element = h('section', { class: 'screen article-list' }, h('div', { class: 'screen-header' }, screenHeading(title), actions), form, summary, results, pager);
  return { element, title };
}
