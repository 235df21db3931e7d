import pino from 'pino';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../../../platform/database';
import type { TrainableComponent, TrainedArtefact, TrainingSet } from '../../../platform/models/trainable-component';
import { WorkspaceStore } from '../../../platform/workspaces';
import { LiveModels } from '../../../workers/model-registry/live-models';
import { ModelRegistry, type ModelScope, type ModelVersion } from '../../../workers/model-registry/model-registry';
import { createSqliteDatabase, type TestDatabase } from '../../support/databases';

/** What the test component's `load` makes of an artefact. */
interface TextModel {
  kind: string;
  text: string;
}

/** A real, tiny trainable component: its "model" is the artefact's text; it counts loads and can be made to fail. */
class TextComponent implements TrainableComponent<string, TextModel> {
  readonly primaryMetric = 'accuracy';
  loads: string[] = [];
  failNextLoad = false;

  constructor(readonly name: string) {}

  async collect(scope: string | null): Promise<TrainingSet<string>> {
    return { data: scope ?? 'builtin', fingerprint: `fp-${scope ?? 'builtin'}`, kind: 'text' };
  }

  async train(set: TrainingSet<string>): Promise<TrainedArtefact> {
    return { artefact: Buffer.from(set.data), metrics: { accuracy: 1 } };
  }

  load(kind: string, artefact: Buffer): TextModel {
    if (this.failNextLoad) {
      this.failNextLoad = false;
      throw new Error('artefact does not fit');
    }
    const text = artefact.toString('utf8');
    this.loads.push(text);
    return { kind, text };
  }
}

