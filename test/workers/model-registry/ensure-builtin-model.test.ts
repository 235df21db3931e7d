import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../platform/database';
import type { TrainableComponent, TrainedArtefact, TrainingSet } from '../../../platform/models/trainable-component';
import { bullPrefix, jobIds, queueNames, type TrainModelJobData } from '../../../workers/queues';
import { ArtefactCache } from '../../../workers/model-registry/artefact-cache';
import { ensureBuiltinModel, type EnsureBuiltinDeps } from '../../../workers/model-registry/ensure-builtin-model';
import { subscribeModelEvents, type ModelEvent } from '../../../workers/model-registry/model-events';
import { ModelRegistry } from '../../../workers/model-registry/model-registry';
import { createSqliteDatabase, type TestDatabase } from '../../support/databases';
import { REDIS_URL, deleteRedisPrefix, uniquePrefix } from '../../support/services';
import { waitFor } from '../../support/wait-for';

/** A real, tiny trainable component whose built-in data (and so its fingerprint) the test chooses. */
class ShippedDataComponent implements TrainableComponent<string, string> {
  readonly primaryMetric = 'accuracy';

  constructor(
    readonly name: string,
    public data: string,
    readonly kind = 'text',
  ) {}

  async collect(scope: string | null): Promise<TrainingSet<string>> {
    const data = scope ? `${this.data}+${scope}` : this.data;
    return { data, fingerprint: `fp-${this.kind}-${data}`, kind: this.kind };
  }

  async train(set: TrainingSet<string>): Promise<TrainedArtefact> {
    return { artefact: Buffer.from(set.data), metrics: { accuracy: 1 } };
  }

  load(_kind: string, artefact: Buffer): string {
    return artefact.toString('utf8');
  }
}

