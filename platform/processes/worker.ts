/**
 * The worker role: BullMQ processors for inbound turns and outbound delivery, and the recovery sweep that re-queues
 * what a crash left behind.
 */
import { Emitter } from '@socket.io/redis-emitter';
import { DelayedError, UnrecoverableError, Worker, type WorkerOptions } from 'bullmq';
import { WebchatDelivery } from '../../bots/channels/webchat/webchat-delivery';
import { createWhatsAppCloudAdapter } from '../../bots/channels/whatsapp-cloud';
import { openWhatsAppWebQueue, WhatsAppWebQueueAdapter } from '../../bots/channels/whatsapp-web';
import { createBotFrameworkAdapter } from '../../bots/channels/botframework';
import { ChannelDeliveryRegistry, UnknownChannelError } from '../../bots/runtime/channel-delivery';
import { CustomerIdentityService } from '../../bots/runtime/customer-identity';
import { ConversationLock } from '../../bots/runtime/conversation-lock';
import { OutboundBatcher } from '../../bots/runtime/outbound-batcher';
import { OutboundDelivery } from '../../bots/runtime/outbound-delivery';
import type { LocalTurnRunner } from '../../bots/runtime/ingest';
import { RecoverySweep } from '../../bots/runtime/recovery-sweep';
import { defaultSkills } from '../../bots/runtime/skills/skill-list';
import { withRiskSkills } from '../../bots/runtime/skills/risk-skills';
import { withRecommendationSkills } from '../../bots/runtime/skills/recommendation-skills';
import { connectChatRecommendations } from '../../bots/runtime/skills/recommendation-services';
import { RECOMMENDER_COMPONENT, type RecommenderModule } from '../../recommender/module';
import { RISK_COMPONENT } from '../../risk';
import { trainModelProcessor } from '../../workers/jobs/train-model.job';
import { ArtefactCache } from '../../workers/model-registry/artefact-cache';
import { TurnProcessor } from '../../bots/runtime/turn-processor';
import { bullPrefix, queueNames, retryAfterBackoff, type InboundJobData, type OutboundJobData, type HandoffJobData, type ReindexKnowledgeJobData, type TrainModelJobData } from '../../workers/queues';
import { reindexKnowledgeProcessor } from '../../workers/jobs/reindex-knowledge.job';
import { HandoffJobs } from '../../bots/handoff/handoff-jobs';
import { createSlackWebClient, IdempotentSlackPoster, SlackSender, SlackUserDirectory } from '../../bots/channels/slack';
import type { PlatformContext } from './context';
import { EmailRelay } from '../../risk/chat/email-relay';
import { socketIoKey } from './server';

/** How long a turn waits when its conversation is being processed by another worker. */
const BUSY_RETRY_MS = 20;

/** A running worker. */
export interface RunningWorker {
  /** Runs the recovery sweep now (also runs on a timer). */
  sweep(): Promise<number>;
  /** Runs a turn in this process (for a server in the same process); declines past `localTurnLimit` turns. */
  runTurnLocally: LocalTurnRunner;
  /** Stops taking jobs and waits for the active ones. */
  close(): Promise<void>;
}

