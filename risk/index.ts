/**
 * Risk scoring: fraud checks before orders and sensitive requests (address changes, cancellations, refunds,
 * "not received" claims, payment changes), with reasons in plain words. Features from incremental counters
 * (in memory or Redis), gradient-boosted trees from the XGBoost C library, Platt-calibrated scores, per-workspace
 * rules and thresholds, and the evaluation behind `npm run risk:eval`.
 */
export { RISK_ACTIONS, type RiskAction, type RiskRequest, type RiskCustomer, type RiskOrder, type RiskDevice } from './features/risk-request';
export {
  DEFAULT_COUNTER_WINDOWS,
  ENTITY_KINDS,
  type ChargebackRecord,
  type CounterEvent,
  type CounterSnapshot,
  type CounterWindows,
  type EntityKind,
  type RiskCounterStore,
} from './features/counter-store';
export { MemoryCounterStore } from './features/memory-counter-store';
export { RedisCounterStore } from './features/redis-counter-store';
export {
  CATEGORICAL_FEATURES,
  NUMERIC_FEATURES,
  RiskFeatureBuilder,
  counterEventOf,
  entityKeysOf,
  type FeatureBuilderOptions,
  type RiskFeatures,
} from './features/feature-builder';
export { FeatureEncoder, type EncodedColumn, type FeatureVocabulary } from './features/feature-encoder';
export { IpCountryMap, IpCountryMapError, ipv4ToInteger } from './features/ip-country-map';
export { DisposableEmailDomains, DISPOSABLE_DOMAINS_FILE } from './features/disposable-email-domains';
export { normaliseCountry } from './features/countries';
export { RiskModel, RiskArtefactError, XGBOOST_RISK_KIND, type DecisionThresholds, type RiskPrediction, type RiskTrainingMetrics } from './model/risk-model';
export {
  trainRiskModel,
  chooseThresholds,
  DEFAULT_RISK_CANDIDATES,
  DEFAULT_RISK_MONOTONE,
  RiskTrainingCancelledError,
  RiskTrainingDataError,
  type RiskTrainingOptions,
} from './model/risk-trainer';
export { RiskModelComponent, RISK_COMPONENT, type RiskComponentOptions } from './model/risk-component';
export { XgboostUnavailableError, XgboostCallError, findXgboostLibrary } from './model/xgboost-library';
export { RiskRules, RiskRuleError, type RiskRuleSet, type RuleHit } from './rules/risk-rules';
export { topReasons, type RiskReason } from './explanations/plain-reasons';
export { RiskScorer, decide, moreSevere, RISK_DECISIONS, type RiskDecision, type RiskLogger, type RiskScore, type RiskScoreOptions, type RiskScorerOptions, type WorkspaceRiskSettings } from './scoring/risk-scorer';
export { parseRiskRequest, riskRequestBodySchema, RiskRequestError, type RiskRequestBody } from './scoring/risk-request-schema';
export { readFraudFile, parseFraudCsv, splitByUser, FraudDataError, type LabelledRequest } from './evaluation/fraud-dataset';
export { evaluateFraudData, type FraudEvaluationResult } from './evaluation/evaluate-fraud';
export { rocAuc, averagePrecision, recallAtFpr } from './evaluation/metrics';
export { RiskSettingsStore, riskSettingsSchema, parseRiskSettings, type RiskSettings, type CompiledRiskSettings } from './platform/risk-settings';
export { RiskDecisionLog, type LoggedDecision, type DecisionContext, type ChatOutcome } from './platform/risk-decision-log';
export { RiskLabelStore, RISK_LABEL_KINDS, type RiskLabel, type NewRiskLabel } from './platform/risk-label-store';
export { RiskService, type ScoredDecision, type LiveRiskModels, type RiskServiceDeps } from './platform/risk-service';
export { RiskModule, type RiskModuleDeps } from './platform/risk-module';
export { ChatRiskGate, type ChatRiskChecks, type RiskCheckInput, type RiskCheckResult } from './chat/chat-risk-gate';
export { buildChatRiskRequest, chatEventId, type ChatRiskSubject } from './chat/chat-risk-request';
export { VerificationCodes, type CodeAnswer } from './chat/verification-codes';
export { OutboxEmailSender, maskEmail, type EmailSender, type OutgoingEmail } from './chat/email-sender';
export { RiskReviewLookup, type RiskReview, type RiskReviewSource } from './chat/risk-review';
export { riskRoutes, describeRiskRoutes, type RiskRoutesDeps } from './api/risk-routes';
export { createRiskScoreFastPath, scoreApiCall, RISK_SCORE_PATH, type RiskScoreFastPath, type RiskScoreFastPathDeps } from './api/risk-score-endpoint';
export { RiskLearningComponent, InsufficientRiskLabelsError, type WindowMetrics } from './learning/risk-learning-component';
export { retrainRiskProcessor, decideRiskPromotion, type RetrainRiskResult } from './learning/retrain-risk.job';
export { buildTrainingSet, type RiskTrainingSet, type TrainingRow } from './learning/risk-training-set';
export { seedDemoRisk, type DemoRiskState } from './demo/seed-demo-risk';
export { RISKY_DEMO_ORDER } from './demo/demo-risk-history';
