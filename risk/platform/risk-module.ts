/**
 * Risk scoring assembled for a platform process from the configuration: Redis counters, the feature builder (IP
 * table, disposable-mail list, time zone), per-workspace settings, the audit log and labels, the live models of the
 * model registry, the scoring service, the chat's gate (one-time codes by e-mail) and what the handoff reads. The
 * worker side adds the retraining processor and its schedule; start-up seeds the demo data.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { CommerceStore } from '../../commerce';
import type { Config } from '../../config';
import type { ApiTokenStore } from '../../platform/auth';
import type { Database } from '../../platform/database';
import type { Kysely } from 'kysely';
import { LiveModels } from '../../workers/model-registry/live-models';
import type { ModelEvent } from '../../workers/model-registry/model-events';
import type { ModelRegistry } from '../../workers/model-registry/model-registry';
import type { TrainModelJobData } from '../../workers/queues';
import { DisposableEmailDomains } from '../features/disposable-email-domains';
import { RiskFeatureBuilder } from '../features/feature-builder';
import { IpCountryMap } from '../features/ip-country-map';
import { RedisCounterStore } from '../features/redis-counter-store';
import { RiskCounterRecovery } from './counter-recovery';
import { WorkspaceIpTables } from './workspace-ip-tables';
import { RISK_COMPONENT } from '../model/risk-component';
import type { RiskModel } from '../model/risk-model';
import { ChatRiskGate } from '../chat/chat-risk-gate';
import { OutboxEmailSender, type EmailSender } from '../chat/email-sender';
import { RiskReviewLookup } from '../chat/risk-review';
import { VerificationCodes } from '../chat/verification-codes';
import { retrainRiskProcessor } from '../learning/retrain-risk.job';
import { RiskLearningComponent } from '../learning/risk-learning-component';
import type { RiskRoutesDeps } from '../api/risk-routes';
import { seedDemoRisk, type DemoRiskState } from '../demo/seed-demo-risk';
import { RiskDecisionLog } from './risk-decision-log';
import { RiskLabelStore } from './risk-label-store';
import { RiskService } from './risk-service';
import { RiskSettingsStore } from './risk-settings';

/** Id of the retraining schedule in the training queue. */
export const RISK_RETRAIN_SCHEDULER = 'risk-retrain';

/** Dependencies of {@link RiskModule}. */
export interface RiskModuleDeps {
  settings: Config['risk'];
  db: Kysely<Database>;
  /** A connection the counters may define their script on. */
  redis: Redis;
  keyPrefix: string;
  registry: ModelRegistry;
  commerce: CommerceStore;
  logger: Logger;
  /** Where verification codes are sent. @defaultValue the outbox table (see email-sender.ts) */
  email?: EmailSender;
}

/** See the file comment. */
export class RiskModule {
  /** The deployment's feature builder (its IP table); a workspace with its own table gets `ipTables.builderFor`. */
  readonly features: RiskFeatureBuilder;
  readonly counters: RedisCounterStore;
  /** Rebuilds the counters from the decision log when Redis has lost them. */
  readonly counterRecovery: RiskCounterRecovery;
  readonly settings: RiskSettingsStore;
  /** Each workspace's own IP-to-country table. */
  readonly ipTables: WorkspaceIpTables;
  readonly decisions: RiskDecisionLog;
  readonly labels: RiskLabelStore;
  readonly codes: VerificationCodes;
  readonly component: RiskLearningComponent;
  readonly liveModels: LiveModels<RiskModel>;
  readonly service: RiskService;
  readonly gate: ChatRiskGate;
  readonly review: RiskReviewLookup;

