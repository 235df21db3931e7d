import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../platform/database';
import { WorkspaceStore } from '../../../platform/workspaces';
import { ModelRegistry, ModelRegistryError, type ModelScope, type ModelVersion } from '../../../workers/model-registry/model-registry';
import { engines, type TestDatabase } from '../../support/databases';

describe.each(engines)('ModelRegistry on %s', (_engine, createDatabase: () => Promise<TestDatabase>) => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let registry: ModelRegistry;
  let workspaceId: string;
  let otherWorkspaceId: string;
  let component = '';
  let counter = 0;

  beforeAll(async () => {
    database = await createDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db as never);
    registry = new ModelRegistry(handle.db);
    const workspaces = new WorkspaceStore(handle.db);
    workspaceId = (await workspaces.ensure({ slug: 'acme', name: 'Acme', defaultLanguage: 'en' })).workspace.id;
    otherWorkspaceId = (await workspaces.ensure({ slug: 'globex', name: 'Globex', defaultLanguage: 'de' })).workspace.id;
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  // Every test works on its own component name, so versions of one test never meet another's.
  beforeEach(() => {
    counter += 1;
    component = `component-${counter}`;
  });

  /** A version trained and stored as a candidate. */
  async function candidate(scope: ModelScope, metrics: Record<string, unknown> = { accuracy: 0.9 }): Promise<ModelVersion> {
    const started = await registry.startVersion(scope, component, 'linear-svm', `fp-${Math.random()}`);
    return registry.completeVersion(started.id, Buffer.from(`artefact of ${started.version}`), metrics);
  }

  describe('startVersion', () => {
    it('numbers the versions of a scope 1, 2, 3 and starts them in training state', async () => {
      const first = await registry.startVersion(workspaceId, component, 'linear-svm', 'a'.repeat(64));
      const second = await registry.startVersion(workspaceId, component, 'linear-svm', 'b'.repeat(64));
      const third = await registry.startVersion(workspaceId, component, 'naive-bayes', 'c'.repeat(64));
      expect([first.version, second.version, third.version]).toEqual([1, 2, 3]);
      expect(first).toMatchObject({
        workspaceId,
        component,
        kind: 'linear-svm',
        status: 'training',
        dataFingerprint: 'a'.repeat(64),
        metrics: null,
        error: null,
        completedAt: null,
        promotedAt: null,
      });
      expect(await registry.get(third.id)).toEqual(third);
    });

    it('numbers the built-in scope (null) on its own, apart from every workspace', async () => {
      await registry.startVersion(workspaceId, component, 'linear-svm', 'w1');
      await registry.startVersion(workspaceId, component, 'linear-svm', 'w2');
      const builtinFirst = await registry.startVersion(null, component, 'linear-svm', 'b1');
      const otherFirst = await registry.startVersion(otherWorkspaceId, component, 'linear-svm', 'o1');
      const builtinSecond = await registry.startVersion(null, component, 'linear-svm', 'b2');
      expect(builtinFirst).toMatchObject({ version: 1, workspaceId: null });
      expect(builtinSecond).toMatchObject({ version: 2, workspaceId: null });
      expect(otherFirst.version).toBe(1);
      expect((await registry.startVersion(workspaceId, component, 'linear-svm', 'w3')).version).toBe(3);
    });

    it('numbers each component on its own', async () => {
      await registry.startVersion(null, component, 'linear-svm', 'x');
      await registry.startVersion(null, component, 'linear-svm', 'y');
      expect((await registry.startVersion(null, `${component}-other`, 'linear-svm', 'z')).version).toBe(1);
    });

    it('gives racing trainers of a workspace distinct numbers', async () => {
      const versions = await Promise.all(
        Array.from({ length: 5 }, (_, i) => registry.startVersion(workspaceId, component, 'linear-svm', `race-${i}`)),
      );
      expect(versions.map((v) => v.version).sort()).toEqual([1, 2, 3, 4, 5]);
    });

    it('gives racing trainers of the built-in scope distinct numbers', async () => {
      const versions = await Promise.all(
        Array.from({ length: 5 }, (_, i) => registry.startVersion(null, component, 'linear-svm', `race-${i}`)),
      );
      expect(versions.map((v) => v.version).sort()).toEqual([1, 2, 3, 4, 5]);
    });
  });

  describe('completeVersion', () => {
    it('stores the artefact and metrics and makes the version a candidate', async () => {
      const started = await registry.startVersion(workspaceId, component, 'linear-svm', 'fp');
      const metrics = { accuracy: 0.875, examples: 40, perLanguage: { en: 0.9, es: 0.85 } };
      const completed = await registry.completeVersion(started.id, Buffer.from('weights'), metrics);
      expect(completed).toMatchObject({ id: started.id, status: 'candidate', metrics, error: null, version: started.version });
      expect(completed.completedAt).toEqual(expect.any(Number));
      expect(completed.completedAt).toBeGreaterThanOrEqual(started.createdAt);
    });

    it('does not revive a version that already failed', async () => {
      const started = await registry.startVersion(workspaceId, component, 'linear-svm', 'fp');
      await registry.failVersion(started.id, 'out of memory');
      const after = await registry.completeVersion(started.id, Buffer.from('late result'), { accuracy: 1 });
      expect(after).toMatchObject({ status: 'failed', error: 'out of memory', metrics: null });
      await expect(registry.artefact(started.id)).rejects.toThrow(ModelRegistryError);
    });

    it('refuses an unknown id with a ModelRegistryError', async () => {
      await expect(registry.completeVersion('00000000-0000-7000-8000-000000000000', Buffer.from('x'), {})).rejects.toThrow(
        ModelRegistryError,
      );
    });
  });

  describe('artefact', () => {
    it('gives back exactly the bytes that were stored, binary included', async () => {
      const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256));
      const started = await registry.startVersion(null, component, 'linear-svm', 'fp');
      await registry.completeVersion(started.id, bytes, { accuracy: 0.5 });
      const read = await registry.artefact(started.id);
      expect(Buffer.isBuffer(read)).toBe(true);
      expect(read.equals(bytes)).toBe(true);
    });

    it('says so with a ModelRegistryError while the version has no artefact yet', async () => {
      const started = await registry.startVersion(null, component, 'linear-svm', 'fp');
      await expect(registry.artefact(started.id)).rejects.toThrow(new ModelRegistryError(`Model version ${started.id} has no artefact`));
    });

    it('says so with a ModelRegistryError for an unknown id', async () => {
      await expect(registry.artefact('no-such-version')).rejects.toThrow(ModelRegistryError);
    });
  });

  describe('failVersion', () => {
    it('marks the version failed with the error and a completion time', async () => {
      const started = await registry.startVersion(workspaceId, component, 'linear-svm', 'fp');
      await registry.failVersion(started.id, 'Need at least two intents to train');
      const failed = await registry.get(started.id);
      expect(failed).toMatchObject({ status: 'failed', error: 'Need at least two intents to train' });
      expect(failed.completedAt).toEqual(expect.any(Number));
      await expect(registry.promote(started.id)).rejects.toThrow(ModelRegistryError);
    });
  });

  describe('rejectVersion', () => {
    it('marks the candidate rejected with the reason and keeps its metrics', async () => {
      const version = await candidate(workspaceId, { accuracy: 0.4 });
      await registry.rejectVersion(version.id, 'accuracy 0.4000 < live 0.9000');
      expect(await registry.get(version.id)).toMatchObject({
        status: 'rejected',
        error: 'accuracy 0.4000 < live 0.9000',
        metrics: { accuracy: 0.4 },
      });
    });
  });

  describe('promote', () => {
    it('makes a candidate live with a promotion time', async () => {
      const version = await candidate(workspaceId);
      const promoted = await registry.promote(version.id);
      expect(promoted).toMatchObject({ id: version.id, status: 'live' });
      expect(promoted.promotedAt).toEqual(expect.any(Number));
      expect(await registry.live(workspaceId, component)).toEqual(promoted);
    });

    it('retires the previous live version so only one is live', async () => {
      const first = await candidate(workspaceId);
      const second = await candidate(workspaceId);
      await registry.promote(first.id);
      await registry.promote(second.id);
      expect((await registry.get(first.id)).status).toBe('retired');
      expect((await registry.live(workspaceId, component))?.id).toBe(second.id);
      const live = (await registry.list(workspaceId, component)).filter((v) => v.status === 'live');
      expect(live.map((v) => v.id)).toEqual([second.id]);
    });

    it('leaves the live versions of other scopes alone', async () => {
      const builtin = await candidate(null);
      const other = await candidate(otherWorkspaceId);
      const own = await candidate(workspaceId);
      await registry.promote(builtin.id);
      await registry.promote(other.id);
      await registry.promote(own.id);
      expect((await registry.live(null, component))?.id).toBe(builtin.id);
      expect((await registry.live(otherWorkspaceId, component))?.id).toBe(other.id);
      expect((await registry.live(workspaceId, component))?.id).toBe(own.id);
    });

    it('can put a rejected version live by hand and clears its rejection reason', async () => {
      const live = await candidate(workspaceId, { accuracy: 0.9 });
      await registry.promote(live.id);
      const lower = await candidate(workspaceId, { accuracy: 0.7 });
      await registry.rejectVersion(lower.id, 'accuracy 0.7000 < live 0.9000');
      const promoted = await registry.promote(lower.id);
      expect(promoted).toMatchObject({ status: 'live', error: null });
      expect((await registry.get(live.id)).status).toBe('retired');
    });

    it('keeps a live version live when it is promoted again', async () => {
      const version = await candidate(workspaceId);
      await registry.promote(version.id);
      expect((await registry.promote(version.id)).status).toBe('live');
      expect((await registry.live(workspaceId, component))?.id).toBe(version.id);
    });

    it('refuses a version still in training, naming its state', async () => {
      const started = await registry.startVersion(workspaceId, component, 'linear-svm', 'fp');
      await expect(registry.promote(started.id)).rejects.toThrow(new ModelRegistryError('Version 1 is training; only a trained version can go live'));
      expect(await registry.live(workspaceId, component)).toBeUndefined();
    });

    it('refuses an unknown id with a ModelRegistryError', async () => {
      await expect(registry.promote('no-such-version')).rejects.toThrow(ModelRegistryError);
    });

    // On PostgreSQL (READ COMMITTED) concurrent promotions would each miss the version another one is making live;
    // a unique index allows one live version per scope and the loser retries.
    it('leaves exactly one version live when several are promoted at once', async () => {
      const versions = await Promise.all([1, 2, 3, 4].map(() => candidate(workspaceId)));
      await Promise.all(versions.map((v) => registry.promote(v.id)));
      const live = (await registry.list(workspaceId, component)).filter((v) => v.status === 'live');
      expect(live).toHaveLength(1);
    });
  });

  describe('rollback', () => {
    it('puts the last retired version back live and retires the current one', async () => {
      const first = await candidate(workspaceId);
      const second = await candidate(workspaceId);
      const third = await candidate(workspaceId);
      await registry.promote(first.id);
      await registry.promote(second.id);
      await registry.promote(third.id);
      const restored = await registry.rollback(workspaceId, component);
      expect(restored).toMatchObject({ id: second.id, status: 'live' });
      expect((await registry.get(third.id)).status).toBe('retired');
      expect((await registry.get(first.id)).status).toBe('retired');
      expect((await registry.live(workspaceId, component))?.id).toBe(second.id);
    });

    it('rolls back the built-in scope without touching a workspace', async () => {
      const builtinOld = await candidate(null);
      const builtinNew = await candidate(null);
      const own = await candidate(workspaceId);
      await registry.promote(builtinOld.id);
      await registry.promote(builtinNew.id);
      await registry.promote(own.id);
      expect((await registry.rollback(null, component)).id).toBe(builtinOld.id);
      expect((await registry.live(workspaceId, component))?.id).toBe(own.id);
    });

    it('fails with a clear ModelRegistryError when there is no earlier version', async () => {
      const only = await candidate(workspaceId);
      await registry.promote(only.id);
      await expect(registry.rollback(workspaceId, component)).rejects.toThrow(
        new ModelRegistryError(`No earlier ${component} version to roll back to`),
      );
      expect((await registry.live(workspaceId, component))?.id).toBe(only.id);
    });

    it('fails with a clear ModelRegistryError when the scope has no versions at all', async () => {
      await expect(registry.rollback(null, component)).rejects.toThrow(ModelRegistryError);
    });
  });

  describe('live', () => {
    it('is undefined while no version of the scope is live', async () => {
      await candidate(workspaceId);
      expect(await registry.live(workspaceId, component)).toBeUndefined();
      expect(await registry.live(null, component)).toBeUndefined();
    });
  });

  describe('list', () => {
    it('lists the versions of one scope newest first, up to the limit', async () => {
      for (let i = 0; i < 4; i++) await registry.startVersion(workspaceId, component, 'linear-svm', `fp-${i}`);
      await registry.startVersion(null, component, 'linear-svm', 'builtin');
      await registry.startVersion(otherWorkspaceId, component, 'linear-svm', 'other');
      expect((await registry.list(workspaceId, component)).map((v) => v.version)).toEqual([4, 3, 2, 1]);
      expect((await registry.list(workspaceId, component, 2)).map((v) => v.version)).toEqual([4, 3]);
      expect((await registry.list(null, component)).map((v) => v.dataFingerprint)).toEqual(['builtin']);
      expect(await registry.list(workspaceId, `${component}-none`)).toEqual([]);
    });
  });

  describe('get', () => {
    it('throws a ModelRegistryError naming the unknown id', async () => {
      const error = await registry.get('missing-id').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ModelRegistryError);
      expect(error).toMatchObject({ name: 'ModelRegistryError', message: 'No model version missing-id' });
    });
  });
});
