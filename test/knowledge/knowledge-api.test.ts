/* eslint-disable @typescript-eslint/no-explicit-any -- the API's JSON responses, checked field by field */
/**
 * The knowledge base through the real platform (server + worker in-process, SQLite, Redis, Apertium): the demo help
 * centre seeded and indexed at start-up, the admin REST API with roles, version checks and line-level import errors,
 * publishing that reaches the answers within seconds (also in another process's index), and the public help pages.
 */
import pino from 'pino';
import { KnowledgeModule } from '../../knowledge/knowledge-module';
import { subscribeIndexChanged } from '../../knowledge/indexing/index-events';
import { createRedisFactory } from '../../platform/redis';
import { startInProcessPlatform, type InProcessPlatform } from '../support/platform';
import { REDIS_URL } from '../support/services';
import { waitFor } from '../support/wait-for';

describe('Knowledge base API on the running platform', () => {
  let platform: InProcessPlatform;
  let agentToken: string;

  const api = async (method: string, path: string, body?: unknown, token = platform.adminToken): Promise<{ status: number; json: any }> => {
    const response = await fetch(`${platform.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, json: text ? JSON.parse(text) : undefined };
  };

  const tryQuestion = async (question: string, language: string) => (await api('POST', '/api/knowledge/try', { question, language })).json;

  beforeAll(async () => {
    platform = await startInProcessPlatform();
    agentToken = (await api('POST', '/api/tokens', { name: 'agent ana', role: 'agent' })).json.token;
    // The demo help centre is seeded and indexed at start-up.
    await waitFor(async () => (await api('GET', '/api/knowledge/index')).json?.documents === 376, 30_000);
  }, 90_000);

  afterAll(async () => {
    await platform?.close();
  });

  it('seeds the demo help centre: 47 published articles in 8 languages', async () => {
    const { json } = await api('GET', '/api/knowledge/articles?limit=200');
    expect(json.total).toBe(47);
    const languages = new Set(json.articles.flatMap((a: any) => a.versions.map((v: any) => v.language)));
    expect([...languages].sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'ja', 'pt', 'zh']);
    expect(json.articles.every((a: any) => a.versions.every((v: any) => v.status === 'published' && !v.stale))).toBe(true);
    expect(json.articles.every((a: any) => a.sourceLanguage === 'en')).toBe(true);
  });

  it('answers from the version in the shopper language, with a link to its page', async () => {
    const result = await tryQuestion('Wie lange dauert der Versand nach Österreich und was kostet er?', 'de');
    expect(result.answer).toMatchObject({ outcome: 'answer', article: { slug: 'shipping-europe', language: 'de' } });
    expect(result.answer.article.url).toBe(`${platform.url}/help/demo/shipping-europe?lang=de`);
    expect(result.retrieval.articles[0].passages[0].score).toBeGreaterThan(0);
    const page = await fetch(result.answer.article.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<h1>');
  });

  it('refuses writes to agents, bad input with the field named, and unknown articles', async () => {
    const create = await api('POST', '/api/knowledge/articles', { slug: 'x', category: 'c', language: 'en', title: 't', body: 'b' }, agentToken);
    expect(create.status).toBe(403);
    expect((await api('GET', '/api/knowledge/articles', undefined, agentToken)).status).toBe(200);
    expect((await api('GET', '/api/workspace', undefined, agentToken)).json.role).toBe('agent');
    const bad = await api('POST', '/api/knowledge/articles', { slug: 'Not A Slug', category: 'c', language: 'en', title: 't', body: 'b' });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/^body slug: article ids are/);
    expect((await api('GET', '/api/knowledge/articles/does-not-exist')).status).toBe(404);
  });

  it('publishes a new English-only article that a Spanish question then finds through translation, within seconds', async () => {
    const created = await api('POST', '/api/knowledge/articles', {
      slug: 'gift-wrapping',
      category: 'orders',
      language: 'en',
      title: 'Gift wrapping',
      body: 'We wrap any order as a gift for EUR 4.50: recycled paper, a ribbon and a handwritten card. Choose gift wrapping in the basket.',
      questions: ['Can you wrap my order as a gift?'],
      tags: ['gift'],
    });
    expect(created.status).toBe(201);
    // A draft is invisible to shoppers.
    expect((await tryQuestion('Can you wrap my order as a gift?', 'en')).answer.article?.slug).not.toBe('gift-wrapping');
    const published = await api('POST', '/api/knowledge/articles/gift-wrapping/versions/en/publish', { expectedRevision: 1 });
    expect(published.json).toMatchObject({ status: 'published', publishedRevision: 1 });
    await waitFor(async () => (await tryQuestion('Can you wrap my order as a gift?', 'en')).answer.article?.slug === 'gift-wrapping', 10_000);
    const spanish = await tryQuestion('¿Podéis envolver mi pedido para regalo?', 'es');
    expect(spanish.answer).toMatchObject({ outcome: 'answer', article: { slug: 'gift-wrapping', language: 'es', machineTranslatedFrom: 'en' } });
    expect(spanish.answer.article.passage).toMatch(/4[.,]50/);
    expect(spanish.translatedRetrieval.query).toMatch(/wrap/i);
    expect(spanish.answer.article.url).toBe(`${platform.url}/help/demo/gift-wrapping?lang=en`);
  });

  it('detects concurrent edits, keeps history, shows diffs and rolls back', async () => {
    const path = '/api/knowledge/articles/gift-wrapping/versions/en';
    const base = { title: 'Gift wrapping', questions: ['Can you wrap my order as a gift?'], tags: ['gift'] };
    const first = await api('PUT', path, { ...base, body: 'Gift wrapping costs EUR 5.00 now.', expectedRevision: 1 });
    expect(first.json.revision).toBe(2);
    const late = await api('PUT', path, { ...base, body: 'Someone else’s edit.', expectedRevision: 1 });
    expect(late.status).toBe(409);
    expect(late.json.error.message).toMatch(/changed by someone else \(revision 2, yours was based on 1\)/);
    expect(late.json.error).toMatchObject({ code: 'conflict', currentRevision: 2 });
    const history = await api('GET', `${path}/history`);
    expect(history.json.revisions.map((r: any) => r.revision)).toEqual([2, 1]);
    const diff = await api('GET', `${path}/diff?from=1&to=2`);
    expect(diff.json.body.some((part: any) => part.added && part.value.includes('EUR 5.00'))).toBe(true);
    expect(diff.json.body.some((part: any) => part.removed && part.value.includes('EUR 4.50'))).toBe(true);
    const rolledBack = await api('POST', `${path}/rollback`, { toRevision: 1, expectedRevision: 2 });
    expect(rolledBack.json).toMatchObject({ revision: 3, publishedRevision: 3 });
    expect(rolledBack.json.body).toMatch(/EUR 4.50/);
  });

  it('answers from the edited source when a translation is older than it', async () => {
    const english = (await api('GET', '/api/knowledge/articles/gift-cards')).json.versions.find((v: any) => v.language === 'en');
    const body = `${english.body}\n\nNew: gift cards now stay valid for 36 months.`.replace(/24 months/g, '36 months');
    const saved = await api('PUT', '/api/knowledge/articles/gift-cards/versions/en', { title: english.title, body, questions: english.questions, tags: english.tags, expectedRevision: english.revision, publish: true });
    expect(saved.status).toBe(200);
    const article = (await api('GET', '/api/knowledge/articles/gift-cards')).json;
    expect(article.versions.find((v: any) => v.language === 'es').stale).toBe(true);
    await waitFor(async () => /36/.test((await tryQuestion('¿Cuánto tiempo es válida una tarjeta regalo?', 'es')).answer.article?.passage ?? ''), 10_000);
    const answer = (await tryQuestion('¿Cuánto tiempo es válida una tarjeta regalo?', 'es')).answer;
    expect(answer.article).toMatchObject({ slug: 'gift-cards', language: 'es', machineTranslatedFrom: 'en' });
  });

  it('rejects an import with line-level errors and imports nothing, then imports valid files', async () => {
    const bad = await api('POST', '/api/knowledge/import', {
      format: 'markdown',
      files: [
        { name: 'en/size-exchange.md', content: '---\nid: size-exchange\ntitle: Size exchange\ntags: [a\n---\nBody' },
        { name: 'en/ok.md', content: '---\nid: ok-article\ntitle: Fine\n---\nFine body.' },
      ],
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.issues[0]).toMatchObject({ file: 'en/size-exchange.md', line: expect.any(Number) });
    expect((await api('GET', '/api/knowledge/articles/ok-article')).status).toBe(404);
    const csv = await api('POST', '/api/knowledge/import', {
      format: 'faq-csv',
      files: [{ name: 'faq.csv', content: 'question,answer,id\nDo you sell gift boxes?,"Yes, EUR 3 each.",gift-boxes\n' }],
      category: 'faq',
    });
    expect(csv.json).toEqual({ articles: 1, versions: 1 });
    await waitFor(async () => (await tryQuestion('Do you sell gift boxes?', 'en')).answer.article?.slug === 'gift-boxes', 10_000);
  });

  it('exports Markdown with front matter that imports back, and renders previews sanitised', async () => {
    const exported = await api('GET', '/api/knowledge/export?format=markdown');
    const file = exported.json.files.find((f: any) => f.path === 'en/gift-boxes.md');
    expect(file.content).toMatch(/^---\nid: gift-boxes\n/);
    const preview = await api('POST', '/api/knowledge/preview', { markdown: '**hi** <script>alert(1)</script><img src=x onerror=alert(1)>' }, agentToken);
    expect(preview.json.html).toContain('<strong>hi</strong>');
    expect(preview.json.html).not.toMatch(/script|onerror/);
    const audit = await api('GET', '/api/knowledge/audit?limit=500');
    expect(audit.json.entries.map((e: any) => e.action)).toEqual(expect.arrayContaining(['export', 'import', 'publish', 'edit', 'edit_publish', 'create']));
  });

  it('keeps a second process’s index at the same version as changes are published', async () => {
    const context = platform.context;
    const other = new KnowledgeModule({
      db: context.database.db,
      queue: context.queues.knowledge,
      workspaces: context.workspaces,
      logger: pino({ level: 'silent' }),
      publicUrl: 'http://other.example',
      answerThreshold: 0.35,
      outOfScopeThreshold: 0.6,
      refreshMs: 60_000,
    });
    const workspaceId = (await context.workspaces.findBySlug('demo'))!.id;
    const subscriber = createRedisFactory(REDIS_URL, context.config.redis.keyPrefix).create('test-subscriber', { blocking: true });
    await subscribeIndexChanged(subscriber, context.config.redis.keyPrefix, (event) => void other.handleIndexChanged(event));
    try {
      const before = await other.indexStatus(workspaceId);
      const created = await api('POST', '/api/knowledge/articles', { slug: 'store-locations', category: 'general', language: 'en', title: 'Shops', body: 'We have no physical shops; we sell online only.', publish: true });
      expect(created.status).toBe(201);
      await waitFor(async () => (await other.indexStatus(workspaceId)).version > before.version, 10_000);
      expect((await other.indexStatus(workspaceId)).version).toBe((await context.knowledge.indexStatus(workspaceId)).version);
      const answer = await other.answer(workspaceId, 'Do you have physical shops?', 'en');
      expect(answer.article?.slug).toBe('store-locations');
    } finally {
      subscriber.disconnect();
    }
  });
});