  /** @throws IpCountryMapError when the configured IP table cannot be read (the message names the line). */
  constructor(private readonly deps: RiskModuleDeps) {
    const config = deps.settings;
    const disposableDomains = DisposableEmailDomains.readFile();
    const ipCountries = config.ipCountryTable ? IpCountryMap.readFile(config.ipCountryTable) : undefined;
    const builder = (table: IpCountryMap | undefined) => new RiskFeatureBuilder({ disposableDomains, timeZone: config.timeZone, ...(table ? { ipCountries: table } : {}) });
    this.features = builder(ipCountries);
    // A workspace may load its own table (PUT /api/risk/ip-countries); the deployment's applies otherwise.
    this.ipTables = new WorkspaceIpTables(deps.db, { builder, ...(ipCountries ? { fallback: ipCountries } : {}) });
    this.counters = new RedisCounterStore(deps.redis, deps.keyPrefix);
    this.settings = new RiskSettingsStore(deps.db, {
      defaultThresholds: { ...(config.reviewThreshold > 0 ? { review: config.reviewThreshold } : {}), ...(config.declineThreshold > 0 ? { decline: config.declineThreshold } : {}) },
      disposableDomains,
      ipCountries: (workspaceId) => this.ipTables.mapFor(workspaceId),
    });
    this.decisions = new RiskDecisionLog(deps.db);
    this.labels = new RiskLabelStore(deps.db);
    this.codes = new VerificationCodes(deps.db, { ttlMs: config.codeTtlMinutes * 60_000, maxAttempts: config.codeMaxAttempts });
    this.component = new RiskLearningComponent({
      history: async (workspaceId) => ({
        requests: (await this.decisions.allInTimeOrder(workspaceId)).map((d) => ({ request: d.request, orderNumber: d.orderNumber })),
        labels: await this.labels.allInTimeOrder(workspaceId),
      }),
      features: (workspaceId) => this.ipTables.builderFor(workspaceId),
      holdoutFraction: config.holdoutFraction,
      legitAfterDays: config.legitAfterDays,
      minFraudLabels: config.minFraudLabels,
      minLegitLabels: config.minLegitLabels,
    });
    this.liveModels = new LiveModels<RiskModel>(deps.registry, this.component, deps.logger);
    this.counterRecovery = new RiskCounterRecovery({
      redis: deps.redis,
      keyPrefix: deps.keyPrefix,
      counters: this.counters,
      decisions: this.decisions,
      labels: this.labels,
      logger: deps.logger,
    });
    this.service = new RiskService({
      counters: this.counters,
      features: (workspaceId) => this.ipTables.builderFor(workspaceId),
      models: this.liveModels,
      settings: this.settings,
      decisions: this.decisions,
      labels: this.labels,
      logger: deps.logger,
      maxReasons: config.maxReasons,
    });
    this.gate = new ChatRiskGate({ service: this.service, commerce: deps.commerce, codes: this.codes, email: deps.email ?? new OutboxEmailSender(deps.db, deps.logger), logger: deps.logger });
    this.review = new RiskReviewLookup(this.decisions, this.codes);
  }

  /** Reacts to model events from any process (a promotion swaps the workspace's live model). */
  handleModelEvent(event: ModelEvent): void {
    if (event.component === RISK_COMPONENT) this.liveModels.handle(event);
  }

  /** What the REST routes need. */
  routeDeps(tokens: ApiTokenStore, training: Queue<TrainModelJobData>): RiskRoutesDeps {
    return { tokens, service: this.service, decisions: this.decisions, settings: this.settings, ipTables: this.ipTables, registry: this.deps.registry, training };
  }

  /** The training queue's processor for `risk-model` jobs. */
  retrainProcessor(training: Queue<TrainModelJobData>, redis: Redis) {
    return retrainRiskProcessor({
      registry: this.deps.registry,
      component: this.component,
      queue: training,
      workspaces: () => this.decisions.workspacesWithLabels(),
      redis,
      keyPrefix: this.deps.keyPrefix,
      logger: this.deps.logger,
    });
  }

  /** Installs (or removes) the retraining schedule of the configuration; idempotent across processes. */
  async schedule(training: Queue<TrainModelJobData>): Promise<void> {
    const pattern = this.deps.settings.retrainSchedule.trim();
    if (!pattern) {
      await training.removeJobScheduler(RISK_RETRAIN_SCHEDULER);
      return;
    }
    await training.upsertJobScheduler(RISK_RETRAIN_SCHEDULER, { pattern, tz: 'UTC' }, { name: 'train-model', data: { scope: null, component: RISK_COMPONENT, requestedBy: 'schedule' } });
  }

  /** Seeds the demo's risk data into the demo store's workspace (see seed-demo-risk.ts). */
  seedDemo(workspaceId: string, training: Queue<TrainModelJobData>): Promise<DemoRiskState> {
    return seedDemoRisk(
      {
        db: this.deps.db,
        decisions: this.decisions,
        labels: this.labels,
        counters: this.counters,
        registry: this.deps.registry,
        training,
        redis: this.deps.redis,
        keyPrefix: this.deps.keyPrefix,
        logger: this.deps.logger,
      },
      workspaceId,
    );
  }
}
