/**
 * Intent metrics as the CLINC150 paper defines them: accuracy and macro-F1 over in-scope examples (predicting
 * out_of_scope for one counts as wrong), out-of-scope recall over out-of-scope examples, plus accuracy per language.
 */
import { OUT_OF_SCOPE, type IntentExample } from './intent-classifier';

/** One test example with the intent predicted for it. */
export interface EvaluatedExample extends IntentExample {
  predicted: string;
}

/** The figures `npm run nlu:eval` prints. */
export interface IntentMetrics {
  accuracy: number;
  macroF1: number;
  oosRecall?: number;
  perLanguage: Record<string, number>;
  inScopeExamples: number;
  outOfScopeExamples: number;
}

const round = (value: number): number => Math.round(value * 10000) / 10000;

/** Computes {@link IntentMetrics}; languages come from each example's `language` (`unknown` when missing). */
export function computeIntentMetrics(results: readonly EvaluatedExample[]): IntentMetrics {
  const inScope = results.filter((r) => r.intent !== OUT_OF_SCOPE);
  const outside = results.filter((r) => r.intent === OUT_OF_SCOPE);
  const correct = inScope.filter((r) => r.predicted === r.intent).length;
  const classes = [...new Set(inScope.map((r) => r.intent))];
  let f1Sum = 0;
  for (const cls of classes) {
    const truePositives = inScope.filter((r) => r.intent === cls && r.predicted === cls).length;
    const predicted = results.filter((r) => r.predicted === cls).length;
    const actual = inScope.filter((r) => r.intent === cls).length;
    const precision = predicted ? truePositives / predicted : 0;
    const recall = actual ? truePositives / actual : 0;
    f1Sum += precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  }
  const perLanguage: Record<string, number> = {};
  const byLanguage = new Map<string, { correct: number; total: number }>();
  for (const r of inScope) {
    const key = r.language ?? 'unknown';
    const entry = byLanguage.get(key) ?? { correct: 0, total: 0 };
    entry.total++;
    if (r.predicted === r.intent) entry.correct++;
    byLanguage.set(key, entry);
  }
  for (const [language, { correct: c, total }] of [...byLanguage].sort(([a], [b]) => a.localeCompare(b))) perLanguage[language] = round(c / total);
  return {
    accuracy: inScope.length ? round(correct / inScope.length) : 0,
    macroF1: classes.length ? round(f1Sum / classes.length) : 0,
    ...(outside.length ? { oosRecall: round(outside.filter((r) => r.predicted === OUT_OF_SCOPE).length / outside.length) } : {}),
    perLanguage,
    inScopeExamples: inScope.length,
    outOfScopeExamples: outside.length,
  };
}

/** The value at quantile `q` (0..1) of unsorted numbers. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}
