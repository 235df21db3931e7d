/**
 * `npm run kb:eval -- [--kb PATH] [--queries FILE|FOLDER] [--language xx] [--json]`
 * `npm run kb:eval -- ... --embedding-model Xenova/multilingual-e5-small [--query-prefix "query: "] [--passage-prefix "passage: "]`
 *
 * Loads a knowledge base (a folder of Markdown articles, a JSON FAQ or a CSV FAQ, by what PATH is), indexes it, runs
 * every labelled question (JSONL `{"query","article","lang"}`, or a folder of such files) and prints one JSON line:
 * recallAt1, recallAt5, mrr (MRR@10), perLanguage, queries, articles, the confidence spread of right and wrong first
 * answers, and p50ms/p99ms: the latency of one `retrieve` call, measured one question at a time after a warm-up.
 *
 * Without arguments it evaluates `knowledge/demo/articles` with `knowledge/demo/queries`. With `--kb` but no
 * `--queries` it is a smoke test only: every article's own title and FAQ questions are its queries (they are also
 * indexed, so the figures flatter). `--language` is the language of FAQ files (default `en`).
 *
 * Keyword retrieval unless `--embedding-model` names a model in MODELS_DIR (read with the runtime's MODELS_*
 * settings): then hybrid keyword + vector retrieval with reciprocal rank fusion, and the latency includes embedding
 * the question. The prefixes default to E5's (`query: ` / `passage: `) when the model id contains "e5", else none.
 *
 * `--kb-languages en[,de]` indexes only those language versions (a help centre written in fewer languages than its
 * shoppers speak). `--translate` also searches every question translated into the main language (`--main-language`,
 * default `en`) with the platform's translator (TRANSLATION_* settings: Apertium offline), and reports the recall
 * without translation and the gain per language.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig, type ConfigSources } from '../config';
import { formatIssue, KnowledgeImportError, loadKnowledgeBase, readEvaluationQueries } from '../knowledge/import';
import { evaluateRetrieval, KnowledgeRetriever, splitIntoPassages, type EvaluationQuery, type KnowledgeDocument, type LanguageMetrics } from '../knowledge/retrieval';
import { quantile } from '../nlu/intents';
import { runtimeOptionsFromConfig, TransformerModelRuntime } from '../nlu/runtime';
import { createTranslator, type Translator } from '../nlu/translation';
import { projectRoot } from '../platform/paths';

/** The printed line. */
export interface KbEvalOutput {
  benchmark: 'kb-eval';
  kb: string;
  queriesFrom: string;
  mode: 'keyword' | 'hybrid';
  embeddingModel?: string;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
  perLanguage: Record<string, LanguageMetrics>;
  queries: number;
  articles: number;
  versions: number;
  passages: number;
  unknownArticles: number;
  confidence: Awaited<ReturnType<typeof evaluateRetrieval>>['confidence'];
  indexSeconds: number;
  p50ms: number;
  p99ms: number;
  /** With `--translate`: the backend, recall@5 without translation, and the gain per language. */
  translation?: { backend: string; recallAt5Without: number; recallAt5GainPerLanguage: Record<string, number> };
}

/** Every article's title and questions as its own queries (smoke test only). */
function selfQueries(documents: readonly KnowledgeDocument[]): EvaluationQuery[] {
  return documents.flatMap((document) =>
    [document.title, ...document.questions].map((query) => ({ query, article: document.articleId, lang: document.language })),
  );
}

function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/**
 * Parses `argv` (without node and script), runs the evaluation and returns the output line's object.
 *
 * @param configSources where the model runtime's settings come from (the environment by default).
 */
