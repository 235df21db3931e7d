/** A migrated database with the fixture catalogue and the real event intake, for the event suites. */
import { Registry } from 'prom-client';
import { CommerceStore } from '../../../commerce';
import { WriteBatcher } from '../../../platform/database';
import { CatalogueCache, CatalogueStore } from '../../../recommender/catalogue';
import {
  createEventMetrics,
  CustomerResolver,
  EventExporter,
  EventRecorder,
  EventStore,
  type EventMetrics,
  type EventRecorderOptions,
} from '../../../recommender/events';
import { openCommerceDatabase, type CommerceTestDatabase } from '../../commerce/commerce-test-database';
import type { TestDatabase } from '../../support/databases';
import { importFixture } from '../catalogue/catalogue-fixture';

/** Everything an event test needs. */
export interface EventsHarness {
  database: CommerceTestDatabase;
  catalogue: CatalogueCache;
  recorder: EventRecorder;
  store: EventStore;
  exporter: EventExporter;
  commerce: CommerceStore;
  metrics: EventMetrics;
  registry: Registry;
  writes: WriteBatcher;
  /** A new workspace with the fixture catalogue; its product ids by sku. */
  newShop(): Promise<{ workspaceId: string; ids: Record<string, string> }>;
  close(): Promise<void>;
}

/** Opens the database with `create` (see `engines`) and builds the intake on it. */
export async function openEventsHarness(create: () => Promise<TestDatabase>, options: EventRecorderOptions = {}): Promise<EventsHarness> {
  const database = await openCommerceDatabase(create);
  const { db, engine } = database.handle;
  const writes = new WriteBatcher(db, engine);
  const commerce = new CommerceStore(db);
  const catalogue = new CatalogueCache(new CatalogueStore(db), { refreshMs: 60_000 });
  const registry = new Registry();
  const metrics = createEventMetrics(registry);
  const recorder = new EventRecorder({ catalogue, customers: new CustomerResolver(commerce, writes), writes, metrics }, options);
  const store = new EventStore(db, writes);
  return {
    database,
    catalogue,
    recorder,
    store,
    exporter: new EventExporter(db, store),
    commerce,
    metrics,
    registry,
    writes,
    async newShop() {
      const workspaceId = await database.newWorkspace();
      return { workspaceId, ids: await importFixture(db, workspaceId) };
    },
    async close() {
      await recorder.close();
      await database.close();
    },
  };
}