/** Starts the processors. Loads the language model first so the first message is not slow. */
export async function startWorker(context: PlatformContext): Promise<RunningWorker> {
  const { config, logger, store, queues } = context;
  await context.identifier.load();
  const emitter = new Emitter(context.redisFactory.create('socket-emit', { autoPipelining: true }), {
    key: socketIoKey(config.redis.keyPrefix),
  });
  const deliveries = new ChannelDeliveryRegistry().register(new WebchatDelivery(emitter));
  // WhatsApp through a linked phone: replies go to the `whatsapp-web` queue, sent by the process holding the phone.
  const whatsappWebQueue = config.whatsappWeb.enabled ? openWhatsAppWebQueue(context.redis, config.redis.keyPrefix) : undefined;
  if (whatsappWebQueue) deliveries.register(new WhatsAppWebQueueAdapter(whatsappWebQueue));
  if (config.botFramework.enabled) deliveries.register(createBotFrameworkAdapter({ settings: config.botFramework, db: context.database.db }));
  if (config.whatsappCloud.enabled) deliveries.register(createWhatsAppCloudAdapter({ config, db: context.database.db, store }));
  const outboundBatcher = new OutboundBatcher(queues.outbound, config.outbound.batchWindowMs);
  // Product cards link to this address (`/r/:token` records the click and redirects).
  const publicUrl = config.server.publicUrl || `http://${config.server.host === '0.0.0.0' ? '127.0.0.1' : config.server.host}:${config.server.port || 3000}`;
  const recommendations = context.recommender
    ? await connectChatRecommendations({
        serving: context.recommender.serving,
        services: context.recommender.services,
        redis: context.redis,
        keyPrefix: config.redis.keyPrefix,
        secret: config.recommender.clickSecret,
        publicUrl,
        logger,
      })
    : undefined;
  const turns = new TurnProcessor({
    store,
    workspaces: context.workspaces,
    identifier: context.identifier,
    lock: new ConversationLock(context.redisFactory.create('locks', { autoPipelining: true }), config.redis.keyPrefix),
    outbound: outboundBatcher,
    deliveries,
    // With risk checks, refund requests, "not received" claims and payment changes pass a gate first.
    // With the recommender, product requests are answered with cards (one clarifying question when too vague).
    skills: withRecommendationSkills(context.risk ? withRiskSkills(defaultSkills) : defaultSkills),
    language: config.language,
    understanding: context.understanding,
    services: {
      commerce: context.commerce,
      knowledge: context.knowledge,
      identity: new CustomerIdentityService(context.database.db),
      ...(context.handoff ? { handoff: context.handoff } : {}),
      ...(context.risk ? { risk: context.risk.gate } : {}),
      ...(recommendations ? { recommendations } : {}),
    },
    ...(context.handoff ? { handoff: context.handoff } : {}),
    policy: {
      minConfidence: config.nlu.minConfidence,
      frustrationHandoff: config.nlu.frustrationHandoff,
      notUnderstoodHandoff: config.nlu.notUnderstoodHandoff,
      handoffOn: { complaint: config.nlu.handoffOnComplaint, frustration: config.nlu.handoffOnFrustration, notUnderstood: config.nlu.handoffOnNotUnderstood },
    },
    logger,
  });
  const outbound = new OutboundDelivery(store, deliveries, context.metrics);
  const common = (purpose: string): WorkerOptions => ({
    connection: context.redisFactory.create(purpose, { blocking: true }),
    prefix: bullPrefix(config.redis.keyPrefix),
    concurrency: config.worker.concurrency,
    // A crashed worker's jobs are picked up again within ~15 s rather than BullMQ's default 30 s.
    lockDuration: 15_000,
    stalledInterval: 10_000,
    maxStalledCount: 3,
  });

  const inboundWorker = new Worker<InboundJobData>(
    queueNames.inbound,
    async (job, token) => {
      const outcome = await turns.processConversation(job.data.conversationId);
      if (outcome === 'busy' && token) {
        // Another worker holds this conversation: try again shortly, without using up an attempt.
        await job.moveToDelayed(Date.now() + BUSY_RETRY_MS, token);
        throw new DelayedError();
      }
      return outcome;
    },
    common('inbound-worker'),
  );
  const outboundWorker = new Worker<OutboundJobData>(
    queueNames.outbound,
    async (job) => {
      try {
        return await outbound.deliverAll(job.data, job.attemptsMade > 0);
      } catch (error) {
        if (error instanceof UnknownChannelError) throw new UnrecoverableError(error.message);
        throw error;
      }
    },
    { ...common('outbound-worker'), settings: { backoffStrategy: retryAfterBackoff } },
  );
  outboundWorker.on('failed', (job, error) => {
    if (!job) return;
    const final = error instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    const messageIds = job.data.items.map((item) => item.messageId);
    logger.warn({ err: error, messageIds, attempt: job.attemptsMade, final }, 'delivery failed');
    if (!final) return;
    for (const item of job.data.items) {
      outbound.giveUp(item).catch((giveUpError: unknown) => logger.error({ err: giveUpError }, 'could not mark failed'));
    }
  });
  const artefactCache = new ArtefactCache(config.nlu.modelCacheDir);
  // Risk models are compared with the live one on the most recent labelled requests, not on stored metrics.
  const retrainRisk = context.risk?.retrainProcessor(queues.training, context.redis);
  // Recommender jobs without a workspace (the schedule's) fan out to every workspace with events.
  const trainRecommender = context.recommender?.trainingProcessor(queues.training);
  const trainModel = trainModelProcessor({
      registry: context.models,
      components: context.components,
      redis: context.redis,
      keyPrefix: config.redis.keyPrefix,
      logger,
      onTrained: (scope, component, fingerprint, trained) => {
        if (scope !== null) return;
        try {
          artefactCache.write(component, fingerprint, trained);
        } catch (error) {
          logger.warn({ err: error }, 'could not write the built-in model to the artefact cache');
        }
      },
  });
  const trainingWorker = new Worker<TrainModelJobData>(
    queueNames.training,
    (job, token, signal) => {
      if (job.data.component === RISK_COMPONENT && retrainRisk) return retrainRisk(job);
      if (job.data.component === RECOMMENDER_COMPONENT && trainRecommender) return trainRecommender(job, token, signal);
      return trainModel(job, token, signal);
    },
    // One training run at a time per process: it uses every core already. Long runs renew their lock.
    { ...common('training-worker'), concurrency: 1, lockDuration: 120_000, stalledInterval: 60_000 },
  );
  trainingWorker.on('failed', (job, error) => logger.error({ err: error, data: job?.data }, 'training failed'));
  // One at a time: index versions are handed out in the order changes were asked for.
  const knowledgeWorker = new Worker<ReindexKnowledgeJobData>(
    queueNames.knowledge,
    reindexKnowledgeProcessor({ store: context.knowledge.store, redis: context.redis, keyPrefix: config.redis.keyPrefix, logger }),
    { ...common('knowledge-worker'), concurrency: 1 },
  );
  knowledgeWorker.on('failed', (job, error) => logger.error({ err: error, data: job?.data }, 'knowledge re-index failed'));
  inboundWorker.on('failed', (job, error) => {
    logger.error({ err: error, messageId: job?.data.messageId, attempt: job?.attemptsMade }, 'turn failed');
  });
  // The Slack side of handoffs: one job at a time, in order (see bots/handoff/handoff-jobs.ts).
  let handoffWorker: Worker<HandoffJobData> | undefined;
  let remindTimer: NodeJS.Timeout | undefined;
  if (config.slack.enabled) {
    const client = createSlackWebClient(config.slack);
    const sender = new SlackSender(client);
    handoffWorker = new HandoffJobs({
      db: context.database.db,
      commerce: context.commerce,
      workspaces: context.workspaces,
      handoffs: context.handoffs,
      store,
      sender,
      poster: new IdempotentSlackPoster(sender, context.redis, config.redis.keyPrefix),
      users: new SlackUserDirectory(client),
      ...(context.translator ? { translator: context.translator } : {}),
      agentLanguage: config.slack.agentLanguage,
      outbound: queues.outbound,
      logger,
      ...(context.risk ? { risk: context.risk.review } : {}),
    }).start(common('handoff-worker'));
    handoffWorker.on('failed', (job, error) => logger.error({ err: error, data: job?.data }, 'handoff job failed'));
    const handoff = context.handoff;
    const timeoutMs = config.slack.claimTimeoutMinutes * 60_000;
    if (handoff) {
      remindTimer = setInterval(() => {
        handoff.remindUnclaimed(timeoutMs).catch((error: unknown) => logger.error({ err: error }, 'handoff reminders failed'));
      }, Math.min(60_000, Math.max(1000, timeoutMs / 4)));
    }
  }
  for (const worker of [inboundWorker, outboundWorker, trainingWorker, knowledgeWorker, ...(handoffWorker ? [handoffWorker] : [])]) {
    worker.on('error', (error) => logger.error({ err: error }, 'worker error'));
  }

  const recovery = new RecoverySweep(store, queues.inbound, queues.outbound, logger);
  const sweep = () => recovery.run(Date.now() - config.worker.recoveryAfterMs);
  const sweepTimer = setInterval(() => {
    sweep().catch((error: unknown) => logger.error({ err: error }, 'recovery sweep failed'));
  }, Math.max(1000, Math.floor(config.worker.recoveryAfterMs / 2)));
  sweepTimer.unref();
  await Promise.all([inboundWorker.waitUntilReady(), outboundWorker.waitUntilReady(), trainingWorker.waitUntilReady(), knowledgeWorker.waitUntilReady()]);
  logger.info({ concurrency: config.worker.concurrency }, 'worker started');
  // Risk set-up off the start-up path: the retraining schedule, and the demo store's risk history and model (the
  // rules alone decide until that model is live). Awaited on close, so nothing writes after the stores close.
  const riskSetup = context.risk ? setUpRisk(context, context.risk).catch((error: unknown) => logger.error({ err: error }, 'risk set-up failed')) : Promise.resolve();
  // Counters lost while the worker runs (Redis restarted without persistence, a flush) are rebuilt within a check
  // period rather than at the next worker start; one check at a time.
  let counterCheck: Promise<void> = Promise.resolve();
  const risk = context.risk;
  const counterTimer =
    risk && config.risk.counterCheckSeconds > 0
      ? setInterval(() => {
          counterCheck = counterCheck
            .then(async () => {
              await riskSetup;
              if (!closing) await risk.counterRecovery.ensureAll(await context.workspaces.allIds());
            })
            .catch((error: unknown) => logger.error({ err: error }, 'risk counter check failed'));
        }, config.risk.counterCheckSeconds * 1000)
      : undefined;
  counterTimer?.unref();
  // The recommender's training schedule (the demo store's history and first training come with bootstrap).
  const recommenderSetup = context.recommender
    ? setUpRecommender(context, context.recommender).catch((error: unknown) => logger.error({ err: error }, 'recommender schedule could not be installed'))
    : Promise.resolve();
  // E-mails (one-time codes) leave through the SMTP relay when a mail server is configured; one relay at a time
  // across workers sends (a Redis lock), the others stand by.
  const emailRelay = config.email.smtpUrl
    ? new EmailRelay(
        { db: context.database.db, redis: context.redis, keyPrefix: config.redis.keyPrefix, logger },
        { smtpUrl: config.email.smtpUrl, from: config.email.from, pollMs: config.email.pollMs, maxAttempts: config.email.maxAttempts },
      )
    : undefined;
  emailRelay?.start();

  const localTurns = new Set<Promise<unknown>>();
  let closing = false;
  const runTurnLocally: LocalTurnRunner = async (conversationId) => {
    // Declined turns go to the inbound queue: when busy, and once shutdown has begun.
    if (closing || localTurns.size >= config.worker.localTurnLimit) return false;
    const turn = turns.processConversation(conversationId);
    localTurns.add(turn);
    try {
      return await turn;
    } finally {
      localTurns.delete(turn);
    }
  };

  return {
    sweep,
    runTurnLocally,
    async close() {
      closing = true;
      clearInterval(sweepTimer);
      clearInterval(remindTimer);
      clearInterval(counterTimer);
      // Drain: turns running in this process finish (and queue their replies) before the queues stop.
      await Promise.allSettled([...localTurns, riskSetup, counterCheck, recommenderSetup, emailRelay?.stop()]);
      outboundBatcher.flush();
      await Promise.all([inboundWorker.close(), outboundWorker.close(), trainingWorker.close(), knowledgeWorker.close(), handoffWorker?.close()]);
      await whatsappWebQueue?.close();
    },
  };
}

/** The retraining schedule, and the demo data where the default workspace holds the demo store. */
async function setUpRisk(context: PlatformContext, risk: NonNullable<PlatformContext['risk']>): Promise<void> {
  const { config } = context;
  await risk.schedule(context.queues.training);
  // Counters lost with Redis are rebuilt from the decision log, before the demo seeding writes to them.
  await risk.counterRecovery.ensureAll(await context.workspaces.allIds());
  if (!config.risk.seedDemo || !config.commerce.seedDemo) return;
  const workspace = await context.workspaces.findBySlug(config.workspace.defaultSlug);
  if (workspace) await risk.seedDemo(workspace.id, context.queues.training);
}

/** The recommender's repeatable training job (every `recommender.trainEveryHours`, or none). */
async function setUpRecommender(context: PlatformContext, recommender: RecommenderModule): Promise<void> {
  await recommender.schedule(context.queues.training);
}
