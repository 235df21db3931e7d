/**
 * The evaluation behind `npm run risk:eval`: train on labelled purchases, then score the test purchases through the
 * live scorer (the same counters, feature builder, model artefact and decision code as `POST /api/risk/score`).
 *
 * Both passes replay every purchase of both files in time order, as a live store would have seen them: each is
 * scored with the counts of every purchase before it, then recorded. Pass 1 (in memory) gives the training rows'
 * features; the model is trained on the training rows only (labels of test rows are never read before scoring).
 * Pass 2 starts from empty counters (in memory or in Redis) and sends every test purchase through
 * `RiskScorer.score` with the model loaded back from its serialised artefact, timing each call; training purchases
 * are only recorded in the counters.
 */
import type { Redis } from 'ioredis';
import { DEFAULT_COUNTER_WINDOWS, type RiskCounterStore } from '../features/counter-store';
import { counterEventOf, RiskFeatureBuilder } from '../features/feature-builder';
import type { IpCountryMap } from '../features/ip-country-map';
import { MemoryCounterStore } from '../features/memory-counter-store';
import { RedisCounterStore } from '../features/redis-counter-store';
import { RiskModel } from '../model/risk-model';
import { trainRiskModel, type RiskTrainingOptions } from '../model/risk-trainer';
import { RiskScorer } from '../scoring/risk-scorer';
import type { LabelledRequest } from './fraud-dataset';
import { averagePrecision, quantile, recallAtFpr, rocAuc } from './metrics';
import { replayFeatures, timeOrder } from './replay';

/** Inputs of {@link evaluateFraudData}. */
export interface FraudEvaluationInput {
  train: readonly LabelledRequest[];
  test: readonly LabelledRequest[];
  ipCountries?: IpCountryMap;
  /** Pass 2's counters: a Redis connection and a key prefix (deleted afterwards), or in memory when absent. */
  redis?: { client: Redis; keyPrefix: string };
  training?: RiskTrainingOptions;
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
}

/** What the evaluation measured. */
export interface FraudEvaluationResult {
  rocAuc: number;
  prAuc: number;
  recallAt1pctFpr: number;
  trainSeconds: number;
  p99ms: number;
  p50ms: number;
  counters: 'memory' | 'redis';
  trainRows: number;
  testRows: number;
  testFrauds: number;
  featureSeconds: number;
  modelVersion: string;
  validation: { rocAuc: number; prAuc: number; rounds: number; params: Record<string, string | number> };
  thresholds: { review: number; decline: number };
  /** Test decisions: how many frauds and legitimate orders each got. */
  decisions: Record<'approve' | 'review' | 'decline', { fraud: number; legit: number }>;
}

const round = (value: number, digits = 4): number => Math.round(value * 10 ** digits) / 10 ** digits;

/** See the file comment. */
export async function evaluateFraudData(input: FraudEvaluationInput): Promise<FraudEvaluationResult> {
  const log = input.log ?? (() => undefined);
  const all = [...input.train, ...input.test];
  const isTest = all.map((_, i) => i >= input.train.length);
  const requests = all.map((r) => r.request);
  const builder = new RiskFeatureBuilder({ ...(input.ipCountries ? { ipCountries: input.ipCountries } : {}) });

  const featureStart = performance.now();
  const features = await replayFeatures(requests, new MemoryCounterStore(DEFAULT_COUNTER_WINDOWS), builder);
  const featureSeconds = (performance.now() - featureStart) / 1000;
  log(`features of ${all.length} purchases in ${featureSeconds.toFixed(1)} s`);

  const trainIndex = all.map((_, i) => i).filter((i) => !isTest[i]);
  const trainStart = performance.now();
  const trained = await trainRiskModel(
    trainIndex.map((i) => features[i]!),
    trainIndex.map((i) => all[i]!.label),
    trainIndex.map((i) => all[i]!.userId),
    input.training,
  );
  const trainSeconds = (performance.now() - trainStart) / 1000;
  log(`trained in ${trainSeconds.toFixed(1)} s: ${trained.metrics.rounds} rounds, ${JSON.stringify(trained.metrics.params)}`);
  const artefact = trained.serialize();
  trained.dispose();
  const model = RiskModel.load(artefact);

  const counters: RiskCounterStore = input.redis ? new RedisCounterStore(input.redis.client, input.redis.keyPrefix) : new MemoryCounterStore();
  const failures: unknown[] = [];
  const scorer = new RiskScorer({ counters, features: builder, model, logger: { error: (o) => failures.push(o.err) } });
  const scores: number[] = [];
  const labels: number[] = [];
  const latencies: number[] = [];
  const decisions = { approve: { fraud: 0, legit: 0 }, review: { fraud: 0, legit: 0 }, decline: { fraud: 0, legit: 0 } };
  try {
    for (const i of timeOrder(requests)) {
      if (!isTest[i]) {
        await counters.observe(counterEventOf(requests[i]!));
        continue;
      }
      const started = performance.now();
      const result = await scorer.score(requests[i]!);
      latencies.push(performance.now() - started);
      if (result.score === null) throw new Error(`Scoring failed: ${String(failures[failures.length - 1])}`);
      scores.push(result.score);
      labels.push(all[i]!.label);
      decisions[result.decision][all[i]!.label === 1 ? 'fraud' : 'legit'] += 1;
    }
  } finally {
    model.dispose();
    if (input.redis) await deletePrefix(input.redis.client, input.redis.keyPrefix);
  }
  return {
    rocAuc: round(rocAuc(scores, labels)),
    prAuc: round(averagePrecision(scores, labels)),
    recallAt1pctFpr: round(recallAtFpr(scores, labels, 0.01)),
    trainSeconds: round(trainSeconds, 2),
    p99ms: round(quantile(latencies, 0.99), 3),
    p50ms: round(quantile(latencies, 0.5), 3),
    counters: input.redis ? 'redis' : 'memory',
    trainRows: input.train.length,
    testRows: input.test.length,
    testFrauds: labels.filter((l) => l === 1).length,
    featureSeconds: round(featureSeconds, 2),
    modelVersion: model.version,
    validation: { rocAuc: round(model.metrics.rocAuc), prAuc: round(model.metrics.prAuc), rounds: model.metrics.rounds, params: model.metrics.params },
    thresholds: { review: round(model.thresholds.review), decline: round(model.thresholds.decline) },
    decisions,
  };
}

async function deletePrefix(redis: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length) await redis.unlink(...keys);
  } while (cursor !== '0');
}
