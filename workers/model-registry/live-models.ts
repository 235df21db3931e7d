/**
 * The live model of each scope, loaded once and kept in memory: a workspace's own live version, or the built-in one
 * when it has none. Model events (promotion, rollback) from any process drop the cached entry, and entries are
 * re-checked against the registry every `refreshMs` in case an event was missed.
 */
import type { Logger } from 'pino';
import type { TrainableComponent } from '../../platform/models/trainable-component';
import type { ModelEvent } from './model-events';
import type { ModelRegistry, ModelScope, ModelVersion } from './model-registry';

interface Entry<TModel> {
  /** Version id that was live when loaded, or null when the scope had none. */
  versionId: string | null;
  model: TModel | undefined;
  version: ModelVersion | undefined;
  checkedAt: number;
}

/** A loaded live model and its registry version. */
export interface LiveModel<TModel> {
  model: TModel;
  version: ModelVersion;
}

/** See the file comment. */
export class LiveModels<TModel> {
  private readonly entries = new Map<string, Promise<Entry<TModel>>>();

  constructor(
    private readonly registry: ModelRegistry,
    private readonly component: TrainableComponent<unknown, TModel>,
    private readonly logger: Logger,
    private readonly refreshMs = 60_000,
  ) {}

  /** The model a workspace uses now (its own live version, else the built-in one), or undefined when none is live. */
  async forWorkspace(workspaceId: string): Promise<LiveModel<TModel> | undefined> {
    const own = await this.entry(workspaceId);
    if (own.model && own.version) return { model: own.model, version: own.version };
    const builtin = await this.entry(null);
    return builtin.model && builtin.version ? { model: builtin.model, version: builtin.version } : undefined;
  }

  /** Reacts to a model event: a promotion in a scope drops that scope's cached model. */
  handle(event: ModelEvent): void {
    if (event.component !== this.component.name || event.type !== 'promoted') return;
    this.entries.delete(key(event.scope));
  }

  /** Forgets every cached model (tests, rollbacks done directly in the database). */
  clear(): void {
    this.entries.clear();
  }

  private entry(scope: ModelScope): Promise<Entry<TModel>> {
    const cacheKey = key(scope);
    const cached = this.entries.get(cacheKey);
    if (cached) {
      return cached.then((entry) => (Date.now() - entry.checkedAt < this.refreshMs ? entry : this.recheck(scope, entry)));
    }
    const loading = this.load(scope, undefined);
    this.entries.set(cacheKey, loading);
    // A failed load is not cached: the next message tries again.
    loading.catch(() => this.entries.delete(cacheKey));
    return loading;
  }

  private recheck(scope: ModelScope, previous: Entry<TModel>): Promise<Entry<TModel>> {
    const loading = this.load(scope, previous);
    this.entries.set(key(scope), loading);
    loading.catch(() => this.entries.delete(key(scope)));
    return loading;
  }

  private async load(scope: ModelScope, previous: Entry<TModel> | undefined): Promise<Entry<TModel>> {
    const live = await this.registry.live(scope, this.component.name);
    if (!live) return { versionId: null, model: undefined, version: undefined, checkedAt: Date.now() };
    if (previous && previous.versionId === live.id) return { ...previous, checkedAt: Date.now() };
    const started = performance.now();
    const model = this.component.load(live.kind, await this.registry.artefact(live.id));
    this.logger.info(
      { scope, component: this.component.name, version: live.version, loadMs: Math.round(performance.now() - started) },
      'live model loaded',
    );
    return { versionId: live.id, model, version: live, checkedAt: Date.now() };
  }
}

function key(scope: ModelScope): string {
  return scope ?? '\u0000builtin';
}
