/**
 * "Try a question": what the bot would answer a shopper, with the articles and passages retrieval found (and their
 * scores) and the language version the answer used. Nothing is sent to any shopper. Also shows the live index's
 * version, since a just-published edit is answered only after re-indexing.
 */
import { isAbort } from '../api-client';
import { button, field, h, replaceChildren, select, whileBusy } from '../dom';
import { explainError } from '../error-messages';
import { formatScore, languageName, PLATFORM_LANGUAGES, textDirection } from '../format';
import { routeHash } from '../routes';
import { canEdit } from '../session';
import { readTryResult, type TryArticle, type TryOutcome } from '../try-result';
import { routeLink, screenHeading, type View, type ViewContext } from '../view-context';

function articleItem(article: TryArticle, locale: string): HTMLElement {
  const scores = [
    `score ${formatScore(article.score)}`,
    article.confidence !== undefined ? `confidence ${formatScore(article.confidence)}` : '',
    article.similarity !== undefined ? `similarity ${formatScore(article.similarity)}` : '',
  ].filter(Boolean);
  return h(
    'li',
    { 'data-testid': 'try-article', 'data-slug': article.slug, 'data-language': article.language ?? '' },
    h(
      'p',
      {},
      routeLink(routeHash({ name: 'article', slug: article.slug, language: article.language }), article.title ?? article.slug),
      ` · ${article.slug}${article.language ? ` · ${languageName(article.language, locale)}` : ''} · ${scores.join(' · ')}`,
    ),
    article.passages.length
      ? h(
          'ol',
          { class: 'passages', lang: article.language, dir: article.language ? textDirection(article.language) : undefined },
          ...article.passages.map((passage) =>
            h(
              'li',
              { 'data-testid': 'try-passage' },
              h('span', { class: 'passage-meta', lang: locale, dir: 'ltr' }, `${passage.heading ? `${passage.heading} · ` : ''}score ${formatScore(passage.score)}`),
              h('span', { class: 'passage-text' }, passage.text),
            ),
          ),
        )
      : null,
  );
}

function articleList(articles: readonly TryArticle[], locale: string): HTMLElement {
  return articles.length ? h('ol', { class: 'try-articles' }, ...articles.map((a) => articleItem(a, locale))) : h('p', {}, 'No article matched.');
}

function outcomeView(outcome: TryOutcome, raw: unknown, locale: string): HTMLElement {
  const unsure = outcome.outcome === 'unsure';
  const facts = [
    outcome.questionLanguage ? `question language ${languageName(outcome.questionLanguage, locale)}` : '',
    outcome.used ? `answered from ${outcome.used.slug}${outcome.used.language ? ` (${languageName(outcome.used.language, locale)} version)` : ''}` : '',
    outcome.confidence !== undefined ? `confidence ${formatScore(outcome.confidence)}${outcome.threshold !== undefined ? ` (answers from ${formatScore(outcome.threshold)})` : ''}` : '',
    outcome.mode ? `${outcome.mode} search` : '',
    outcome.indexVersion !== undefined ? `index version ${outcome.indexVersion}` : '',
  ].filter(Boolean);
  const answer =
    outcome.answer !== undefined && !unsure
      ? h(
          'figure',
          { class: 'bot-answer-figure' },
          h('blockquote', { class: 'bot-answer', 'data-testid': 'try-answer', lang: outcome.answerLanguage, dir: outcome.answerLanguage ? textDirection(outcome.answerLanguage) : undefined }, outcome.answer),
          outcome.answerTitle || outcome.used
            ? h(
                'figcaption',
                {},
                'From ',
                outcome.used ? routeLink(routeHash({ name: 'article', slug: outcome.used.slug, language: outcome.used.language }), outcome.answerTitle ?? outcome.used.slug, { 'data-testid': 'try-used-link' }) : (outcome.answerTitle ?? ''),
                outcome.machineTranslatedFrom ? ` (machine-translated from ${languageName(outcome.machineTranslatedFrom, locale)})` : '',
              )
            : null,
        )
      : h(
          'p',
          { 'data-testid': 'try-answer', class: 'read-only-note' },
          unsure ? 'Not sure: the best match is below the answer threshold, so the bot would offer a person instead of quoting an article.' : 'No answer from the knowledge base.',
        );
  return h(
    'div',
    { class: 'try-outcome' },
    h('h2', {}, 'The bot would answer'),
    answer,
    facts.length ? h('p', { class: 'try-facts', 'data-testid': 'try-used' }, facts.join(' · ')) : null,
    outcome.notes.length ? h('ul', { class: 'try-notes' }, ...outcome.notes.map((note) => h('li', {}, note))) : null,
    h('h2', {}, 'Retrieved articles'),
    articleList(outcome.articles, locale),
    outcome.translated
      ? h('section', {}, h('h2', {}, outcome.translated.query ? `Search of the translated question “${outcome.translated.query}”` : 'Search of the translated question'), articleList(outcome.translated.articles, locale))
      : outcome.translatedQuery
        ? h('p', {}, `Searched also as: “${outcome.translatedQuery}”`)
        : null,
    outcome.rankings.length
      ? h(
          'details',
          {},
          h('summary', {}, 'Rankings by method'),
          ...outcome.rankings.map((ranking) =>
            h('div', {}, h('h3', {}, ranking.name), h('ol', {}, ...ranking.entries.map((e) => h('li', {}, `${e.slug}${e.language ? ` (${e.language})` : ''} · ${formatScore(e.score)}`)))),
          ),
        )
      : null,
    // Everything the server sent, as text: nothing is hidden while the response shape is still settling.
    h('details', {}, h('summary', {}, 'Raw response (JSON)'), h('pre', { class: 'raw-json' }, JSON.stringify(raw, null, 2))),
  );
}

