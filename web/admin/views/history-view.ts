/**
 * The revisions of one language version, newest first: pick two to see what changed between them, or restore an
 * older one (written as a new revision, so restoring is itself undoable; published at once when the version is
 * live). Restoring names the revision the admin saw as current, so it cannot undo someone's newer save unseen.
 */
import { isAbort } from '../api-client';
import type { ArticleVersion, Revision } from '../api-types';
import { diffModel } from '../diff-model';
import { button, h, replaceChildren, whileBusy } from '../dom';
import { explainError, isEditConflict } from '../error-messages';
import { formatDateTime, languageName } from '../format';
import { routeHash } from '../routes';
import { canEdit } from '../session';
import { routeLink, screenHeading, type View, type ViewContext } from '../view-context';
import { diffView } from './diff-view';

/** Builds the history screen; `from`/`to` preselect the compared revisions. */
export function historyView(ctx: ViewContext, slug: string, language: string, from: number | undefined, to: number | undefined): View {
  const title = `History: ${slug} (${languageName(language, ctx.locale)})`;
  const list = h('div', {}, h('p', { role: 'status' }, 'Loading…'));
  const diffArea = h('div', { 'aria-live': 'polite' });
  const element = h(
    'section',
    { class: 'screen history' },
    screenHeading(title),
    h('p', {}, routeLink(routeHash({ name: 'article', slug, language }), `Back to the ${languageName(language, ctx.locale)} version`)),
    list,
    diffArea,
  );

  /** Loads the revisions and shows the changes between `pair` (default: the route's, else the newest two). */
  const load = async (pair?: readonly [number, number]): Promise<void> => {
    try {
      const [revisions, article] = await Promise.all([ctx.api.history(slug, language), ctx.api.getArticle(slug)]);
      const version = article.versions.find((v) => v.language === language);
      const newest = revisions[0]?.revision ?? 1;
      const [a, b] = pair ?? [from ?? revisions[1]?.revision ?? newest, to ?? newest];
      replaceChildren(list, revisionTable(revisions, version, a, b));
      if (revisions.length > 1) await showDiff(a, b);
    } catch (error) {
      if (isAbort(error)) return;
      replaceChildren(list, h('p', {}, explainError(error, ctx.session.role).headline));
      ctx.fail(error, 'Loading the history');
    }
  };

  const showDiff = async (a: number, b: number): Promise<void> => {
    const [older, newer] = a <= b ? [a, b] : [b, a];
    ctx.navigate({ name: 'history', slug, language, from: older, to: newer }, { replace: true, render: false });
    replaceChildren(diffArea, h('p', {}, 'Loading the changes…'));
    try {
      replaceChildren(diffArea, diffView(diffModel(await ctx.api.diff(slug, language, older, newer))));
    } catch (error) {
      if (isAbort(error)) return;
      replaceChildren(diffArea);
      ctx.fail(error, 'Loading the changes');
    }
  };

  const restore = async (revision: Revision, current: number, control: HTMLButtonElement): Promise<void> => {
    await whileBusy(control, async () => {
      try {
        const version = await ctx.api.rollback(slug, language, revision.revision, current);
        ctx.notices.status(`Restored revision ${revision.revision} as revision ${version.revision}${version.status === 'published' ? ' and published it' : ''}.`);
        await load([current, version.revision]);
      } catch (error) {
        if (isEditConflict(error)) {
          ctx.notices.error(explainError(error, ctx.session.role).headline, undefined, [{ label: 'Reload the history', run: () => void load() }]);
          return;
        }
        ctx.fail(error, 'Restoring the revision');
      }
    });
  };

  const revisionTable = (revisions: readonly Revision[], version: ArticleVersion | undefined, fromInitial: number, toInitial: number): HTMLElement => {
    if (!revisions.length) return h('p', {}, 'No revisions.');
    const newest = revisions[0]!.revision;
    let fromChoice = fromInitial;
    let toChoice = toInitial;
    const radio = (group: 'from' | 'to', revision: number): HTMLInputElement => {
      const input = h('input', { type: 'radio', name: `diff-${group}`, value: revision, 'aria-label': `${group === 'from' ? 'Compare from' : 'Compare to'} revision ${revision}`, 'data-testid': `diff-${group}-${revision}` });
      input.checked = revision === (group === 'from' ? fromChoice : toChoice);
      input.addEventListener('change', () => {
        if (group === 'from') fromChoice = revision;
        else toChoice = revision;
      });
      return input;
    };
    const rows = revisions.map((revision) => {
      const marks = [
        revision.revision === newest ? 'latest' : '',
        version?.publishedRevision === revision.revision ? 'shoppers see this' : '',
      ].filter(Boolean);
      const restoreButton =
        canEdit(ctx.session) && revision.revision !== newest
          ? button(`Restore`, () => void restore(revision, newest, restoreButton!), { 'aria-label': `Restore revision ${revision.revision}`, 'data-testid': `restore-${revision.revision}` })
          : null;
      return h(
        'tr',
        { 'data-testid': 'revision-row', 'data-revision': revision.revision },
        h('td', {}, radio('from', revision.revision)),
        h('td', {}, radio('to', revision.revision)),
        h('th', { scope: 'row' }, `Revision ${revision.revision}`, marks.length ? h('span', { class: 'badge' }, ` ${marks.join(', ')}`) : null),
        h('td', {}, revision.note),
        h('td', {}, revision.title),
        h('td', {}, revision.author),
        h('td', { class: 'nowrap' }, formatDateTime(revision.createdAt, ctx.locale)),
        h('td', {}, restoreButton),
      );
    });
    const compare = button('Show changes', () => void showDiff(fromChoice, toChoice), { class: 'primary', 'data-testid': 'show-diff' });
    return h(
      'div',
      {},
      h(
        'table',
        { class: 'revisions', 'data-testid': 'revisions' },
        h('caption', {}, `${revisions.length} revision${revisions.length === 1 ? '' : 's'}, newest first`),
        h(
          'thead',
          {},
          h('tr', {}, ...['From', 'To', 'Revision', 'Note', 'Title', 'Author', 'Saved', 'Actions'].map((label) => h('th', { scope: 'col' }, label))),
        ),
        h('tbody', {}, ...rows),
      ),
      revisions.length > 1 ? compare : null,
    );
  };

  void load();
  return { element, title };
}
