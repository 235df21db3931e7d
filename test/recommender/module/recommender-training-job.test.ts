import { Redis } from 'ioredis';
import pino from 'pino';
import { RECOMMENDER_COMPONENT, RECOMMENDER_TRAIN_SCHEDULER } from '../../../recommender/module';
import type { RecommenderModel } from '../../../recommender/models/recommender-model';
import { LiveModels } from '../../../workers/model-registry/live-models';
import { subscribeModelEvents, type ModelEvent } from '../../../workers/model-registry/model-events';
import { ModelRegistry } from '../../../workers/model-registry/model-registry';
import { engines, type TestDatabase } from '../../support/databases';
import { startInProcessPlatform, type InProcessPlatform } from '../../support/platform';
import { REDIS_URL } from '../../support/services';
import { waitFor } from '../../support/wait-for';
import { chainSequences, random, successor } from '../support/generated-sequences';

const ITEMS = 30;

describe.each(engines)('Recommender training jobs (BullMQ, Redis, %s)', (_engine, createDatabase) => {
  let database: TestDatabase;
  let platform: InProcessPlatform;
  let subscriber: Redis;
  const events: ModelEvent[] = [];

  beforeAll(async () => {
    database = await createDatabase();
    platform = await startInProcessPlatform({
      databaseUrl: database.url,
      overrides: { recommender: { seedDemoHistory: false, minTrainingUsers: 20, trainEveryHours: 24 } },
    });
    subscriber = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    await subscribeModelEvents(subscriber, platform.config.redis.keyPrefix, (event) => events.push(event));
  }, 60_000);

  afterAll(async () => {
    subscriber?.disconnect();
    await platform?.close();
    await database?.drop();
  });

  const api = async (method: string, path: string, body?: unknown, token = platform.adminToken) => {
    const response = await fetch(`${platform.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  const importSequences = async (lines: string[]) => {
    const imported = await api('POST', '/api/recommender/import/history', { format: 'sequences', data: lines.join('\n'), createPlaceholders: true });
    expect(imported.status).toBe(200);
  };

  /** Polls the run until it is finished, collecting the progress it showed on the way. */
  const finish = async (jobId: string) => {
    const seen: number[] = [];
    const done = await waitFor(async () => {
      const status = await api('GET', `/api/recommender/training/${jobId}`);
      expect(status.status).toBe(200);
      seen.push(status.body.progress as number);
      return ['completed', 'failed'].includes(status.body.state as string) && status.body;
    }, 60_000);
    return { done, seen };
  };

  it('trains on demand, reports progress, promotes, and every process swaps to the new model', async () => {
    const { context } = platform;
    const workspaceId = (await context.workspaces.findBySlug(platform.config.workspace.defaultSlug))!.id;
    // "Another process": its own registry reader and live models, told about promotions only by model events.
    const otherLive = new LiveModels<RecommenderModel>(new ModelRegistry(context.database.db), context.recommender!.component, pino({ level: 'silent' }));
    const otherSubscriber = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    await subscribeModelEvents(otherSubscriber, platform.config.redis.keyPrefix, (event) => otherLive.handle(event));
    try {
      expect(await otherLive.forWorkspace(workspaceId)).toBeUndefined();
      await importSequences(chainSequences({ users: 150, items: ITEMS, length: 6, noise: 0.02, seed: 11 }).map((s) => `${s.user} ${s.items.join(' ')}`));

      const queued = await api('POST', '/api/recommender/train', {});
      expect(queued.status).toBe(202);
      const { done, seen } = await finish(queued.body.jobId as string);
      expect(done).toMatchObject({ state: 'completed', outcome: 'promoted', promoted: true, version: 1, progress: 1, error: null });
      expect((done.metrics as Record<string, number>).hr10).toBeGreaterThan(0.8);
      expect(done.metrics).toMatchObject({ split: 'validation', kind: 'blend', users: 150 });
      expect(seen.every((p) => p >= 0 && p <= 1)).toBe(true);
      expect(events.some((e) => e.type === 'progress' && e.component === RECOMMENDER_COMPONENT && e.fraction > 0 && e.fraction < 1)).toBe(true);

      const live = await waitFor(async () => (await otherLive.forWorkspace(workspaceId)) ?? false);
      expect(live.version.version).toBe(1);
      const ids = await context.recommender!.services.catalogueStore.idsBySku(workspaceId, ['i4', successor('i4', ITEMS)]);
      expect(live.model.recommend({ history: [ids.get('i4')!], k: 3 })[0]?.item).toBe(ids.get(successor('i4', ITEMS)));
      // Serving in this process uses the same live model.
      expect((await context.recommender!.liveModels.forWorkspace(workspaceId))?.version.version).toBe(1);

      const models = await api('GET', '/api/recommender/models');
      expect(models.body).toMatchObject({ live: 1, versions: [{ version: 1, status: 'live', live: true, kind: 'blend' }] });

      // Same events again: nothing to train.
      const again = await finish((await api('POST', '/api/recommender/train', {})).body.jobId as string);
      expect(again.done).toMatchObject({ outcome: 'unchanged', promoted: false });
    } finally {
      otherSubscriber.disconnect();
    }
  }, 90_000);

  it('keeps the live model when a new version is worse on the validation split', async () => {
    // Shoppers who wander at random drown the pattern: the next version's HR@10 drops.
    const rnd = random(5);
    const wanderers = Array.from({ length: 400 }, (_, u) => `w${u} ${Array.from({ length: 5 }, () => `i${Math.floor(rnd() * ITEMS)}`).join(' ')}`);
    await importSequences(wanderers);
    const { done } = await finish((await api('POST', '/api/recommender/train', {})).body.jobId as string);
    expect(done).toMatchObject({ state: 'completed', outcome: 'rejected', promoted: false, version: 2 });
    expect(done.reason).toMatch(/hr10 .* < live/);
    const models = await api('GET', '/api/recommender/models');
    expect(models.body).toMatchObject({ live: 1, versions: [{ version: 2, status: 'rejected' }, { version: 1, status: 'live' }] });
  }, 90_000);

  it('answers 404 for a run of another component or workspace, and 400 naming a bad field', async () => {
    expect((await api('GET', '/api/recommender/training/no-such-job')).status).toBe(404);
    const bad = await api('POST', '/api/recommender/train', { force: 'yes' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toMatch(/force/);
  });

  it('installs the repeatable schedule, whose run queues one training per workspace with events', async () => {
    const { context } = platform;
    await waitFor(async () => (await context.queues.training.getJobScheduler(RECOMMENDER_TRAIN_SCHEDULER)) ?? false);
    const scheduler = await context.queues.training.getJobScheduler(RECOMMENDER_TRAIN_SCHEDULER);
    expect(scheduler?.every).toBe(24 * 3600_000);
    const run = context.recommender!.trainingProcessor({ add: async () => ({ id: 'x' }) } as never);
    const workspaces = await context.recommender!.workspacesWithEvents();
    expect(workspaces).toHaveLength(1);
    await expect(run({ data: { scope: null, component: RECOMMENDER_COMPONENT, requestedBy: 'schedule' } } as never)).resolves.toEqual({ outcome: 'scheduled', workspaces: 1 });
  });
});
