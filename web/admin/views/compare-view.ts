/**
 * Two language versions of one article next to each other (the source on the left by default), rendered as
 * shoppers see them, with their questions, tags, revisions and the "outdated translation" marker: the quickest way
 * to see what a translation is missing after the source changed.
 */
import { isAbort } from '../api-client';
import type { Article, ArticleVersion } from '../api-types';
import { field, h, replaceChildren, select } from '../dom';
import { explainError } from '../error-messages';
import { languageName, textDirection, versionBadges } from '../format';
import { routeHash } from '../routes';
import { insertSanitisedHtml } from '../safe-html';
import { routeLink, screenHeading, type View, type ViewContext } from '../view-context';

/** Builds the side-by-side screen. */
export function compareView(ctx: ViewContext, slug: string, left: string | undefined, right: string | undefined): View {
  const title = `Compare languages: ${slug}`;
  const body = h('div', {}, h('p', { role: 'status' }, 'Loading…'));
  const element = h('section', { class: 'screen compare' }, screenHeading(title), body);

  void ctx.api
    .getArticle(slug)
    .then((article) => replaceChildren(body, comparison(ctx, article, left, right)))
    .catch((error: unknown) => {
      if (isAbort(error)) return;
      replaceChildren(body, h('p', {}, explainError(error, ctx.session.role).headline));
      ctx.fail(error, 'Loading the article');
    });
  return { element, title };
}

function comparison(ctx: ViewContext, article: Article, leftWanted: string | undefined, rightWanted: string | undefined): HTMLElement {
  const languages = article.versions.map((v) => v.language);
  const left = leftWanted && languages.includes(leftWanted) ? leftWanted : article.sourceLanguage;
  const right = rightWanted && languages.includes(rightWanted) ? rightWanted : (languages.find((code) => code !== left) ?? left);
  const options = languages.map((code) => [code, `${languageName(code, ctx.locale)}${code === article.sourceLanguage ? ' (source)' : ''}`] as const);
  const leftSelect = select(options, left, { 'data-testid': 'compare-left' });
  const rightSelect = select(options, right, { 'data-testid': 'compare-right' });
  const go = (): void => ctx.navigate({ name: 'compare', slug: article.slug, left: leftSelect.value, right: rightSelect.value }, { replace: true });
  leftSelect.addEventListener('change', go);
  rightSelect.addEventListener('change', go);
  const pickers = h('div', { class: 'inline-form' }, field('Left', leftSelect).element, field('Right', rightSelect).element);

  const column = (language: string): HTMLElement => {
    const version = article.versions.find((v) => v.language === language)!;
    return versionColumn(ctx, article, version);
  };
  return h(
    'div',
    {},
    h('p', {}, routeLink(routeHash({ name: 'article', slug: article.slug }), `Back to ${article.slug}`)),
    pickers,
    h('div', { class: 'side-by-side', 'data-testid': 'side-by-side' }, column(left), column(right)),
  );
}

function versionColumn(ctx: ViewContext, article: Article, version: ArticleVersion): HTMLElement {
  const rendered = h('div', { class: 'markdown', lang: version.language, dir: textDirection(version.language) }, h('p', { class: 'hint' }, 'Rendering…'));
  ctx.api
    .preview(version.body)
    .then((html) => insertSanitisedHtml(rendered, html))
    .catch((error: unknown) => {
      if (isAbort(error)) return;
      // The raw Markdown is still worth comparing when rendering fails.
      replaceChildren(rendered, h('pre', { class: 'markdown-source' }, version.body));
    });
  const isSource = version.language === article.sourceLanguage;
  return h(
    'article',
    { class: 'compare-column', lang: version.language, dir: textDirection(version.language), 'data-testid': 'compare-column', 'data-language': version.language },
    h(
      'header',
      { dir: 'ltr', lang: ctx.locale },
      h('h2', { class: 'pane-title' }, `${languageName(version.language, ctx.locale)}${isSource ? ' · source' : ''}`),
      h('p', { class: 'version-state' }, `${versionBadges(version).join(' · ')} · revision ${version.revision}${!isSource && version.sourceRevision !== null ? ` · written from source revision ${version.sourceRevision}` : ''}`),
      version.stale ? h('p', { class: 'stale-marker block', 'data-testid': 'stale-marker' }, '⚠ Outdated translation: the source changed after this was written.') : null,
      routeLink(routeHash({ name: 'article', slug: article.slug, language: version.language }), `Edit the ${languageName(version.language, ctx.locale)} version`),
    ),
    h('h3', { class: 'compare-title' }, version.title),
    rendered,
    version.questions.length ? h('div', {}, h('h4', {}, 'Questions'), h('ul', {}, ...version.questions.map((q) => h('li', {}, q)))) : null,
    version.tags.length ? h('p', { class: 'tags' }, 'Tags: ', version.tags.join(', ')) : null,
  );
}
