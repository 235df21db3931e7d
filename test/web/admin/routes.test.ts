import { EMPTY_FILTERS, parseRoute, routeHash, type Route } from '../../../web/admin/routes';

describe('admin app routes', () => {
  it('opens the unfiltered list for an empty address', () => {
    expect(parseRoute('')).toEqual({ name: 'articles', filters: EMPTY_FILTERS });
    expect(parseRoute('#/')).toEqual({ name: 'articles', filters: EMPTY_FILTERS });
  });

  it('reads list filters and ignores invalid ones', () => {
    expect(parseRoute('#/articles?search=gift+card&status=draft&language=de&category=payments&page=3')).toEqual({
      name: 'articles',
      filters: { search: 'gift card', status: 'draft', language: 'de', category: 'payments', page: 3 },
    });
    expect(parseRoute('#/articles?status=deleted&language=german&page=-1')).toEqual({ name: 'articles', filters: EMPTY_FILTERS });
  });

  it('tells the new-article page from an article called like a language', () => {
    expect(parseRoute('#/articles/new')).toEqual({ name: 'new-article' });
    expect(parseRoute('#/articles/gift-cards')).toEqual({ name: 'article', slug: 'gift-cards' });
    expect(parseRoute('#/articles/gift-cards/de')).toEqual({ name: 'article', slug: 'gift-cards', language: 'de' });
  });

  it('reads compare and history addresses', () => {
    expect(parseRoute('#/articles/a/compare?left=en&right=zh')).toEqual({ name: 'compare', slug: 'a', left: 'en', right: 'zh' });
    expect(parseRoute('#/articles/a/fr/history?from=2&to=5')).toEqual({ name: 'history', slug: 'a', language: 'fr', from: 2, to: 5 });
  });

  it('gives not-found for unknown or malformed addresses', () => {
    for (const hash of ['#/nope', '#/articles/Bad_Slug', '#/articles/a/english', '#/articles/a/de/x', '#/articles/%E0%A4%A']) {
      expect(parseRoute(hash).name).toBe('not-found');
    }
  });

  it('writes addresses that read back as the same route', () => {
    const routes: Route[] = [
      { name: 'articles', filters: EMPTY_FILTERS },
      { name: 'articles', filters: { search: 'a&b=c', category: 'x y', status: 'published', language: 'zh', page: 2 } },
      { name: 'new-article' },
      { name: 'article', slug: 'gift-cards', language: 'ja' },
      { name: 'compare', slug: 'gift-cards', left: 'en', right: 'de' },
      { name: 'history', slug: 'gift-cards', language: 'en', from: 1, to: 2 },
      { name: 'import' },
      { name: 'try' },
      { name: 'activity' },
      { name: 'channels' },
      { name: 'risk' },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
  });
});
