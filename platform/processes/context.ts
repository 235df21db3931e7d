/**
 * Everything a process shares, built once from the configuration: logger, database, Redis, queues, stores, metrics.
 * Servers and workers take what they need from it; nothing is a module-level singleton.
 */
import type { Logger } from 'pino';
import type { Config } from '../../config';
import { ConversationStore } from '../../bots/runtime/conversation-store';
import { FastTextLanguageIdentifier, type LanguageIdentifier } from '../../nlu';
import { openQueues, type Queues } from '../../workers/queues';
import { ApiTokenStore } from '../auth';
import { migrateToLatest, openDatabase, type DatabaseHandle } from '../database';
import { createLogger } from '../logging';
import { PlatformMetrics } from '../metrics';
import { createRedisFactory, ensureRedisReachable, type RedisFactory } from '../redis';
import { WorkspaceStore } from '../workspaces';
import type { Redis } from 'ioredis';
import { CommerceStore } from '../../commerce';
import { EMBEDDING_INTENT_KINDS, IntentClassifierComponent, IntentExampleStore, type IntentClassifier } from '../../nlu/intents';
import { runtimeOptionsFromConfig, TransformerModelRuntime } from '../../nlu/runtime';
import { UnderstandingService } from '../../bots/runtime/understanding-service';
import { LiveModels } from '../../workers/model-registry/live-models';
import { subscribeModelEvents } from '../../workers/model-registry/model-events';
import { KnowledgeModule } from '../../knowledge/knowledge-module';
import { HandoffStore } from '../../bots/handoff/handoff-store';
import { HandoffService } from '../../bots/handoff/handoff-service';
import type { Translator } from '../../nlu/translation';
import { createTranslator } from '../../nlu/translation';
import { subscribeIndexChanged } from '../../knowledge/indexing/index-events';
import { ModelRegistry } from '../../workers/model-registry/model-registry';
import type { TrainableComponent } from '../models/trainable-component';
import { RiskModule } from '../../risk';
import { RecommenderModule } from '../../recommender/module';
import { subscribeCatalogueChanged } from '../../recommender/catalogue';

/** The shared parts of a running process. */
export interface PlatformContext {
  config: Config;
  logger: Logger;
  database: DatabaseHandle;
  redisFactory: RedisFactory;
  /** Non-blocking connection for commands (queue producers, locks, readiness). */
  redis: Redis;
  queues: Queues;
  store: ConversationStore;
  workspaces: WorkspaceStore;
  tokens: ApiTokenStore;
  metrics: PlatformMetrics;
  identifier: LanguageIdentifier;
  commerce: CommerceStore;
  /** Versions of every trainable component's models. */
  models: ModelRegistry;
  /** Trainable components by registry name. */
  components: ReadonlyMap<string, TrainableComponent<unknown, unknown>>;
  intentComponent: IntentClassifierComponent;
  intentExamples: IntentExampleStore;
  /** The live intent model of each workspace, swapped when a new version is promoted anywhere. */
  liveIntents: LiveModels<IntentClassifier>;
  understanding: UnderstandingService;
  /** The knowledge base: store, per-workspace retrieval indexes, answers. */
  knowledge: KnowledgeModule;
  /** Machine translation (Apertium and/or a transformers.js model), when available. */
  translator: Translator | undefined;
  /** Handoffs to people (one per escalation until resolved). */
  handoffs: HandoffStore;
  /** The Slack handoff: present when Slack is enabled. */
  handoff: HandoffService | undefined;
  /** Transformer models, when MODELS_EMBEDDING is set (nothing loads until first used). */
  modelRuntime: TransformerModelRuntime | undefined;
  /** Risk scoring (API, chat checks, audit, labels, live models): present when RISK_ENABLED. */
  risk: RiskModule | undefined;
  /** The recommender (events, catalogue, training, live models, serving): present when REC_ENABLED. */
  recommender: RecommenderModule | undefined;
  /** Closes the model runtime, queues, Redis and the database, in that order. */
  close(): Promise<void>;
}

/** Options for {@link createContext}. */
export interface ContextOptions {
  role: 'all' | 'server' | 'worker';
  /** Use this logger instead of creating one (tests). */
  logger?: Logger;
}

/**
 * Connects to Redis (starting a private one if allowed) and the database, runs migrations, and builds the stores.
 * @throws RedisUnavailableError, DatabaseUrlError or MigrationError with a message that says how to fix it.
 */