describe('LiveModels', () => {
  let database: TestDatabase;
  let handle: DatabaseHandle;
  let registry: ModelRegistry;
  let workspaceId: string;
  let otherWorkspaceId: string;
  let component: TextComponent;
  let counter = 0;
  const logger = pino({ level: 'silent' });

  beforeAll(async () => {
    database = await createSqliteDatabase();
    handle = openDatabase(database.url);
    await migrateToLatest(handle.db as never);
    registry = new ModelRegistry(handle.db);
    const workspaces = new WorkspaceStore(handle.db);
    workspaceId = (await workspaces.ensure({ slug: 'acme', name: 'Acme', defaultLanguage: 'en' })).workspace.id;
    otherWorkspaceId = (await workspaces.ensure({ slug: 'globex', name: 'Globex', defaultLanguage: 'en' })).workspace.id;
  });

  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  beforeEach(() => {
    counter += 1;
    component = new TextComponent(`text-${counter}`);
  });

  /** Trains (stores) and promotes a version whose model text is `text`. */
  async function promote(scope: ModelScope, text: string, componentName = component.name): Promise<ModelVersion> {
    const started = await registry.startVersion(scope, componentName, 'text', `fp-${text}`);
    await registry.completeVersion(started.id, Buffer.from(text), { accuracy: 1 });
    return registry.promote(started.id);
  }

  describe('when nothing is live', () => {
    it('gives no model', async () => {
      const live = new LiveModels(registry, component, logger);
      expect(await live.forWorkspace(workspaceId)).toBeUndefined();
      expect(component.loads).toEqual([]);
    });
  });

  describe('when the workspace has no live model of its own', () => {
    it('falls back to the built-in one', async () => {
      const builtin = await promote(null, 'builtin v1');
      const live = new LiveModels(registry, component, logger);
      const got = await live.forWorkspace(workspaceId);
      expect(got?.model).toEqual({ kind: 'text', text: 'builtin v1' });
      expect(got?.version).toMatchObject({ id: builtin.id, workspaceId: null, status: 'live' });
    });
  });

  describe('when the workspace has its own live model', () => {
    it('uses it, while other workspaces keep the built-in one', async () => {
      await promote(null, 'builtin');
      const own = await promote(workspaceId, 'acme own');
      const live = new LiveModels(registry, component, logger);
      expect((await live.forWorkspace(workspaceId))?.version.id).toBe(own.id);
      expect((await live.forWorkspace(workspaceId))?.model.text).toBe('acme own');
      expect((await live.forWorkspace(otherWorkspaceId))?.model.text).toBe('builtin');
    });

    it('ignores live models of other components', async () => {
      await promote(workspaceId, 'someone else', `${component.name}-other`);
      const live = new LiveModels(registry, component, logger);
      expect(await live.forWorkspace(workspaceId)).toBeUndefined();
    });
  });

  describe('when the same scope is asked again', () => {
    it('loads the model once and hands out the same object', async () => {
      await promote(null, 'builtin');
      const live = new LiveModels(registry, component, logger);
      const [first, second] = await Promise.all([live.forWorkspace(workspaceId), live.forWorkspace(otherWorkspaceId)]);
      const third = await live.forWorkspace(workspaceId);
      expect(first?.model).toBe(second?.model);
      expect(third?.model).toBe(first?.model);
      expect(component.loads).toEqual(['builtin']);
    });

    it('keeps serving the loaded model after a promotion nobody announced, until refreshMs', async () => {
      await promote(null, 'builtin v1');
      const live = new LiveModels(registry, component, logger, 60_000);
      expect((await live.forWorkspace(workspaceId))?.model.text).toBe('builtin v1');
      await promote(null, 'builtin v2');
      expect((await live.forWorkspace(workspaceId))?.model.text).toBe('builtin v1');
    });
  });

  describe('when a promoted event arrives', () => {
    it('drops that scope so the next call loads the new version', async () => {
      await promote(null, 'builtin v1');
      const live = new LiveModels(registry, component, logger);
      expect((await live.forWorkspace(workspaceId))?.model.text).toBe('builtin v1');
      const v2 = await promote(null, 'builtin v2');
      live.handle({ type: 'promoted', scope: null, component: component.name, version: v2.version, reason: 'test' });
      const got = await live.forWorkspace(workspaceId);
      expect(got?.model.text).toBe('builtin v2');
      expect(got?.version.id).toBe(v2.id);
      expect(component.loads).toEqual(['builtin v1', 'builtin v2']);
    });

    it('drops only the named scope', async () => {
      await promote(null, 'builtin v1');
      await promote(workspaceId, 'acme v1');
      const live = new LiveModels(registry, component, logger);
      await live.forWorkspace(workspaceId);
      await live.forWorkspace(otherWorkspaceId);
      await promote(null, 'builtin v2');
      await promote(workspaceId, 'acme v2');
      live.handle({ type: 'promoted', scope: workspaceId, component: component.name, version: 2, reason: 'test' });
      expect((await live.forWorkspace(workspaceId))?.model.text).toBe('acme v2');
      expect((await live.forWorkspace(otherWorkspaceId))?.model.text).toBe('builtin v1');
    });

    it('switches a workspace from the built-in model to its first own version', async () => {
      await promote(null, 'builtin');
      const live = new LiveModels(registry, component, logger);
      expect((await live.forWorkspace(workspaceId))?.model.text).toBe('builtin');
      await promote(workspaceId, 'acme v1');
      live.handle({ type: 'promoted', scope: workspaceId, component: component.name, version: 1, reason: 'test' });
      expect((await live.forWorkspace(workspaceId))?.model.text).toBe('acme v1');
    });
  });

  describe('when another event arrives', () => {
    it('keeps the cache for other event types and other components', async () => {
      await promote(null, 'builtin v1');
      const live = new LiveModels(registry, component, logger);
      await live.forWorkspace(workspaceId);
      await promote(null, 'builtin v2');
      live.handle({ type: 'completed', scope: null, component: component.name, version: 2, metrics: {} });
      live.handle({ type: 'rejected', scope: null, component: component.name, version: 2, reason: 'worse' });
      live.handle({ type: 'promoted', scope: null, component: `${component.name}-other`, version: 2, reason: 'elsewhere' });
      expect((await live.forWorkspace(workspaceId))?.model.text).toBe('builtin v1');
    });
  });

  describe('after refreshMs', () => {
    it('picks up a promotion made without an event', async () => {
      await promote(null, 'builtin v1');
      const live = new LiveModels(registry, component, logger, 50);
      expect((await live.forWorkspace(workspaceId))?.model.text).toBe('builtin v1');
      await promote(null, 'builtin v2');
      await new Promise((resolve) => setTimeout(resolve, 80));
      expect((await live.forWorkspace(workspaceId))?.model.text).toBe('builtin v2');
    });

    it('does not load the artefact again when the live version is unchanged', async () => {
      await promote(null, 'builtin');
      const live = new LiveModels(registry, component, logger, 20);
      const first = await live.forWorkspace(workspaceId);
      await new Promise((resolve) => setTimeout(resolve, 40));
      const second = await live.forWorkspace(workspaceId);
      expect(second?.model).toBe(first?.model);
      expect(component.loads).toEqual(['builtin']);
    });

    it('notices a workspace rollback that leaves it with only the built-in model', async () => {
      await promote(null, 'builtin');
      await promote(workspaceId, 'acme v1');
      const live = new LiveModels(registry, component, logger, 20);
      expect((await live.forWorkspace(workspaceId))?.model.text).toBe('acme v1');
      await handle.db.updateTable('model_versions').set({ status: 'retired' }).where('workspace_id', '=', workspaceId).execute();
      await new Promise((resolve) => setTimeout(resolve, 40));
      expect((await live.forWorkspace(workspaceId))?.model.text).toBe('builtin');
    });
  });

  describe('clear', () => {
    it('forgets every cached model', async () => {
      await promote(null, 'builtin v1');
      const live = new LiveModels(registry, component, logger);
      await live.forWorkspace(workspaceId);
      await promote(null, 'builtin v2');
      live.clear();
      expect((await live.forWorkspace(workspaceId))?.model.text).toBe('builtin v2');
    });
  });

  describe('when loading fails', () => {
    it('rejects, and the next call tries again instead of caching the failure', async () => {
      await promote(null, 'builtin');
      const live = new LiveModels(registry, component, logger);
      component.failNextLoad = true;
      await expect(live.forWorkspace(workspaceId)).rejects.toThrow('artefact does not fit');
      expect((await live.forWorkspace(workspaceId))?.model.text).toBe('builtin');
    });
  });
});
