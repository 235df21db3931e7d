import { ApiError, buildRequest, errorFromResponse, isAbort, KnowledgeApi, path, type FetchLike, type RequestInitLike } from '../../../web/admin/api-client';

/** A fetch that records calls and answers from a queue of `[status, body]`. */
function fakeFetch(...answers: Array<[number, unknown]>): FetchLike & { calls: Array<{ url: string; init: RequestInitLike }> } {
  const calls: Array<{ url: string; init: RequestInitLike }> = [];
  const fetch = (async (url: string, init: RequestInitLike) => {
    calls.push({ url, init });
    const [status, body] = answers.shift() ?? [200, {}];
    const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
    return { status, ok: status >= 200 && status < 300, text: async () => text };
  }) as FetchLike & { calls: typeof calls };
  fetch.calls = calls;
  return fetch;
}

const client = (fetch: FetchLike, signal?: AbortSignal) => new KnowledgeApi({ baseUrl: 'http://host:3000/', token: 'tok', fetch, ...(signal ? { signal } : {}) });

describe('KnowledgeApi request building', () => {
  it('encodes every path segment, so a slug cannot change the route', () => {
    expect(path('api', 'knowledge', 'articles', 'a/b?c')).toBe('/api/knowledge/articles/a%2Fb%3Fc');
  });

  it('sends the token as a Bearer header and JSON bodies with their content type', () => {
    const { url, init } = buildRequest('http://host/', 'secret', { method: 'POST', path: '/api/x', body: { a: 1 } });
    expect(url).toBe('http://host/api/x');
    expect(init.headers).toEqual({ accept: 'application/json', authorization: 'Bearer secret', 'content-type': 'application/json' });
    expect(init.body).toBe('{"a":1}');
  });

  it('leaves undefined and empty query values out', () => {
    const { url, init } = buildRequest('http://host', 't', { method: 'GET', path: '/api/k', query: { search: 'gift card', category: '', status: undefined, limit: 20 } });
    expect(url).toBe('http://host/api/k?search=gift+card&limit=20');
    expect(init.body).toBeUndefined();
    expect(init.headers['content-type']).toBeUndefined();
  });

  it('saves a version with PUT and the expected revision', async () => {
    const fetch = fakeFetch([200, { revision: 4 }]);
    await client(fetch).saveVersion('gift-cards', 'en', { title: 'T', body: 'B', expectedRevision: 3, publish: false });
    expect(fetch.calls[0]).toMatchObject({ url: 'http://host:3000/api/knowledge/articles/gift-cards/versions/en', init: { method: 'PUT' } });
    expect(JSON.parse(fetch.calls[0]!.init.body as string)).toEqual({ title: 'T', body: 'B', expectedRevision: 3, publish: false });
  });

  it('asks for a diff with from and to in the query, and rolls back naming the current revision', async () => {
    const fetch = fakeFetch([200, { from: 1, to: 3 }], [200, {}]);
    await client(fetch).diff('a', 'de', 1, 3);
    await client(fetch).rollback('a', 'de', 1, 3);
    expect(fetch.calls[0]!.url).toBe('http://host:3000/api/knowledge/articles/a/versions/de/diff?from=1&to=3');
    expect(fetch.calls[1]!.url).toBe('http://host:3000/api/knowledge/articles/a/versions/de/rollback');
    expect(JSON.parse(fetch.calls[1]!.init.body as string)).toEqual({ toRevision: 1, expectedRevision: 3 });
  });

  it('uploads an IP table as its own bytes with its content type, and reads risk decisions by order', async () => {
    const fetch = fakeFetch([200, { source: 'workspace', ranges: 2 }], [200, { decisions: [] }]);
    const bytes = new Uint8Array([0x1f, 0x8b, 8, 0]);
    await client(fetch).uploadRiskIpTable(bytes, true);
    await client(fetch).riskDecisions(20, 'A-1');
    expect(fetch.calls[0]).toMatchObject({ url: 'http://host:3000/api/risk/ip-countries', init: { method: 'PUT', headers: { 'content-type': 'application/gzip' } } });
    expect(fetch.calls[0]!.init.body).toBe(bytes);
    expect(fetch.calls[1]!.url).toBe('http://host:3000/api/risk/decisions?limit=20&orderNumber=A-1');
  });

  it('leaves the language out of a try request when it should be detected', async () => {
    const fetch = fakeFetch([200, {}], [200, {}]);
    await client(fetch).tryQuestion('Where is my parcel?');
    await client(fetch).tryQuestion('Wo ist mein Paket?', 'de');
    expect(JSON.parse(fetch.calls[0]!.init.body as string)).toEqual({ question: 'Where is my parcel?' });
    expect(JSON.parse(fetch.calls[1]!.init.body as string)).toEqual({ question: 'Wo ist mein Paket?', language: 'de' });
  });

  it('unwraps list answers (history, preview, audit, ratings)', async () => {
    const fetch = fakeFetch([200, { revisions: [{ revision: 2 }] }], [200, { html: '<p>x</p>' }], [200, { entries: [] }], [200, { ratings: [] }]);
    const api = client(fetch);
    await expect(api.history('a', 'en')).resolves.toEqual([{ revision: 2 }]);
    await expect(api.preview('x')).resolves.toBe('<p>x</p>');
    await expect(api.audit(5)).resolves.toEqual([]);
    expect(fetch.calls[2]!.url).toContain('/api/knowledge/audit?limit=5');
    await expect(api.ratings()).resolves.toEqual([]);
  });

  it('resolves a 204 as undefined', async () => {
    await expect(client(fakeFetch([204, undefined])).deleteArticle('a')).resolves.toBeUndefined();
  });
});