/** Builds the "try a question" screen. */
export function tryView(ctx: ViewContext): View {
  const title = 'Try a question';
  const question = h('textarea', { rows: 3, required: true, maxlength: 2000, 'data-testid': 'try-question' });
  const language = select([['', 'Detect from the question'], ...PLATFORM_LANGUAGES.map((code) => [code, languageName(code, ctx.locale)] as const)], '', { 'data-testid': 'try-language' });
  const questionField = field('Question, as a shopper would write it', question);
  const submit = h('button', { type: 'submit', class: 'primary', 'data-testid': 'try-button' }, 'Ask');
  const output = h('div', { 'aria-live': 'polite', 'data-testid': 'try-output' });
  const indexState = h('p', { class: 'hint', 'data-testid': 'index-status' });

  const refreshIndex = async (): Promise<void> => {
    try {
      const status = await ctx.api.indexStatus();
      indexState.textContent = `Live index: version ${status.version}, ${status.documents} article versions.`;
    } catch (error) {
      if (!isAbort(error)) indexState.textContent = `Index status unavailable: ${explainError(error, ctx.session.role).headline}`;
    }
  };
  const rebuild = canEdit(ctx.session)
    ? button('Rebuild index', () =>
        void whileBusy(rebuild!, async () => {
          try {
            await ctx.api.reindex();
            ctx.notices.status('Re-indexing queued; answers use the new index in a few seconds.');
          } catch (error) {
            ctx.fail(error, 'Queueing the re-index');
          }
        }),
      )
    : null;

  const form = h('form', { class: 'stack', novalidate: true }, questionField.element, field('Shopper language', language).element, submit);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = question.value.trim();
    if (!text) {
      questionField.setError('Type a question.');
      question.focus();
      return;
    }
    questionField.setError(undefined);
    void whileBusy(submit, async () => {
      replaceChildren(output, h('p', {}, 'Asking…'));
      try {
        const raw = await ctx.api.tryQuestion(text, language.value || undefined);
        replaceChildren(output, outcomeView(readTryResult(raw), raw, ctx.locale));
        void refreshIndex();
      } catch (error) {
        replaceChildren(output);
        ctx.fail(error, 'Trying the question');
      }
    });
  });
  void refreshIndex();
  const element = h('section', { class: 'screen try' }, screenHeading(title), h('p', {}, 'Nothing is sent to shoppers. Only published versions are answered.'), h('div', { class: 'inline-form' }, indexState, rebuild), form, output);
  return { element, title };
}
