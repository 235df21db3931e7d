/**
 * Activity: shoppers' ratings per article (everyone), so weak answers are found, and the audit log of changes
 * (admins only: it names tokens and actions).
 */
import { isAbort } from '../api-client';
import type { ArticleRatings, AuditEntry } from '../api-types';
import { dataTable, h, replaceChildren } from '../dom';
import { explainError } from '../error-messages';
import { formatDateTime } from '../format';
import { routeHash } from '../routes';
import { canEdit } from '../session';
import { routeLink, screenHeading, type View, type ViewContext } from '../view-context';

function ratingsTable(ratings: readonly ArticleRatings[]): HTMLElement {
  if (!ratings.length) return h('p', {}, 'No ratings yet: shoppers rate answers in the chat.');
  // Most "not helpful" first: those are the articles to improve.
  const sorted = [...ratings].sort((a, b) => b.notHelpful - a.notHelpful || a.slug.localeCompare(b.slug));
  const rows = sorted.map((r) => {
    const total = r.helpful + r.notHelpful;
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, routeLink(routeHash({ name: 'article', slug: r.slug }), r.slug)),
      h('td', { class: 'number' }, String(r.helpful)),
      h('td', { class: 'number' }, String(r.notHelpful)),
      h('td', { class: 'number' }, total ? `${Math.round((100 * r.helpful) / total)} %` : '–'),
    );
  });
  return dataTable('Ratings per article, least helpful first', ['Article', 'Helpful', 'Not helpful', 'Helpful share'], rows, 'ratings');
}

function auditTable(entries: readonly AuditEntry[], locale: string): HTMLElement {
  if (!entries.length) return h('p', {}, 'No changes recorded yet.');
  const rows = entries.map((entry) =>
    h(
      'tr',
      {},
      h('td', { class: 'nowrap' }, formatDateTime(entry.createdAt, locale)),
      h('td', {}, entry.actor),
      h('td', {}, entry.action),
      h('td', {}, entry.articleSlug ? routeLink(routeHash({ name: 'article', slug: entry.articleSlug, language: entry.language ?? undefined }), entry.articleSlug) : ''),
      h('td', {}, entry.language ?? ''),
      h('td', {}, entry.details ? h('code', { class: 'details' }, JSON.stringify(entry.details)) : ''),
    ),
  );
  return dataTable(`The latest ${entries.length} changes, newest first`, ['When', 'Who', 'Action', 'Article', 'Language', 'Details'], rows, 'audit-log');
}

/** Builds the activity screen. */
export function activityView(ctx: ViewContext): View {
  const title = 'Activity';
  const ratings = h('div', {}, h('p', { role: 'status' }, 'Loading…'));
  const audit = h('div', {}, h('p', { role: 'status' }, 'Loading…'));
  const show = async <T>(target: HTMLElement, load: () => Promise<T>, render: (value: T) => HTMLElement, doing: string): Promise<void> => {
    try {
      replaceChildren(target, render(await load()));
    } catch (error) {
      if (isAbort(error)) return;
      replaceChildren(target, h('p', { class: 'field-error' }, explainError(error, ctx.session.role).headline));
      ctx.fail(error, doing);
    }
  };
  void show(ratings, () => ctx.api.ratings(), ratingsTable, 'Loading the ratings');
  const auditSection = canEdit(ctx.session)
    ? h('section', { 'aria-labelledby': 'audit-title' }, h('h2', { id: 'audit-title' }, 'Audit log'), audit)
    : h('section', {}, h('h2', {}, 'Audit log'), h('p', { class: 'read-only-note' }, 'The audit log is for admins; your token has the agent role.'));
  if (canEdit(ctx.session)) void show(audit, () => ctx.api.audit(200), (entries) => auditTable(entries, ctx.locale), 'Loading the audit log');
  const element = h('section', { class: 'screen activity' }, screenHeading(title), h('section', { 'aria-labelledby': 'ratings-title' }, h('h2', { id: 'ratings-title' }, 'Ratings'), ratings), auditSection);
  return { element, title };
}
