/**
 * `npm run nlu:eval -- [--train FILE] --test FILE [--test FILE ...] [--model linear-svm|naive-bayes] [--oos-share 0.1] [--json]`
 * `npm run nlu:eval -- ... --model embedding-head|hybrid-embedding --embedding-model Xenova/multilingual-e5-small
 *   [--embedding-prefix "query: "] [--embedding-weight 1]`
 *
 * Trains an intent classifier on `--train` (or on the built-in data when absent) and evaluates it on `--test`,
 * printing one JSON line: accuracy, macroF1, oosRecall, perLanguage, trainSeconds, p50ms, p99ms. Files: CSV
 * (`text,category|intent[,lang]`), JSONL, a folder of JSONL files, or CLINC150's `data_full.json` (train on train +
 * oos_train, calibrate on val + oos_val, test on test + oos_test). Latencies are per single message through the full
 * NLU step (intent, entities, frustration), one message at a time. The embedding kinds read the model from MODELS_DIR
 * (and the runtime's other MODELS_* settings); their latency includes computing the embedding.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { runtimeOptionsFromConfig, TransformerModelRuntime } from '../nlu/runtime';
import {
  computeIntentMetrics,
  embeddingIntentTrainers,
  intentTrainer,
  loadBuiltinIntentData,
  quantile,
  readIntentDataFile,
  type IntentClassifierTrainer,
  type IntentExample,
  type TextEmbedder,
} from '../nlu/intents';
import { warmUpEntityExtraction } from '../nlu/entities';
import { NluPipeline } from '../nlu/pipeline';

interface EvalData {
  train: IntentExample[];
  validation?: IntentExample[];
  test: IntentExample[];
}

function readExamples(path: string): { examples: IntentExample[]; clinc?: { train: IntentExample[]; validation: IntentExample[]; test: IntentExample[] } } {
  if (statSync(path).isDirectory()) {
    const files = readdirSync(path).filter((f) => /\.(jsonl|csv)$/.test(f)).sort();
    return { examples: files.flatMap((f) => readExamples(join(path, f)).examples) };
  }
  const file = readIntentDataFile(path);
  return file.kind === 'clinc' ? { examples: file.splits.test, clinc: file.splits } : { examples: file.examples };
}

function loadData(trainPath: string | undefined, testPaths: string[]): EvalData {
  if (trainPath) {
    const train = readExamples(trainPath);
    if (train.clinc) {
      const test = testPaths.length && testPaths[0] !== trainPath ? testPaths.flatMap((p) => readExamples(p).examples) : train.clinc.test;
      return { train: train.clinc.train, validation: train.clinc.validation, test };
    }
    return { train: train.examples, test: testPaths.flatMap((p) => readExamples(p).examples) };
  }
  return { train: loadBuiltinIntentData(), test: testPaths.flatMap((p) => readExamples(p).examples) };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      train: { type: 'string' },
      test: { type: 'string', multiple: true },
      model: { type: 'string', default: 'linear-svm' },
      'oos-share': { type: 'string' },
      'embedding-model': { type: 'string' },
      'embedding-prefix': { type: 'string', default: '' },
      'embedding-weight': { type: 'string' },
      json: { type: 'boolean', default: false },
    },
  });
  const testPaths = values.test ?? [];
  if (!testPaths.length && !values.train) throw new Error('Give --test FILE (and --train FILE, or nothing to use the built-in data)');
  const kind = values.model ?? 'linear-svm';
  let runtime: TransformerModelRuntime | undefined;
  let embedder: TextEmbedder | undefined;
  let trainer: IntentClassifierTrainer;
  if (kind === 'embedding-head' || kind === 'hybrid-embedding') {
    const config = loadConfig();
    const modelId = values['embedding-model'] ?? config.models.embeddingModel;
    if (!modelId) throw new Error(`--model ${kind} needs --embedding-model ID (or MODELS_EMBEDDING), a model in MODELS_DIR`);
    const weight = values['embedding-weight'] !== undefined ? Number(values['embedding-weight']) : undefined;
    if (weight !== undefined && !(weight > 0)) throw new Error('--embedding-weight must be a positive number');
    runtime = new TransformerModelRuntime(runtimeOptionsFromConfig(config));
    embedder = runtime.featureExtractor(modelId);
    trainer = embeddingIntentTrainers(embedder, {
      prefix: values['embedding-prefix'] ?? '',
      ...(weight !== undefined ? { embeddingWeight: weight } : {}),
    })[kind]!;
  } else {
    trainer = intentTrainer(kind);
  }
  try {
    await evaluate(trainer, embedder, values);
  } finally {
    await runtime?.close();
  }
}

async function evaluate(
  trainer: IntentClassifierTrainer,
  embedder: TextEmbedder | undefined,
  values: { train?: string | undefined; test?: string[] | undefined; 'oos-share'?: string | undefined; json?: boolean | undefined },
): Promise<void> {
  const testPaths = values.test ?? [];
  const data = loadData(values.train, testPaths);
  if (!data.test.length) throw new Error('The test data is empty');
  const started = performance.now();
  const share = values['oos-share'] !== undefined ? Number(values['oos-share']) : undefined;
  if (share !== undefined && !(share >= 0 && share <= 1)) throw new Error('--oos-share must be a number between 0 and 1');
  const classifier = await trainer.train(data.train, {
    ...(data.validation ? { validation: data.validation } : {}),
    ...(share !== undefined ? { outOfScopeShare: share } : {}),
  });
  const trainSeconds = (performance.now() - started) / 1000;
  const pipeline = new NluPipeline({ classifier, ...(embedder ? { embedder } : {}) });
  // Warm-up over every language in the test data (each language's date parser and lexicons load lazily), so the
  // first messages' loading and JIT compilation do not count as latency.
  warmUpEntityExtraction();
  for (const example of data.test.filter((_, i) => i % 10 === 0)) await pipeline.understandAsync(example.text, { language: example.language });
  const latencies: number[] = [];
  const results = [];
  for (const example of data.test) {
    const t0 = performance.now();
    const understood = await pipeline.understandAsync(example.text, { language: example.language });
    latencies.push(performance.now() - t0);
    results.push({ ...example, predicted: understood.intent.intent });
  }
  const metrics = computeIntentMetrics(results);
  const output = {
    benchmark: 'nlu-eval',
    model: trainer.kind,
    trainExamples: data.train.length,
    testExamples: data.test.length,
    accuracy: metrics.accuracy,
    macroF1: metrics.macroF1,
    ...(metrics.oosRecall !== undefined ? { oosRecall: metrics.oosRecall } : {}),
    perLanguage: metrics.perLanguage,
    trainSeconds: Math.round(trainSeconds * 100) / 100,
    p50ms: Math.round(quantile(latencies, 0.5) * 1000) / 1000,
    p99ms: Math.round(quantile(latencies, 0.99) * 1000) / 1000,
    calibration: classifier.metrics,
  };
  if (values.json) process.stdout.write(`${JSON.stringify(output)}\n`);
  else process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`nlu:eval failed: ${(error as Error).message}\n`);
  process.exit(1);
});
