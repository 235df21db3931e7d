/**
 * Scores an order or a sensitive request: counters (one round trip) -> features -> model (calibrated probability
 * and SHAP contributions) -> the workspace's rules and thresholds -> `approve | review | decline` with reasons in
 * plain words. It fails closed: whatever goes wrong, the answer is `review`, with the failure logged.
 */
import type { RiskCounterStore } from '../features/counter-store';
import { counterEventOf, type RiskFeatureBuilder } from '../features/feature-builder';
import type { RiskRequest } from '../features/risk-request';
import { topReasons, type RiskReason } from '../explanations/plain-reasons';
import type { DecisionThresholds, RiskModel } from '../model/risk-model';
import { RiskRules, type RuleHit } from '../rules/risk-rules';

/** The three outcomes, least to most severe. */
export const RISK_DECISIONS = ['approve', 'review', 'decline'] as const;

/** One of {@link RISK_DECISIONS}. */
export type RiskDecision = (typeof RISK_DECISIONS)[number];

/** The scorer's answer. */
export interface RiskScore {
  /** Calibrated probability of fraud (0..1); null when scoring failed. */
  score: number | null;
  decision: RiskDecision;
  /** Rule hits first, then the model's top reasons. */
  reasons: RiskReason[];
  /** Version of the model that scored (`none` without a model). */
  modelVersion: string;
  /** Names of the rules that fired. */
  rules: string[];
}

/** What a workspace sets (everything optional). */
export interface WorkspaceRiskSettings {
  /** Overrides the model's validated default thresholds. */
  thresholds?: Partial<DecisionThresholds>;
  /** Compiled rules. */
  rules?: RiskRules;
}

/** The subset of a pino logger the scorer uses. */
export interface RiskLogger {
  error(object: Record<string, unknown>, message: string): void;
  info?(object: Record<string, unknown>, message: string): void;
}

/** Dependencies and settings of {@link RiskScorer}. */
export interface RiskScorerOptions {
  counters: RiskCounterStore;
  /** The feature builder, or one per workspace (each may load its own IP table). */
  features: RiskFeatureBuilder | ((workspaceId: string) => RiskFeatureBuilder);
  /** The live model, or one per workspace; undefined: see `withoutModel`. */
  model: RiskModel | ((workspaceId: string) => RiskModel | undefined) | undefined;
  /**
   * What happens while a workspace has no trained model: `review` sends every request to review; `rules` decides on
   * the workspace's rules alone (approve when none fires). @defaultValue 'review'
   */
  withoutModel?: 'review' | 'rules';
  /** A workspace's settings. @defaultValue none */
  settings?: (workspaceId: string) => WorkspaceRiskSettings | undefined;
  logger: RiskLogger;
  /** Reasons given by the model. @defaultValue 3 */
  maxReasons?: number;
  /** Called with every decision (audit log with the model version). */
  onDecision?: (request: RiskRequest, score: RiskScore) => void;
}

/** Per-call choices of {@link RiskScorer.score}. */
export interface RiskScoreOptions {
  /** Record the request in the counters (later requests see it). @defaultValue true */
  record?: boolean;
  /** The model to use for this call instead of the resolver's (`null`: no model). */
  model?: RiskModel | null;
  /** The workspace settings for this call instead of the resolver's (`null`: none). */
  settings?: WorkspaceRiskSettings | null;
  /** The feature builder for this call instead of the resolver's (a workspace's own IP table). */
  features?: RiskFeatureBuilder;
}

const SEVERITY: Record<RiskDecision, number> = { approve: 0, review: 1, decline: 2 };

/** The more severe of two decisions. */
export function moreSevere(a: RiskDecision, b: RiskDecision): RiskDecision {
  return SEVERITY[a] >= SEVERITY[b] ? a : b;
}

/** The decision of a calibrated probability under `thresholds`. */
export function decide(probability: number, thresholds: DecisionThresholds): RiskDecision {
  if (probability >= thresholds.decline) return 'decline';
  if (probability >= thresholds.review) return 'review';
  return 'approve';
}

/** See the file comment. */
export class RiskScorer {
  constructor(private readonly options: RiskScorerOptions) {}

  /**
   * Scores `request` and (unless `record` is false) records it in the counters, so later requests see it.
   * Never throws: a failure is logged and answered with `review`.
   */
  async score(request: RiskRequest, options: RiskScoreOptions = {}): Promise<RiskScore> {
    let modelVersion = 'none';
    try {
      const resolved = this.resolve(request.workspaceId);
      const model = options.model === undefined ? resolved.model : (options.model ?? undefined);
      const settings = options.settings === undefined ? resolved.settings : options.settings;
      const builder = options.features ?? this.builderFor(request.workspaceId);
      modelVersion = model?.version ?? 'none';
      const snapshot = await this.options.counters.observe(counterEventOf(request), { record: options.record !== false });
      const features = builder.build(request, snapshot);
      const hits: RuleHit[] = settings?.rules?.evaluate(request) ?? [];
      const reasons: RiskReason[] = hits.map((h) => ({ code: `rule:${h.rule}`, text: h.reason }));
      let decision: RiskDecision = hits.reduce<RiskDecision>((d, h) => moreSevere(d, h.decision), 'approve');
      let score: number | null = null;
      if (model) {
        const prediction = model.predict(features, { explain: true });
        score = prediction.probability;
        const thresholds = { ...model.thresholds, ...settings?.thresholds };
        // A workspace that raises only `review` must not leave the model's lower `decline` beneath it.
        decision = moreSevere(decision, decide(score, { review: thresholds.review, decline: Math.max(thresholds.review, thresholds.decline) }));
        reasons.push(...topReasons(prediction.contributions ?? [], features, this.options.maxReasons ?? 3));
      } else if ((this.options.withoutModel ?? 'review') === 'review') {
        decision = moreSevere(decision, 'review');
        reasons.push({ code: 'no_model', text: 'no risk model is trained yet, so every request is reviewed' });
      } else {
        reasons.push({ code: 'no_model', text: "no risk model is trained yet, so only the workspace's rules were checked" });
      }
      const result: RiskScore = { score, decision, reasons, modelVersion, rules: hits.map((h) => h.rule) };
      this.options.onDecision?.(request, result);
      return result;
    } catch (error) {
      this.options.logger.error(
        { err: error, workspaceId: request.workspaceId, eventId: request.eventId, action: request.action, modelVersion },
        'risk scoring failed; answering review (fail closed)',
      );
      const result: RiskScore = {
        score: null,
        decision: 'review',
        reasons: [{ code: 'scoring_failed', text: 'the risk check could not run, so this is sent to review' }],
        modelVersion,
        rules: [],
      };
      this.options.onDecision?.(request, result);
      return result;
    }
  }

  private resolve(workspaceId: string): { model: RiskModel | undefined; settings: WorkspaceRiskSettings | undefined } {
    const { model, settings } = this.options;
    return { model: typeof model === 'function' ? model(workspaceId) : model, settings: settings?.(workspaceId) };
  }

  private builderFor(workspaceId: string): RiskFeatureBuilder {
    const { features } = this.options;
    return typeof features === 'function' ? features(workspaceId) : features;
  }
}