export async function createContext(config: Config, options: ContextOptions): Promise<PlatformContext> {
  const logger = options.logger ?? createLogger({ level: config.log.level, pretty: config.log.pretty, role: options.role });
  await ensureRedisReachable(config.redis.url, { startLocal: config.redis.startLocal, logger });
  const runtimeOptions = runtimeOptionsFromConfig(config);
  // One runtime (worker threads, batching) for every transformer model the configuration names.
  const modelRuntime = config.models.embeddingModel || config.translation.model ? new TransformerModelRuntime(runtimeOptions) : undefined;
  const embedder = config.models.embeddingModel ? modelRuntime?.featureExtractor(config.models.embeddingModel) : undefined;
  if (embedder && EMBEDDING_INTENT_KINDS.includes(config.nlu.intentClassifier)) {
    // The intent model needs it for every message: fail at start-up (model missing, CUDA absent), not on the first chat.
    try {
      await embedder.load();
    } catch (error) {
      await modelRuntime?.close();
      throw error;
    }
    logger.info({ model: embedder.modelId, device: config.models.device }, 'sentence-embedding model loaded');
  }
  const database = openDatabase(config.database.url, config.database.poolSize);
  try {
    const applied = await migrateToLatest(database.db as never);
    if (applied.length) logger.info({ applied, database: database.target }, 'database migrated');
  } catch (error) {
    await database.close();
    throw error;
  }
  const redisFactory = createRedisFactory(config.redis.url, config.redis.keyPrefix);
  const redis = redisFactory.create('commands');
  const queues = openQueues(redis, config.redis.keyPrefix, {
    outboundAttempts: config.outbound.attempts,
    outboundBackoffMs: config.outbound.backoffMs,
  });
  const metrics = new PlatformMetrics();
  metrics.setQueueCountsSource(async () => ({
    inbound: await queues.inbound.getJobCounts('waiting', 'active', 'delayed', 'failed'),
    outbound: await queues.outbound.getJobCounts('waiting', 'active', 'delayed', 'failed'),
  }));
  const models = new ModelRegistry(database.db);
  const intentExamples = new IntentExampleStore(database.db);
  const intentComponent = new IntentClassifierComponent({
    kind: config.nlu.intentClassifier,
    workspaceExamples: (workspaceId) => intentExamples.list(workspaceId),
    ...(embedder
      ? { embedding: { runtime: runtimeOptions, embedder, prefix: config.nlu.embeddingPrefix, weight: config.nlu.embeddingWeight } }
      : {}),
  });
  const components = new Map<string, TrainableComponent<unknown, unknown>>([
    [intentComponent.name, intentComponent as TrainableComponent<unknown, unknown>],
  ]);
  const liveIntents = new LiveModels<IntentClassifier>(models, intentComponent, logger);
  const commerce = new CommerceStore(database.db);
  const workspaces = new WorkspaceStore(database.db);
  const risk = config.risk.enabled
    ? new RiskModule({ settings: config.risk, db: database.db, redis, keyPrefix: config.redis.keyPrefix, registry: models, commerce, logger })
    : undefined;
  const recommender = config.recommender.enabled
    ? new RecommenderModule({
        settings: config.recommender,
        db: database.db,
        engine: database.engine,
        commerce,
        registry: models,
        redis,
        keyPrefix: config.redis.keyPrefix,
        logger,
        metricsRegistry: metrics.registry,
        ...(embedder ? { embedder } : {}),
      })
    : undefined;
  if (recommender) components.set(recommender.component.name, recommender.trainable);
  const subscriber = redisFactory.create('model-events', { blocking: true });
  await subscribeModelEvents(subscriber, config.redis.keyPrefix, (event) => {
    liveIntents.handle(event);
    risk?.handleModelEvent(event);
    recommender?.handleModelEvent(event);
  });
  // Catalogue imports in any process refresh every process's in-memory catalogue at once.
  if (recommender) await subscribeCatalogueChanged(subscriber, config.redis.keyPrefix, (event) => recommender.handleCatalogueChanged(event));
  const identifier = new FastTextLanguageIdentifier();
  let translator: Translator | undefined;
  try {
    translator = await createTranslator(config.translation, { redis, keyPrefix: config.redis.keyPrefix, logger, ...(modelRuntime ? { modelRuntime } : { runtimeOptions }) });
  } catch (error) {
    await queues.close().catch(() => undefined);
    await recommender?.close().catch(() => undefined);
    await redisFactory.closeAll();
    await database.close();
    throw error;
  }
  const port = config.server.port || 3000;
  const knowledge = new KnowledgeModule({
    db: database.db,
    queue: queues.knowledge,
    workspaces,
    logger,
    publicUrl: (config.server.publicUrl || `http://${config.server.host === '0.0.0.0' ? '127.0.0.1' : config.server.host}:${port}`).replace(/\/+$/, ''),
    answerThreshold: config.knowledge.answerThreshold,
    outOfScopeThreshold: config.knowledge.outOfScopeThreshold,
    refreshMs: config.knowledge.refreshSeconds * 1000,
    identifier,
    ...(translator ? { translator } : {}),
    // Retrieval embeds with the configured model whatever the intent classifier is.
    ...(embedder ? { embedder, embeddingPrefixes: { query: config.knowledge.queryPrefix, passage: config.knowledge.passagePrefix } } : {}),
  });
  await subscribeIndexChanged(subscriber, config.redis.keyPrefix, (event) => {
    void knowledge.handleIndexChanged(event);
  });
  const handoffs = new HandoffStore(database.db);
  const handoff = config.slack.enabled
    ? new HandoffService({
        handoffs,
        queue: queues.handoff,
        routing: { rules: config.slack.routes, fallback: config.slack.agentsChannel },
        workspaceSlug: async (id) => (await workspaces.findById(id))?.slug ?? id,
        defaultWaitMinutes: config.slack.defaultWaitMinutes,
        logger,
        ...(risk ? { riskReview: risk.review } : {}),
      })
    : undefined;
  return {
    config,
    logger,
    database,
    redisFactory,
    redis,
    queues,
    store: new ConversationStore(database.db, database.engine),
    workspaces,
    tokens: new ApiTokenStore(database.db),
    metrics,
    identifier,
    commerce,
    models,
    components,
    intentComponent,
    intentExamples,
    liveIntents,
    understanding: new UnderstandingService(liveIntents, commerce, logger, workspaces, embedder),
    knowledge,
    translator,
    handoffs,
    handoff,
    modelRuntime,
    risk,
    recommender,
    async close() {
      // Events still waiting are written before the database closes.
      await recommender?.close().catch((error: unknown) => logger.warn({ err: error }, 'recommender events could not be written at shutdown'));
      await translator?.close?.().catch(() => undefined);
      await modelRuntime?.close().catch(() => undefined);
      await queues.close().catch(() => undefined);
      await redisFactory.closeAll();
      await database.close();
    },
  };
}
