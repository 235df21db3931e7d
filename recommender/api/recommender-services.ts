/**
 * The recommender's catalogue and event services of one process, built once (in the platform context) and shared by
 * the HTTP routes and the chat (which records clicks on product cards and reads the catalogue to build cards).
 */
import type { Logger } from 'pino';
import type { Registry } from 'prom-client';
import type { Kysely } from 'kysely';
import type { CommerceStore } from '../../commerce';
import { WriteBatcher, type Database, type DatabaseEngine } from '../../platform/database';
import { CatalogueCache, CatalogueStore, type CatalogueCacheOptions } from '../catalogue';
import {
  createEventMetrics,
  CustomerResolver,
  EventExporter,
  EventRecorder,
  EventStore,
  HistoryImporter,
  type EventMetrics,
  type EventRecorderOptions,
} from '../events';

/** What the services are built from. */
export interface RecommenderServicesDeps {
  db: Kysely<Database>;
  engine: DatabaseEngine;
  commerce: CommerceStore;
  /** The process's Prometheus registry (`context.metrics.registry`); the event counters are registered on it. */
  metricsRegistry?: Registry;
  logger?: Pick<Logger, 'warn'>;
  /**
   * The group commit to write through; pass the one other hot-path writers use so that their commits merge.
   * @defaultValue a WriteBatcher of its own
   */
  writes?: WriteBatcher;
  catalogue?: Omit<CatalogueCacheOptions, 'onError'>;
  events?: EventRecorderOptions;
}

/** The services (see the file comment). */
export interface RecommenderServices {
  catalogueStore: CatalogueStore;
  /** Per-workspace in-memory catalogues for serving and the event intake. */
  catalogue: CatalogueCache;
  recorder: EventRecorder;
  events: EventStore;
  exporter: EventExporter;
  history: HistoryImporter;
  metrics: EventMetrics | undefined;
  /** Writes the events still waiting and refuses new ones. */
  close(): Promise<void>;
}

/**
 * Builds the services.
 * @example
 * const recommender = createRecommenderServices({ db, engine, commerce, metricsRegistry: metrics.registry, logger });
 * await recommender.recorder.record(workspaceId, [{ type: 'recommendation_click', productId, customerId, source: 'chat:webchat' }]);
 */
export function createRecommenderServices(deps: RecommenderServicesDeps): RecommenderServices {
  const writes = deps.writes ?? new WriteBatcher(deps.db, deps.engine);
  const catalogueStore = new CatalogueStore(deps.db);
  const catalogue = new CatalogueCache(catalogueStore, {
    ...deps.catalogue,
    onError: (error, workspaceId) => deps.logger?.warn({ err: error, workspaceId }, 'catalogue refresh failed; the loaded catalogue stays in use'),
  });
  const metrics = deps.metricsRegistry ? createEventMetrics(deps.metricsRegistry) : undefined;
  const recorder = new EventRecorder(
    { catalogue, customers: new CustomerResolver(deps.commerce, writes), writes, ...(metrics ? { metrics } : {}) },
    { concurrency: deps.engine === 'sqlite' ? 1 : 4, ...deps.events },
  );
  const events = new EventStore(deps.db, writes);
  return {
    catalogueStore,
    catalogue,
    recorder,
    events,
    exporter: new EventExporter(deps.db, events),
    history: new HistoryImporter(deps.db),
    metrics,
    close: () => recorder.close(),
  };
}
