/**
 * The intent classifier as a registry component: its training data is the built-in data plus a workspace's own
 * examples, its primary metric the held-out in-scope accuracy, and training runs on worker threads.
 */
import { createHash } from 'node:crypto';
import type { TrainableComponent, TrainedArtefact, TrainingControl, TrainingSet } from '../../platform/models/trainable-component';
import type { ModelRuntimeOptions } from '../runtime/runtime-options';
import type { IntentClassifier, IntentExample } from './intent-classifier';
import { embeddingIntentTrainers, type TextEmbedder } from './embedding-intent-classifier';
import { intentTrainer } from './intent-trainers';
import { loadBuiltinIntentData } from './training-data';
import { trainIntentsInThread } from './train-in-thread';

/** Registry name of the intent classifier component. */
export const INTENT_COMPONENT = 'intent-classifier';

/** Bumped when the features or training change in a way that must retrain existing models. */
const TRAINING_REVISION = 2;

/** Kinds that classify from a sentence embedding (they need {@link IntentComponentOptions.embedding}). */
export const EMBEDDING_INTENT_KINDS: readonly string[] = ['embedding-head', 'hybrid-embedding'];

/** The sentence-embedding model of the embedding kinds. */
export interface IntentEmbeddingSettings {
  /** Settings of the model runtime; the training thread starts its own runtime with them. */
  runtime: ModelRuntimeOptions;
  /** Vectors on this thread; its `modelId` is the configured model, which loaded artefacts must match. */
  embedder: TextEmbedder;
  /** Put before every text before embedding it (e.g. `query: `). */
  prefix: string;
  /** Weight of the embedding against the n-grams (`hybrid-embedding`). */
  weight: number;
}

/** Settings of {@link IntentClassifierComponent}. */
export interface IntentComponentOptions {
  /** Classifier kind (`linear-svm`, `naive-bayes`, `embedding-head`, `hybrid-embedding`). */
  kind: string;
  /** Required for the embedding kinds. */
  embedding?: IntentEmbeddingSettings;
  /** A workspace's own examples. */
  workspaceExamples: (workspaceId: string) => Promise<IntentExample[]>;
  /** The built-in examples (default: the YAML files shipped in nlu/data/intents). */
  builtinExamples?: () => IntentExample[];
}

/** Fingerprint of a training set: kind, revision and every example, order-independent. */
export function fingerprintExamples(kind: string, examples: readonly IntentExample[]): string {
  const lines = examples.map((e) => `${e.intent}\u0001${e.language ?? ''}\u0001${e.text}`).sort();
  const hash = createHash('sha256').update(`${kind}\u0002${TRAINING_REVISION}\u0002`);
  for (const line of lines) hash.update(line).update('\n');
  return hash.digest('hex');
}

/** See the file comment. */
export class IntentClassifierComponent implements TrainableComponent<IntentExample[], IntentClassifier> {
  readonly name = INTENT_COMPONENT;
  readonly primaryMetric = 'accuracy';
  private builtinCache?: IntentExample[];

  constructor(private readonly options: IntentComponentOptions) {
    if (EMBEDDING_INTENT_KINDS.includes(options.kind) && !options.embedding) {
      throw new Error(`The ${options.kind} intent classifier needs a sentence-embedding model (MODELS_EMBEDDING)`);
    }
  }

  async collect(scope: string | null): Promise<TrainingSet<IntentExample[]>> {
    this.builtinCache ??= (this.options.builtinExamples ?? loadBuiltinIntentData)();
    const own = scope ? await this.options.workspaceExamples(scope) : [];
    const data = [...this.builtinCache, ...own];
    return { data, fingerprint: fingerprintExamples(this.trainingDescriptor(), data), kind: this.options.kind };
  }

  async train(set: TrainingSet<IntentExample[]>, control: TrainingControl): Promise<TrainedArtefact> {
    const embedding = EMBEDDING_INTENT_KINDS.includes(set.kind) ? this.options.embedding : undefined;
    const { artefact, metrics } = await trainIntentsInThread(
      {
        kind: set.kind,
        examples: set.data,
        ...(embedding
          ? { embedding: { runtime: embedding.runtime, modelId: embedding.embedder.modelId, prefix: embedding.prefix, weight: embedding.weight } }
          : {}),
      },
      control,
    );
    return { artefact, metrics: { ...metrics } };
  }

  load(kind: string, artefact: Buffer): IntentClassifier {
    if (!EMBEDDING_INTENT_KINDS.includes(kind)) return intentTrainer(kind).load(artefact);
    const embedding = this.options.embedding;
    if (!embedding) throw new Error(`A ${kind} intent model needs a sentence-embedding model (MODELS_EMBEDDING) to run`);
    return embeddingIntentTrainers(embedding.embedder)[kind]!.load(artefact);
  }

  /** The embedding kinds depend on the model and how it is used, so those are part of what the fingerprint covers. */
  private trainingDescriptor(): string {
    const { kind, embedding } = this.options;
    if (!embedding || !EMBEDDING_INTENT_KINDS.includes(kind)) return kind;
    return `${kind}\u0003${embedding.embedder.modelId}\u0003${embedding.runtime.dtype}\u0003${embedding.prefix}\u0003${kind === 'hybrid-embedding' ? embedding.weight : 1}`;
  }
}
