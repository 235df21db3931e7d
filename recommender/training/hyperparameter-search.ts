/**
 * Choosing a model's hyperparameters on the validation split: coordinate ascent from the defaults over the
 * trainer's search space, one hyperparameter at a time, keeping a value only when it improves the objective
 * (HR@10 + NDCG@10) on the validation users. Scoring-only hyperparameters reuse the fitted model; the others
 * refit, warm-started from the best model so far. The test split never takes part.
 */
import type { InteractionData } from '../data/interaction-data';
import { evaluateModel } from '../evaluation/evaluate-model';
import type { RankingMetrics } from '../evaluation/ranking-metrics';
import { checkCancelled, type RecommenderModel, type RecommenderTrainer } from '../models/recommender-model';

/** What the search optimises: HR@10 plus NDCG@10 (NDCG breaks ties between equal hit rates). */
export function tuningObjective(m: RankingMetrics): number {
  return m.hr10 + m.ndcg10;
}

/** Options of {@link searchHyperparameters}. */
export interface SearchOptions {
  /** Validation users the search evaluates on. */
  users: ArrayLike<number>;
  /** Passes over the hyperparameters. @defaultValue 1 */
  passes?: number;
  signal?: AbortSignal;
  /** Receives one line per trial. */
  log?: (line: string) => void;
}

/** The best hyperparameters found, the model fitted with them on the validation training data, and its figures. */
export interface SearchResult<P> {
  params: P;
  model: RecommenderModel<P>;
  metrics: RankingMetrics;
  trials: number;
  seconds: number;
}

/**
 * Searches `trainer`'s hyperparameters, fitting on `train` and evaluating on `targets` (the validation items) for
 * `options.users`.
 */
export async function searchHyperparameters<P>(
  trainer: RecommenderTrainer<P>,
  train: InteractionData,
  targets: Int32Array,
  base: P,
  options: SearchOptions,
): Promise<SearchResult<P>> {
  const started = performance.now();
  const signal = options.signal ? { signal: options.signal } : {};
  let params = { ...(base as object) } as P;
  let model = await trainer.fit(train, params, signal);
  let metrics = await evaluateModel(model, train, targets, { users: options.users });
  let best = tuningObjective(metrics);
  let trials = 1;
  options.log?.(`${trainer.kind} ${JSON.stringify(params)} hr10=${metrics.hr10.toFixed(4)}`);
  const scoring = new Set<keyof P>(trainer.scoringParams);
  const keys = (Object.keys(trainer.searchSpace) as (keyof P)[]).sort((a, b) => Number(scoring.has(a)) - Number(scoring.has(b)));
  for (let pass = 0; pass < (options.passes ?? 1); pass++) {
    let improved = false;
    for (const key of keys) {
      for (const value of trainer.searchSpace[key] ?? []) {
        if (params[key] === value) continue;
        checkCancelled(options);
        const candidate = { ...(params as object), [key]: value } as P;
        // A refit starts from the current best model where the algorithm can (ALS: fewer sweeps).
        const fitted = scoring.has(key) ? model.withParams(candidate) : await trainer.fit(train, candidate, { ...signal, warmStart: model });
        const m = await evaluateModel(fitted, train, targets, { users: options.users });
        trials++;
        const objective = tuningObjective(m);
        options.log?.(`${trainer.kind} ${String(key)}=${String(value)} hr10=${m.hr10.toFixed(4)} ndcg10=${m.ndcg10.toFixed(4)}`);
        if (objective > best) {
          best = objective;
          params = candidate;
          model = fitted;
          metrics = m;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return { params, model, metrics, trials, seconds: (performance.now() - started) / 1000 };
}
