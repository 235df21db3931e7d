/**
 * The app's places as `location.hash` values, so every screen has an address: reload keeps it, the back button
 * works, and a link to an article's history can be shared with a colleague.
 *
 *   #/articles?search=ship&status=draft&page=2   list
 *   #/articles/new                               create an article
 *   #/articles/shipping-europe/de                edit a language version (language optional: the source)
 *   #/articles/shipping-europe/compare?left=en&right=de
 *   #/articles/shipping-europe/de/history?from=3&to=5
 *   #/import  #/try  #/activity  #/channels  #/risk
 *
 * Pure module, unit-tested under Node.
 */
import type { VersionStatus } from './api-types';

/** Filters and page of the article list. */
export interface ListFilters {
  search: string;
  category: string;
  status: VersionStatus | '';
  language: string;
  /** 1-based. */
  page: number;
}

/** Every place in the app. */
export type Route =
  | { name: 'articles'; filters: ListFilters }
  | { name: 'new-article' }
  | { name: 'article'; slug: string; language?: string }
  | { name: 'compare'; slug: string; left?: string; right?: string }
  | { name: 'history'; slug: string; language: string; from?: number; to?: number }
  | { name: 'import' }
  | { name: 'try' }
  | { name: 'activity' }
  | { name: 'channels' }
  | { name: 'risk' }
  | { name: 'not-found'; hash: string };

/** The list with no filters, first page. */
export const EMPTY_FILTERS: ListFilters = { search: '', category: '', status: '', language: '', page: 1 };

const STATUSES: ReadonlySet<string> = new Set(['draft', 'published', 'archived']);
const LANGUAGE = /^[a-z]{2}$/;
const SLUG = /^[a-z0-9][a-z0-9-]{0,127}$/;

function positiveInt(value: string | null): number | undefined {
  if (value === null || !/^\d{1,9}$/.test(value)) return undefined;
  const number = Number(value);
  return number >= 1 ? number : undefined;
}

function language(value: string | null | undefined): string | undefined {
  return value && LANGUAGE.test(value) ? value : undefined;
}

/** Reads a `location.hash` (with or without `#`); unknown addresses give `not-found`, an empty one the list. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  const query = new URLSearchParams(queryPart);
  let segments: string[];
  try {
    segments = pathPart.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return { name: 'not-found', hash };
  }
  const [first, slug, third, fourth] = segments;
  if (segments.length === 0 || (first === 'articles' && segments.length === 1)) {
    const status = query.get('status') ?? '';
    return {
      name: 'articles',
      filters: {
        search: query.get('search') ?? '',
        category: query.get('category') ?? '',
        status: STATUSES.has(status) ? (status as VersionStatus) : '',
        language: language(query.get('language')) ?? '',
        page: positiveInt(query.get('page')) ?? 1,
      },
    };
  }
  if (segments.length === 1 && (first === 'import' || first === 'try' || first === 'activity' || first === 'channels' || first === 'risk')) return { name: first };
  if (first !== 'articles' || slug === undefined) return { name: 'not-found', hash };
  if (slug === 'new' && segments.length === 2) return { name: 'new-article' };
  if (!SLUG.test(slug)) return { name: 'not-found', hash };
  if (segments.length === 2) return { name: 'article', slug };
  if (segments.length === 3 && third === 'compare') {
    return { name: 'compare', slug, left: language(query.get('left')), right: language(query.get('right')) };
  }
  const lang = language(third);
  if (lang && segments.length === 3) return { name: 'article', slug, language: lang };
  if (lang && segments.length === 4 && fourth === 'history') {
    return { name: 'history', slug, language: lang, from: positiveInt(query.get('from')), to: positiveInt(query.get('to')) };
  }
  return { name: 'not-found', hash };
}

function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, String(value));
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/** The `#...` address of a route; `parseRoute(routeHash(r))` gives `r` back. */
export function routeHash(route: Route): string {
  const enc = encodeURIComponent;
  switch (route.name) {
    case 'articles': {
      const { search, category, status, language: lang, page } = route.filters;
      return withQuery('#/articles', { search, category, status, language: lang, page: page > 1 ? page : undefined });
    }
    case 'new-article':
      return '#/articles/new';
    case 'article':
      return `#/articles/${enc(route.slug)}${route.language ? `/${enc(route.language)}` : ''}`;
    case 'compare':
      return withQuery(`#/articles/${enc(route.slug)}/compare`, { left: route.left, right: route.right });
    case 'history':
      return withQuery(`#/articles/${enc(route.slug)}/${enc(route.language)}/history`, { from: route.from, to: route.to });
    case 'import':
    case 'try':
    case 'activity':
    case 'channels':
    case 'risk':
      return `#/${route.name}`;
    case 'not-found':
      return route.hash;
  }
}
