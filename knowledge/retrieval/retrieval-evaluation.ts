/**
 * Retrieval quality on labelled questions: recall@1, recall@5 and MRR@10 of the expected article, overall and per
 * language, the latency of each single question, and how the confidence of right and wrong first answers is spread
 * (to choose a "not sure -> offer a person" threshold).
 */
import { quantile } from '../../nlu/intents';
import type { KnowledgeRetriever } from './knowledge-retriever';

/** A question and the article that answers it. */
export interface EvaluationQuery {
  query: string;
  /** Expected article id. */
  article: string;
  /** Language of the question; absent: the retriever is not told. */
  lang?: string;
}

/** Metrics of a set of questions. */
export interface LanguageMetrics {
  queries: number;
  /** Share of questions whose expected article is first. */
  recallAt1: number;
  /** Share of questions whose expected article is among the first five. */
  recallAt5: number;
  /** Mean reciprocal rank of the expected article, counting ranks 1-10 (MRR@10). */
  mrr: number;
}

/** The result of {@link evaluateRetrieval}. */
export interface RetrievalEvaluation extends LanguageMetrics {
  perLanguage: Record<string, LanguageMetrics>;
  /** Milliseconds of each measured `retrieve` call, in question order. */
  latenciesMs: number[];
  /** Questions whose expected article is not in the knowledge base (counted as misses). */
  unknownArticles: number;
  /** Quartiles of the first answer's confidence when it is right and when it is wrong. */
  confidence: { right: ConfidenceSpread; wrong: ConfidenceSpread };
}

/** Quartiles of a set of confidences (all 0 when the set is empty). */
export interface ConfidenceSpread {
  count: number;
  p25: number;
  p50: number;
  p75: number;
}

const RANKS = 10;

function metrics(ranks: readonly number[]): LanguageMetrics {
  const n = ranks.length || 1;
  const share = (test: (rank: number) => boolean) => round(ranks.filter(test).length / n);
  return {
    queries: ranks.length,
    recallAt1: share((rank) => rank === 1),
    recallAt5: share((rank) => rank >= 1 && rank <= 5),
    mrr: round(ranks.reduce((sum, rank) => sum + (rank >= 1 && rank <= RANKS ? 1 / rank : 0), 0) / n),
  };
}

function spread(values: readonly number[]): ConfidenceSpread {
  if (!values.length) return { count: 0, p25: 0, p50: 0, p75: 0 };
  return { count: values.length, p25: round(quantile([...values], 0.25)), p50: round(quantile([...values], 0.5)), p75: round(quantile([...values], 0.75)) };
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}

/**
 * Runs every question through `retriever` once (after a warm-up of three rounds over every tenth question, so
 * loading and JIT compilation are not counted) and scores where the expected article lands.
 */
export async function evaluateRetrieval(retriever: KnowledgeRetriever, queries: readonly EvaluationQuery[]): Promise<RetrievalEvaluation> {
  const known = new Set(retriever.articleIds());
  // Three rounds, so the optimising compiler has settled; the measured questions themselves are not repeated.
  const warmUp = queries.filter((_, i) => i % 10 === 0);
  for (let round = 0; round < 3; round++) {
    for (const query of warmUp) await retriever.retrieve(query.query, { ...(query.lang ? { language: query.lang } : {}), limit: RANKS });
  }
  const ranks: number[] = [];
  const byLanguage = new Map<string, number[]>();
  const latenciesMs: number[] = [];
  const right: number[] = [];
  const wrong: number[] = [];
  for (const query of queries) {
    const started = performance.now();
    const result = await retriever.retrieve(query.query, { ...(query.lang ? { language: query.lang } : {}), limit: RANKS });
    latenciesMs.push(performance.now() - started);
    const rank = result.articles.findIndex((article) => article.articleId === query.article) + 1;
    ranks.push(rank);
    const language = query.lang ?? 'unknown';
    byLanguage.set(language, [...(byLanguage.get(language) ?? []), rank]);
    if (result.articles.length) (rank === 1 ? right : wrong).push(result.confidence);
  }
  return {
    ...metrics(ranks),
    perLanguage: Object.fromEntries([...byLanguage].sort(([a], [b]) => (a < b ? -1 : 1)).map(([language, values]) => [language, metrics(values)])),
    latenciesMs,
    unknownArticles: queries.filter((query) => !known.has(query.article)).length,
    confidence: { right: spread(right), wrong: spread(wrong) },
  };
}