describe('ensureBuiltinModel', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let registry: ModelRegistry;
  let cacheFolder: string;
  let cache: ArtefactCache;
  let prefix: string;
  let redis: Redis;
  let subscriber: Redis;
  let queue: Queue<TrainModelJobData>;
  let events: ModelEvent[];
  let deps: EnsureBuiltinDeps;
  let component: ShippedDataComponent;
  let counter = 0;

  beforeAll(async () => {
    database = await createSqliteDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db as never);
    registry = new ModelRegistry(handle.db);
    cacheFolder = mkdtempSync(join(tmpdir(), 'pgdesk-ensure-builtin-'));
    cache = new ArtefactCache(cacheFolder);
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
    rmSync(cacheFolder, { recursive: true, force: true });
  });

  beforeEach(async () => {
    counter += 1;
    component = new ShippedDataComponent(`component-${counter}`, 'shipped v1');
    prefix = uniquePrefix('ensure-builtin');
    redis = new Redis(REDIS_URL, { maxRetriesPerRequest: null });
    subscriber = new Redis(REDIS_URL);
    queue = new Queue<TrainModelJobData>(queueNames.training, { connection: redis, prefix: bullPrefix(prefix) });
    events = [];
    await subscribeModelEvents(subscriber, prefix, (event) => events.push(event));
    deps = { registry, cache, trainingQueue: queue, redis, keyPrefix: prefix, logger: pino({ level: 'silent' }) };
  });

  afterEach(async () => {
    await queue.close();
    await subscriber.quit();
    await redis.quit();
    await deleteRedisPrefix(prefix);
  });

  /** Puts a trained built-in version of the component's current data live. */
  async function makeLive(): Promise<string> {
    const set = await component.collect(null);
    const started = await registry.startVersion(null, component.name, set.kind, set.fingerprint);
    await registry.completeVersion(started.id, Buffer.from(set.data), { accuracy: 1 });
    await registry.promote(started.id);
    return started.id;
  }

  async function cacheCurrentData(artefact: Buffer, metrics: Record<string, unknown> = { accuracy: 0.97 }, kind?: string): Promise<void> {
    const set = await component.collect(null);
    cache.write(component.name, set.fingerprint, { kind: kind ?? set.kind, artefact, metrics });
  }

  describe('when the live built-in version was trained on the shipped data', () => {
    it('reports it live and changes nothing', async () => {
      const liveId = await makeLive();
      await cacheCurrentData(Buffer.from('would replace it'));
      expect(await ensureBuiltinModel(deps, component)).toBe('live');
      expect((await registry.list(null, component.name)).map((v) => v.id)).toEqual([liveId]);
      expect(await queue.getJobCounts('waiting', 'delayed', 'prioritized')).toEqual({ waiting: 0, delayed: 0, prioritized: 0 });
    });
  });

  describe('when the artefact of the shipped data is in the cache', () => {
    it('installs it as a new live built-in version and announces the promotion', async () => {
      const artefact = Buffer.from([0, 1, 2, 254, 255]);
      await cacheCurrentData(artefact, { accuracy: 0.97, examples: 12 });
      expect(await ensureBuiltinModel(deps, component)).toBe('installed-from-cache');
      const live = await registry.live(null, component.name);
      const set = await component.collect(null);
      expect(live).toMatchObject({ version: 1, workspaceId: null, kind: 'text', dataFingerprint: set.fingerprint, metrics: { accuracy: 0.97, examples: 12 } });
      expect((await registry.artefact(live!.id)).equals(artefact)).toBe(true);
      await waitFor(() => events.length > 0);
      expect(events).toEqual([
        { type: 'promoted', scope: null, component: component.name, version: 1, reason: 'installed from the artefact cache' },
      ]);
      expect(await queue.count()).toBe(0);
    });

    it('replaces a live version trained on older data, which is retired', async () => {
      const oldId = await makeLive();
      component.data = 'shipped v2';
      await cacheCurrentData(Buffer.from('v2 weights'));
      expect(await ensureBuiltinModel(deps, component)).toBe('installed-from-cache');
      const live = await registry.live(null, component.name);
      expect(live?.version).toBe(2);
      expect((await registry.get(oldId)).status).toBe('retired');
      expect(await ensureBuiltinModel(deps, component)).toBe('live');
    });

    it('gives concurrent installs from the cache distinct version numbers and leaves one live', async () => {
      await cacheCurrentData(Buffer.from('weights'));
      await Promise.all([1, 2, 3].map(() => ensureBuiltinModel(deps, component)));
      const versions = await registry.list(null, component.name);
      expect(new Set(versions.map((v) => v.version)).size).toBe(versions.length);
      expect(versions.filter((v) => v.status === 'live')).toHaveLength(1);
    });

    it('does not touch workspace models', async () => {
      await cacheCurrentData(Buffer.from('weights'));
      await ensureBuiltinModel(deps, component);
      expect((await registry.list(null, component.name)).length).toBe(1);
      expect(await handle.db.selectFrom('model_versions').select('id').where('component', '=', component.name).where('workspace_id', 'is not', null).execute()).toEqual([]);
    });
  });

  describe('when the cache has the fingerprint but for another kind', () => {
    it('does not install it and queues training instead', async () => {
      await cacheCurrentData(Buffer.from('naive bayes weights'), { accuracy: 1 }, 'other-kind');
      expect(await ensureBuiltinModel(deps, component)).toBe('training-queued');
      expect(await registry.live(null, component.name)).toBeUndefined();
      expect(await queue.count()).toBe(1);
    });
  });

  describe('when the shipped data has no live version and no cache entry', () => {
    it('queues one forced built-in training job', async () => {
      expect(await ensureBuiltinModel(deps, component)).toBe('training-queued');
      const jobs = await queue.getJobs(['waiting', 'prioritized', 'delayed']);
      expect(jobs).toHaveLength(1);
      expect(jobs[0]!.name).toBe('train-model');
      expect(jobs[0]!.data).toEqual({ scope: null, component: component.name, requestedBy: 'startup', promotion: 'always' });
      expect(await queue.getDeduplicationJobId(jobIds.training(null, component.name))).toBe(jobs[0]!.id);
      expect(await registry.list(null, component.name)).toEqual([]);
      expect(events).toEqual([]);
    });

    it('queues exactly one job when several processes start at once', async () => {
      const states = await Promise.all([1, 2, 3].map(() => ensureBuiltinModel(deps, component)));
      expect(states).toEqual(['training-queued', 'training-queued', 'training-queued']);
      expect(await ensureBuiltinModel(deps, component)).toBe('training-queued');
      expect(await queue.count()).toBe(1);
    });

    it('queues training when the live version was trained on older data', async () => {
      await makeLive();
      component.data = 'shipped v2';
      expect(await ensureBuiltinModel(deps, component)).toBe('training-queued');
      expect(await queue.count()).toBe(1);
      expect((await registry.live(null, component.name))?.version).toBe(1);
    });
  });
});