describe('KnowledgeApi errors', () => {
  it('carries the status, code and message of an API error', async () => {
    const error = await client(fakeFetch([403, { error: { code: 'forbidden', message: 'This needs the role admin.' } }])).archive('a', 'en').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 403, code: 'forbidden', message: 'This needs the role admin.' });
  });

  it('keeps the line-level issues of a refused import', () => {
    const error = errorFromResponse(422, JSON.stringify({ error: { code: 'invalid_import', message: 'm', issues: [{ file: 'de/a.md', line: 3, message: 'no title' }, { bogus: true }] } }));
    expect(error.issues).toEqual([{ file: 'de/a.md', line: 3, message: 'no title' }]);
  });

  it('reads the current revision of a conflict when the server sends it', () => {
    expect(errorFromResponse(409, JSON.stringify({ error: { code: 'conflict', message: 'm', currentRevision: 7 } })).currentRevision).toBe(7);
    expect(errorFromResponse(409, JSON.stringify({ error: { code: 'conflict', message: 'm', details: { currentRevision: 8 } } })).currentRevision).toBe(8);
    expect(errorFromResponse(409, JSON.stringify({ error: { code: 'conflict', message: 'm' } })).currentRevision).toBeUndefined();
  });

  it('describes an answer that is not the API error shape (a proxy page)', () => {
    const error = errorFromResponse(502, '<html>Bad gateway</html>');
    expect(error).toMatchObject({ status: 502, code: 'http_502' });
    expect(error.message).toContain('502');
  });

  it('turns a failed connection into a network error with advice', async () => {
    const failing: FetchLike = async () => {
      throw new TypeError('Failed to fetch');
    };
    await expect(client(failing).getArticle('a')).rejects.toMatchObject({ status: 0, code: 'network', message: expect.stringContaining('Check your connection') });
  });

  it('reports calls of a left screen as aborted, which views ignore', async () => {
    const controller = new AbortController();
    const failing: FetchLike = async () => {
      controller.abort();
      throw new Error('aborted');
    };
    const error = await client(failing).withSignal(controller.signal).getArticle('a').catch((e: unknown) => e);
    expect(isAbort(error)).toBe(true);
  });
});

describe('KnowledgeApi.role', () => {
  it('is admin when the admin-only token list answers', async () => {
    await expect(client(fakeFetch([200, { tokens: [] }])).role()).resolves.toBe('admin');
  });

  it('is agent when it is refused with 403', async () => {
    await expect(client(fakeFetch([403, { error: { code: 'forbidden', message: 'x' } }])).role()).resolves.toBe('agent');
  });

  it('passes other failures on', async () => {
    await expect(client(fakeFetch([401, { error: { code: 'unauthorized', message: 'x' } }])).role()).rejects.toMatchObject({ status: 401 });
  });
});
