/**
 * The top of the article editor: the article's id and category, its language versions as tabs (with status and
 * the "outdated translation" marker), links to the side-by-side and history screens, and for admins the
 * article-level actions: add a language, change category or source language, delete.
 */
import type { Article } from '../api-types';
import { button, field, h, select, whileBusy } from '../dom';
import { languageName, PLATFORM_LANGUAGES, sourceFirst, statusLabel } from '../format';
import { EMPTY_FILTERS, routeHash } from '../routes';
import { canEdit } from '../session';
import { routeLink, type ViewContext } from '../view-context';

/** Builds the header for `article` with `language` as the open version. */
export function articleHeader(ctx: ViewContext, article: Article, language: string, onChanged: (article: Article) => void): HTMLElement {
  const editable = canEdit(ctx.session);
  const languages = article.versions.map((v) => v.language);
  const tabs = h(
    'ul',
    { class: 'language-tabs', 'aria-label': 'Language versions' },
    ...sourceFirst(article.versions, article.sourceLanguage).map((version) => {
      const current = version.language === language;
      return h(
        'li',
        {},
        h(
          'a',
          {
            href: routeHash({ name: 'article', slug: article.slug, language: version.language }),
            'aria-current': current ? 'page' : undefined,
            class: `tab status-${version.status}${version.stale ? ' stale' : ''}`,
            'data-testid': 'language-tab',
            'data-language': version.language,
          },
          `${languageName(version.language, ctx.locale)}${version.language === article.sourceLanguage ? ' · source' : ''}`,
          h('span', { class: 'tab-status' }, statusLabel(version.status)),
          version.stale ? h('span', { class: 'stale-marker' }, '⚠ outdated translation') : null,
        ),
      );
    }),
    languages.includes(language) ? null : h('li', {}, h('span', { class: 'tab', 'aria-current': 'page' }, `${languageName(language, ctx.locale)} · new`)),
  );

  const other = languages.find((code) => code !== article.sourceLanguage);
  const links = h(
    'p',
    { class: 'article-links' },
    other ? routeLink(routeHash({ name: 'compare', slug: article.slug, left: article.sourceLanguage, right: language !== article.sourceLanguage ? language : other }), 'Compare languages side by side', { 'data-testid': 'compare-link' }) : null,
    languages.includes(language) ? routeLink(routeHash({ name: 'history', slug: article.slug, language }), `History of the ${languageName(language, ctx.locale)} version`, { 'data-testid': 'history-link' }) : null,
    routeLink(routeHash({ name: 'articles', filters: EMPTY_FILTERS }), 'All articles'),
  );

  const facts = h(
    'p',
    { class: 'article-facts' },
    'Id ',
    h('code', {}, article.slug),
    ` · category ${article.category} · source language ${languageName(article.sourceLanguage, ctx.locale)}`,
  );

  if (!editable) return h('header', { class: 'article-header' }, facts, tabs, links);

  // Add a language: opens the editor on a version that does not exist yet (created by its first save).
  const missing = PLATFORM_LANGUAGES.filter((code) => !languages.includes(code));
  const addSelect = select(missing.map((code) => [code, languageName(code, ctx.locale)] as const), missing[0] ?? '', { 'data-testid': 'add-language-select' });
  const add = h('form', { class: 'inline-form' }, field('Add a language version', addSelect).element, h('button', { type: 'submit', 'data-testid': 'add-language' }, 'Add'));
  add.addEventListener('submit', (event) => {
    event.preventDefault();
    if (addSelect.value) ctx.navigate({ name: 'article', slug: article.slug, language: addSelect.value });
  });

  const categoryInput = h('input', { type: 'text', value: article.category, maxlength: 64, required: true });
  const sourceSelect = select(languages.map((code) => [code, languageName(code, ctx.locale)] as const), article.sourceLanguage);
  const saveSettings = h('button', { type: 'submit' }, 'Change');
  const settings = h('form', { class: 'inline-form' }, field('Category', categoryInput).element, field('Source language', sourceSelect).element, saveSettings);
  settings.addEventListener('submit', (event) => {
    event.preventDefault();
    const changes: { category?: string; sourceLanguage?: string } = {};
    if (categoryInput.value.trim() && categoryInput.value.trim() !== article.category) changes.category = categoryInput.value.trim();
    if (sourceSelect.value !== article.sourceLanguage) changes.sourceLanguage = sourceSelect.value;
    if (!Object.keys(changes).length) return;
    void whileBusy(saveSettings, async () => {
      try {
        const updated = await ctx.api.updateArticle(article.slug, changes);
        ctx.notices.status('Article settings saved.');
        onChanged(updated);
      } catch (error) {
        ctx.fail(error, 'Changing the article');
      }
    });
  });

  const remove = button(
    'Delete article…',
    () => {
      // A deletion removes every language version and its history; a native dialog is the clearest confirmation.
      if (!window.confirm(`Delete “${article.slug}” with all ${article.versions.length} language versions and their history? This cannot be undone.`)) return;
      void whileBusy(remove, async () => {
        try {
          await ctx.api.deleteArticle(article.slug);
          ctx.navigate({ name: 'articles', filters: EMPTY_FILTERS });
          ctx.notices.status(`Deleted “${article.slug}”.`);
        } catch (error) {
          ctx.fail(error, 'Deleting the article');
        }
      });
    },
    { class: 'danger' },
  );

  const manage = h('details', { class: 'article-settings' }, h('summary', {}, 'Article settings'), settings, remove);
  return h('header', { class: 'article-header' }, facts, tabs, h('div', { class: 'header-tools' }, missing.length ? add : null, manage), links);
}
