/**
 * Risk scoring as the platform runs it: the workspace's live model (from the model registry) and compiled settings,
 * the scorer over the shared counters, and the audit log. Every decision acted on is logged with its model version
 * before it is returned; a dry run neither counts nor logs. Outcomes reported later are stored as labels and applied
 * to the counters the same way retraining replays them. Without a trained model, the workspace's rules alone decide.
 */
import type { RiskCounterStore } from '../features/counter-store';
import type { RiskFeatureBuilder } from '../features/feature-builder';
import type { RiskRequest } from '../features/risk-request';
import type { RiskModel } from '../model/risk-model';
import { RiskScorer, type RiskLogger, type RiskScore } from '../scoring/risk-scorer';
import { applyLabelEffect, labelEffect } from '../learning/risk-timeline';
import type { DecisionContext, RiskDecisionLog } from './risk-decision-log';
import type { NewRiskLabel, RiskLabel, RiskLabelStore } from './risk-label-store';
import type { RiskSettingsStore } from './risk-settings';

/** A decision as returned to callers. */
export interface ScoredDecision extends RiskScore {
  /** Id of the audit-log row; absent for a dry run. */
  decisionId?: string;
}

/** Where the live models come from (LiveModels of the model registry). */
export interface LiveRiskModels {
  forWorkspace(workspaceId: string): Promise<{ model: RiskModel } | undefined>;
}

/** Dependencies of {@link RiskService}. */
export interface RiskServiceDeps {
  counters: RiskCounterStore;
  /** The feature builder, or each workspace's (its own IP table: WorkspaceIpTables.builderFor). */
  features: RiskFeatureBuilder | ((workspaceId: string) => Promise<RiskFeatureBuilder>);
  models: LiveRiskModels;
  settings: RiskSettingsStore;
  decisions: RiskDecisionLog;
  labels: RiskLabelStore;
  logger: RiskLogger & { warn?(object: Record<string, unknown>, message: string): void };
  /** Model reasons per score. @defaultValue 3 */
  maxReasons?: number;
}

/** See the file comment. */
export class RiskService {
  private readonly scorer: RiskScorer;

  constructor(private readonly deps: RiskServiceDeps) {
    this.scorer = new RiskScorer({
      counters: deps.counters,
      // Given per call (below), resolved for the workspace first: a call without it fails (closed, to review).
      features: () => {
        throw new Error('RiskService passes the feature builder with every call');
      },
      // Given per call (below): the live model and settings are looked up asynchronously first.
      model: undefined,
      withoutModel: 'rules',
      logger: deps.logger,
      maxReasons: deps.maxReasons ?? 3,
    });
  }

  /** The decision log (the chat and the handoff read it). */
  get decisions(): RiskDecisionLog {
    return this.deps.decisions;
  }

  /**
   * Scores a request and, unless `dryRun`, counts it and logs the decision. Never answers `approve` on a failure: a
   * model or settings that cannot be loaded make the answer `review` (logged), like any scoring failure.
   * @throws when the decision cannot be logged (the caller must not act on an unlogged decision).
   */
  async score(request: RiskRequest, context: DecisionContext & { dryRun?: boolean }): Promise<ScoredDecision> {
    let result: RiskScore;
    try {
      const features = this.deps.features;
      const [live, settings, builder] = await Promise.all([
        this.deps.models.forWorkspace(request.workspaceId),
        this.deps.settings.compiled(request.workspaceId),
        typeof features === 'function' ? features(request.workspaceId) : features,
      ]);
      result = await this.scorer.score(request, { record: !context.dryRun, model: live?.model ?? null, settings: settings.scorer, features: builder });
    } catch (error) {
      this.deps.logger.error({ err: error, workspaceId: request.workspaceId, eventId: request.eventId, action: request.action }, 'risk model or settings unavailable; answering review (fail closed)');
      result = {
        score: null,
        decision: 'review',
        reasons: [{ code: 'scoring_failed', text: 'the risk check could not run, so this is sent to review' }],
        modelVersion: 'unavailable',
        rules: [],
      };
    }
    if (context.dryRun) return result;
    const decisionId = await this.deps.decisions.record(request, result, {
      source: context.source,
      ...(context.orderNumber ? { orderNumber: context.orderNumber } : {}),
      ...(context.conversationId ? { conversationId: context.conversationId } : {}),
      ...(context.messageId ? { messageId: context.messageId } : {}),
      ...(context.outcome ? { outcome: context.outcome } : {}),
    });
    return { ...result, decisionId };
  }

  /**
   * Stores an outcome and applies it to the counters (a chargeback marks the customer and the order's device, IP,
   * card and address). A repeated report (same external id) changes nothing.
   * @returns the label, whether it was new, and whether the counters took it (false: logged, retraining still sees it).
   */
  async recordOutcome(input: NewRiskLabel): Promise<{ label: RiskLabel; created: boolean; countersUpdated: boolean }> {
    const { label, created } = await this.deps.labels.record(input);
    if (!created) return { label, created, countersUpdated: false };
    try {
      const subject = label.orderNumber
        ? ((await this.deps.decisions.purchaseRequest(label.workspaceId, label.orderNumber)) ?? (await this.deps.decisions.latestRequestAbout(label.workspaceId, label.orderNumber)))
        : undefined;
      await applyLabelEffect(labelEffect(label, subject), this.deps.counters);
      return { label, created, countersUpdated: true };
    } catch (error) {
      this.deps.logger.error({ err: error, workspaceId: label.workspaceId, labelId: label.id }, 'risk outcome stored but not applied to the counters');
      return { label, created, countersUpdated: false };
    }
  }
}