export async function runKbEval(argv: readonly string[], configSources: ConfigSources = {}): Promise<KbEvalOutput> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      kb: { type: 'string' },
      queries: { type: 'string' },
      language: { type: 'string', default: 'en' },
      'embedding-model': { type: 'string' },
      'query-prefix': { type: 'string' },
      'passage-prefix': { type: 'string' },
      'kb-languages': { type: 'string' },
      translate: { type: 'boolean', default: false },
      'main-language': { type: 'string', default: 'en' },
      json: { type: 'boolean', default: false },
    },
  });
  const kb = values.kb ?? join(projectRoot, 'knowledge', 'demo', 'articles');
  const queriesPath = values.queries ?? (values.kb ? undefined : join(projectRoot, 'knowledge', 'demo', 'queries'));
  const kbLanguages = values['kb-languages']?.split(',').map((l) => l.trim()).filter(Boolean);
  const documents = (await loadKnowledgeBase(kb, { defaultLanguage: values.language ?? 'en' })).filter(
    (document) => !kbLanguages || kbLanguages.includes(document.language),
  );
  if (!documents.length) throw new Error(`${kb} holds no articles`);
  const queries = queriesPath ? await readEvaluationQueries(queriesPath) : selfQueries(documents);
  if (!queries.length) throw new Error('There are no queries to evaluate');

  const modelId = values['embedding-model'];
  let runtime: TransformerModelRuntime | undefined;
  let translator: Translator | undefined;
  try {
    const e5 = modelId !== undefined && /e5/i.test(modelId);
    if (modelId) runtime = new TransformerModelRuntime(runtimeOptionsFromConfig(loadConfig(configSources)));
    const mainLanguage = values['main-language'] ?? 'en';
    const build = async (translateQuery?: (text: string, from: string, to: string) => Promise<string>) => {
      const retriever = new KnowledgeRetriever({
        ...(runtime && modelId ? { embedder: runtime.featureExtractor(modelId) } : {}),
        vector: {
          queryPrefix: values['query-prefix'] ?? (e5 ? 'query: ' : ''),
          passagePrefix: values['passage-prefix'] ?? (e5 ? 'passage: ' : ''),
        },
        mainLanguage,
        ...(translateQuery ? { translateQuery } : {}),
      });
      const started = performance.now();
      await retriever.index(documents);
      return { retriever, indexSeconds: (performance.now() - started) / 1000 };
    };
    let without: Awaited<ReturnType<typeof evaluateRetrieval>> | undefined;
    if (values.translate) {
      const config = loadConfig(configSources);
      translator = await createTranslator({ ...config.translation, engine: config.translation.engine === 'none' ? 'apertium' : config.translation.engine }, { runtimeOptions: runtimeOptionsFromConfig(config) });
      if (!translator) throw new Error('--translate needs a translation backend (Apertium, or TRANSLATION_MODEL)');
      without = await evaluateRetrieval((await build()).retriever, queries);
    }
    const active = translator;
    const { retriever, indexSeconds } = await build(
      active ? (text, from, to) => (active.supports(from, to) ? active.translate(text, from, to) : Promise.reject(new Error(`no ${from}->${to} backend`))) : undefined,
    );
    const evaluation = await evaluateRetrieval(retriever, queries);
    return {
      benchmark: 'kb-eval',
      kb,
      queriesFrom: queriesPath ?? 'self (smoke test: the articles own titles and questions)',
      mode: retriever.mode,
      ...(modelId ? { embeddingModel: modelId } : {}),
      recallAt1: evaluation.recallAt1,
      recallAt5: evaluation.recallAt5,
      mrr: evaluation.mrr,
      perLanguage: evaluation.perLanguage,
      queries: evaluation.queries,
      articles: new Set(documents.map((document) => document.articleId)).size,
      versions: documents.length,
      passages: documents.reduce((sum, document) => sum + splitIntoPassages(document).length, 0),
      unknownArticles: evaluation.unknownArticles,
      confidence: evaluation.confidence,
      indexSeconds: round(indexSeconds, 2),
      p50ms: round(quantile(evaluation.latenciesMs, 0.5)),
      p99ms: round(quantile(evaluation.latenciesMs, 0.99)),
      ...(without && translator
        ? {
            translation: {
              backend: translator.name,
              recallAt5Without: without.recallAt5,
              recallAt5GainPerLanguage: Object.fromEntries(
                Object.entries(evaluation.perLanguage).map(([language, metrics]) => [language, round(metrics.recallAt5 - (without.perLanguage[language]?.recallAt5 ?? 0))]),
              ),
            },
          }
        : {}),
    };
  } finally {
    await translator?.close?.();
    await runtime?.close();
  }
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const output = await runKbEval(argv);
  process.stdout.write(argv.includes('--json') ? `${JSON.stringify(output)}\n` : `${JSON.stringify(output, null, 2)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`kb:eval failed: ${(error as Error).message}\n`);
    if (error instanceof KnowledgeImportError) for (const issue of error.issues) process.stderr.write(`  ${formatIssue(issue)}\n`);
    process.exit(1);
  });
}
