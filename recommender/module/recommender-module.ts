/**
 * The recommender assembled for a platform process from the configuration: the catalogue and event services (one
 * set per process, shared by the HTTP routes, serving and the chat), the trainable component, each workspace's live
 * model (swapped on model events from any process), and serving. The server mounts {@link RecommenderModule.routes};
 * the worker adds the training processor and its schedule; start-up seeds the demo store's history and queues its
 * first training.
 */
import type { Job, Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { CatalogImporter, CommerceStore } from '../../commerce';
import type { Config } from '../../config';
import type { TextEmbedder } from '../../nlu/intents';
import type { ApiTokenStore } from '../../platform/auth';
import type { Database, DatabaseEngine } from '../../platform/database';
import type { ApiCatalogue } from '../../platform/http/openapi';
import type { TrainableComponent } from '../../platform/models/trainable-component';
import { trainModelProcessor } from '../../workers/jobs/train-model.job';
import { LiveModels } from '../../workers/model-registry/live-models';
import type { ModelEvent } from '../../workers/model-registry/model-events';
import type { ModelRegistry } from '../../workers/model-registry/model-registry';
import { jobIds, type TrainModelJobData } from '../../workers/queues';
import { createRecommenderRoutes, createRecommenderServices, describeRecommenderRoutes, type RecommenderServices } from '../api';
import { publishCatalogueChanged, type CatalogueChangedEvent } from '../catalogue';
import { seedDemoHistory, type DemoHistoryResult } from '../events';
import type { RecommenderModel } from '../models/recommender-model';
import { createRecommendationService, EventPopularity, type RecommendationService } from '../serving';
import { RecommenderComponent, RECOMMENDER_COMPONENT } from './recommender-component';
import { trainRecommenderProcessor } from './train-recommender.job';
import { describeRecommenderTrainingRoutes, recommenderTrainingRoutes } from './training-routes';

/** Id of the training schedule in the training queue. */
export const RECOMMENDER_TRAIN_SCHEDULER = 'recommender-train';

/** Dependencies of {@link RecommenderModule}. */
export interface RecommenderModuleDeps {
  settings: Config['recommender'];
  db: Kysely<Database>;
  engine: DatabaseEngine;
  commerce: CommerceStore;
  registry: ModelRegistry;
  /** Commands connection (publishing catalogue changes). */
  redis: Redis;
  keyPrefix: string;
  logger: Logger;
  /** The process's Prometheus registry: the event counters are registered on it. */
  metricsRegistry?: Registry;
  /** Tuning of the training run (tests make it small). */
  training?: ConstructorParameters<typeof RecommenderComponent>[0]['training'];
  /** The sentence-embedding model when one is configured: the content model then uses it instead of TF-IDF. */
  embedder?: TextEmbedder;
}

/** What the server mounts (see {@link RecommenderModule.routes}). */
export interface RecommenderHttp {
  /** Mount BEFORE the JSON parser: the events intake and the imports parse their own bodies. */
  rawRouter: import('express').Router;
  /** Mount after the JSON parser: training, models, admin look-ups, the storefront script. */
  router: import('express').Router;
  /** Writes the events still waiting (call when the server stops, before the database closes). */
  stop(): Promise<void>;
}

/** See the file comment. */
export class RecommenderModule {
  readonly services: RecommenderServices;
  readonly component: RecommenderComponent;
  readonly liveModels: LiveModels<RecommenderModel>;
  readonly serving: RecommendationService;

  constructor(private readonly deps: RecommenderModuleDeps) {
    const settings = deps.settings;
    this.services = createRecommenderServices({
      db: deps.db,
      engine: deps.engine,
      commerce: deps.commerce,
      logger: deps.logger,
      ...(deps.metricsRegistry ? { metricsRegistry: deps.metricsRegistry } : {}),
      catalogue: { refreshMs: settings.catalogueRefreshSeconds * 1000 },
      events: {
        windowMs: settings.eventsFlushWindowMs,
        maxBatchItems: settings.eventsMaxBatch,
        maxPendingItems: settings.eventsMaxPending,
        maxAgeMs: settings.eventsMaxAgeDays * 24 * 3600_000,
        maxFutureMs: settings.eventsMaxFutureMinutes * 60_000,
      },
    });
    this.component = new RecommenderComponent({
      exporter: this.services.exporter,
      catalogueStore: this.services.catalogueStore,
      minTrainingUsers: settings.minTrainingUsers,
      ...(deps.training ? { training: deps.training } : {}),
      ...(deps.embedder ? { embedder: deps.embedder } : {}),
    });
    this.liveModels = new LiveModels<RecommenderModel>(deps.registry, this.component, deps.logger);
    this.serving = createRecommendationService({
      catalogue: this.services.catalogue,
      events: this.services.events,
      liveModel: async (workspaceId) => (await this.liveModels.forWorkspace(workspaceId))?.model,
      popularity: new EventPopularity(deps.db),
      logger: deps.logger,
      ...(deps.embedder ? { embedder: deps.embedder } : {}),
    });
  }

  /** The component as the model registry's component map holds it. */
  get trainable(): TrainableComponent<unknown, unknown> {
    return this.component as TrainableComponent<unknown, unknown>;
  }

  /** Reacts to model events from any process (a promotion swaps the workspace's live model). */
  handleModelEvent(event: ModelEvent): void {
    if (event.component === RECOMMENDER_COMPONENT) this.liveModels.handle(event);
  }

  /** Reacts to a catalogue change published by any process (the in-memory catalogue loads it at once). */
  handleCatalogueChanged(event: CatalogueChangedEvent): void {
    this.services.catalogue.handle(event);
  }

  /** The HTTP routes of the server process, with the OpenAPI descriptions added to `api`. */
  routes(deps: { tokens: ApiTokenStore; catalogImporter: CatalogImporter; webAssetsDir: string; training: Queue<TrainModelJobData>; api: ApiCatalogue }): RecommenderHttp {
    const { redis, keyPrefix, settings } = this.deps;
    const http = createRecommenderRoutes({
      services: this.services,
      tokens: deps.tokens,
      catalogImporter: deps.catalogImporter,
      webAssetsDir: deps.webAssetsDir,
      eventsBodyLimit: settings.eventsBodyLimit,
      importBodyLimit: settings.importBodyLimit,
      publishCatalogueChanged: (event) => publishCatalogueChanged(redis, keyPrefix, event),
      serving: this.serving,
    });
    http.router.use(recommenderTrainingRoutes({ tokens: deps.tokens, registry: this.deps.registry, training: deps.training }));
    describeRecommenderRoutes(deps.api);
    describeRecommenderTrainingRoutes(deps.api);
    return http;
  }

  /** The training queue's processor for `recommender` jobs (the schedule's fan-out and per-workspace runs). */
  trainingProcessor(training: Queue<TrainModelJobData>): (job: Job<TrainModelJobData>, token?: string, signal?: AbortSignal) => Promise<unknown> {
    const trainOne = trainModelProcessor({
      registry: this.deps.registry,
      components: new Map([[RECOMMENDER_COMPONENT, this.trainable]]),
      redis: this.deps.redis,
      keyPrefix: this.deps.keyPrefix,
      logger: this.deps.logger,
    });
    return trainRecommenderProcessor({ trainOne, queue: training, workspaces: () => this.workspacesWithEvents(), logger: this.deps.logger });
  }

  /** Installs (or removes, with `trainEveryHours` 0) the repeatable training job; idempotent across processes. */
  async schedule(training: Queue<TrainModelJobData>): Promise<void> {
    const hours = this.deps.settings.trainEveryHours;
    if (!(hours > 0)) {
      await training.removeJobScheduler(RECOMMENDER_TRAIN_SCHEDULER);
      return;
    }
    await training.upsertJobScheduler(
      RECOMMENDER_TRAIN_SCHEDULER,
      { every: Math.round(hours * 3600_000) },
      { name: 'train-model', data: { scope: null, component: RECOMMENDER_COMPONENT, requestedBy: 'schedule' } },
    );
  }

  /**
   * Seeds the demo store's generated history (once: a workspace with events is left alone) and, when the workspace
   * has no live recommender yet, queues its first training so the demo has a live model within seconds of start.
   * Run after the demo catalogue is seeded.
   */
  async seedDemo(workspaceId: string, training: Queue<TrainModelJobData>): Promise<{ history: DemoHistoryResult; trainingJobId?: string }> {
    const history = await seedDemoHistory(this.deps.db, workspaceId);
    if (await this.deps.registry.live(workspaceId, RECOMMENDER_COMPONENT)) return { history };
    const job = await training.add(
      'train-model',
      { scope: workspaceId, component: RECOMMENDER_COMPONENT, requestedBy: 'startup' },
      { deduplication: { id: jobIds.training(workspaceId, RECOMMENDER_COMPONENT) } },
    );
    if (history.seeded) this.deps.logger.info({ workspaceId, events: history.events, jobId: job.id }, 'demo recommender history seeded; first training queued');
    return { history, ...(job.id ? { trainingJobId: job.id } : {}) };
  }

  /** Workspaces with at least one interaction event (one index probe each). */
  async workspacesWithEvents(): Promise<string[]> {
    const rows = await this.deps.db
      .selectFrom('workspaces')
      .select('id')
      .where(({ exists, selectFrom }) => exists(selectFrom('interaction_events').select('interaction_events.id').whereRef('interaction_events.workspace_id', '=', 'workspaces.id')))
      .orderBy('id')
      .execute();
    return rows.map((row) => row.id);
  }

  /** Writes the events still waiting and refuses new ones (before the database closes). */
  close(): Promise<void> {
    return this.services.close();
  }
}
