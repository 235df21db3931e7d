/**
 * Intent classifiers over sentence embeddings from a transformer model (the runtime's feature extractor): a linear
 * SVM head on the embedding alone (`embedding-head`), or on the embedding next to the TF-IDF n-grams of the default
 * model (`hybrid-embedding`), so the head keeps exact-wording cues (order-number formats, brand names, code-mixed
 * terms) that a small encoder blurs. Same calibration and out-of-scope threshold as the linear models.
 *
 * The embedding is computed outside the classifier (asynchronously, micro-batched by the runtime) and handed to
 * `predict`; {@link EmbeddingIntentClassifier.embeddingModel} names the model it must come from.
 */
import { decideIntent, packArtefact, unpackArtefact } from './intent-artefact';
import { fitCalibratedLinearModel, type LabelledRows } from './calibrated-linear-fit';
import { TrainingCancelledError } from './linear-svm';
import { trainLinearSvmParallel } from './parallel-svm';
import { TfidfVectorizer, type SparseVector, type TfidfVectorizerState } from './tfidf-vectorizer';
import {
  ArtefactFormatError,
  OUT_OF_SCOPE,
  type IntentClassifier,
  type IntentClassifierTrainer,
  type IntentExample,
  type IntentPrediction,
  type IntentTrainingMetrics,
  type IntentTrainingOptions,
} from './intent-classifier';

/** Sentence vectors from one model, e.g. the runtime's `FeatureExtractor`. */
export interface TextEmbedder {
  /** Hub id of the model; stored with the artefact so predictions use the same one. */
  readonly modelId: string;
  /** One L2-normalised vector per text, in order. */
  embed(texts: readonly string[]): Promise<Float32Array[]>;
}

/** Options of {@link EmbeddingIntentTrainer}. */
export interface EmbeddingHeadOptions {
  /** Add the TF-IDF character/word n-grams of the default model beside the embedding. */
  ngrams: boolean;
  /**
   * Scale of the (unit-length) embedding block against the (unit-length) n-gram block; only with `ngrams`.
   * @defaultValue 1
   */
  embeddingWeight?: number;
  /** Put before every text before embedding it; e5 models expect `query: `. @defaultValue '' */
  prefix?: string;
  /** SVM regularisation. @defaultValue 1 */
  c?: number;
  /** Texts embedded per `embed` call while training (progress is reported between calls). @defaultValue 64 */
  embedBatchSize?: number;
}

const FORMAT = 'polyglot-desk/embedding-intents';
const FORMAT_VERSION = 1;

interface ArtefactHeader {
  format: string;
  version: number;
  kind: string;
  intents: string[];
  embeddingModel: string;
  embeddingDimension: number;
  embeddingWeight: number;
  embeddingMean: number[];
  embeddingFactor: number[];
  prefix: string;
  vectorizer?: TfidfVectorizerState;
  temperature: number;
  threshold: number;
  metrics: IntentTrainingMetrics;
  bias: number[];
}

/** Raised when `predict` gets no embedding, or one of the wrong size. */
export class EmbeddingMismatchError extends Error {
  override name = 'EmbeddingMismatchError';
}

/**
 * Per-dimension centring and scaling of the embedding block, learned on the training vectors. Sentence encoders put
 * all texts in a narrow cone (cosine 0.7-0.9 between unrelated texts), so raw unit vectors leave a linear SVM tiny
 * margins and it underfits; standardised, then scaled by `weight / sqrt(dimension)`, the block has an expected squared
 * norm of `weight^2`, comparable to the unit-length n-gram block beside it.
 */
interface EmbeddingScaling {
  mean: Float32Array;
  /** `weight / (std * sqrt(dimension))` per dimension. */
  factor: Float32Array;
}

function fitScaling(vectors: readonly Float32Array[], weight: number): EmbeddingScaling {
  const dimension = vectors[0]!.length;
  const mean = new Float32Array(dimension);
  const factor = new Float32Array(dimension);
  for (let k = 0; k < dimension; k++) {
    let sum = 0;
    for (const v of vectors) sum += v[k]!;
    const m = sum / vectors.length;
    let squares = 0;
    for (const v of vectors) squares += (v[k]! - m) ** 2;
    const std = Math.sqrt(squares / vectors.length);
    mean[k] = m;
    // A dimension that never varies carries nothing; leave it out rather than divide by zero.
    factor[k] = std > 1e-8 ? weight / (std * Math.sqrt(dimension)) : 0;
  }
  return { mean, factor };
}

/** The features of one message: optional n-grams first, then the scaled embedding block. */
function featureRow(ngrams: SparseVector | undefined, embedding: Float32Array, offset: number, scaling: EmbeddingScaling): SparseVector {
  const sparse = ngrams?.indices.length ?? 0;
  const indices = new Int32Array(sparse + embedding.length);
  const values = new Float32Array(sparse + embedding.length);
  if (ngrams) {
    indices.set(ngrams.indices);
    values.set(ngrams.values);
  }
  for (let k = 0; k < embedding.length; k++) {
    indices[sparse + k] = offset + k;
    values[sparse + k] = (embedding[k]! - scaling.mean[k]!) * scaling.factor[k]!;
  }
  return { indices, values };
}

/** A trained embedding-head classifier. */
export class EmbeddingIntentClassifier implements IntentClassifier {
  private readonly classes: number;
  private readonly scores: Float64Array<ArrayBuffer>;
  private readonly probabilities: Float64Array<ArrayBuffer>;
  readonly outOfScopeIndex: number;
  /** First feature index of the embedding block (the n-gram vocabulary size, or 0). */
  private readonly embeddingOffset: number;

  constructor(
    readonly kind: string,
    readonly intents: readonly string[],
    /** Model whose vectors `predict` needs. */
    readonly embeddingModel: string,
    readonly embeddingDimension: number,
    /** Weight of the embedding block against the n-grams. */
    readonly embeddingWeight: number,
    private readonly scaling: EmbeddingScaling,
    /** Put before a text before embedding it. */
    readonly embeddingPrefix: string,
    private readonly vectorizer: TfidfVectorizer | undefined,
    /** Feature-major weights (`dimension x classes`). */
    private readonly featureMajor: Float32Array,
    private readonly bias: Float32Array,
    readonly temperature: number,
    readonly threshold: number,
    readonly metrics: IntentTrainingMetrics,
  ) {
    this.classes = intents.length;
    this.embeddingOffset = vectorizer?.dimension ?? 0;
    if (
      featureMajor.length !== (this.embeddingOffset + embeddingDimension) * this.classes ||
      scaling.mean.length !== embeddingDimension ||
      scaling.factor.length !== embeddingDimension
    ) {
      throw new ArtefactFormatError('Embedding-head weights do not match their dimensions; retrain the model');
    }
    this.scores = new Float64Array(this.classes);
    this.probabilities = new Float64Array(this.classes);
    this.outOfScopeIndex = intents.indexOf(OUT_OF_SCOPE);
  }

  /** The text as the embedding model should see it (with the model's prefix). */
  embeddingInput(text: string): string {
    return this.embeddingPrefix + text;
  }

  /**
   * Decides the intent of `text` from its embedding (computed from {@link embeddingInput} by {@link embeddingModel}).
   * @throws EmbeddingMismatchError without an embedding or with one of another size.
   */
  predict(text: string, embedding?: Float32Array): IntentPrediction {
    if (!embedding) {
      throw new EmbeddingMismatchError(`The ${this.kind} intent model needs the sentence embedding of the text from ${this.embeddingModel}`);
    }
    if (embedding.length !== this.embeddingDimension) {
      throw new EmbeddingMismatchError(
        `The ${this.kind} intent model was trained on ${this.embeddingDimension}-dimensional vectors of ${this.embeddingModel}, got ${embedding.length}`,
      );
    }
    const { classes, scores, featureMajor } = this;
    scores.set(this.bias);
    if (this.vectorizer) {
      const { indices, values } = this.vectorizer.transform(text);
      for (let k = 0; k < indices.length; k++) {
        const offset = indices[k]! * classes;
        const value = values[k]!;
        for (let cls = 0; cls < classes; cls++) scores[cls]! += featureMajor[offset + cls]! * value;
      }
    }
    const { mean, factor } = this.scaling;
    for (let k = 0; k < embedding.length; k++) {
      const offset = (this.embeddingOffset + k) * classes;
      const value = (embedding[k]! - mean[k]!) * factor[k]!;
      for (let cls = 0; cls < classes; cls++) scores[cls]! += featureMajor[offset + cls]! * value;
    }
    return decideIntent(scores, this, this.probabilities);
  }

  /** Gzip of a length-prefixed JSON header and the float32 weights (the head is small next to the encoder). */
  serialize(): Buffer {
    const header: ArtefactHeader = {
      format: FORMAT,
      version: FORMAT_VERSION,
      kind: this.kind,
      intents: [...this.intents],
      embeddingModel: this.embeddingModel,
      embeddingDimension: this.embeddingDimension,
      embeddingWeight: this.embeddingWeight,
      embeddingMean: Array.from(this.scaling.mean),
      embeddingFactor: Array.from(this.scaling.factor),
      prefix: this.embeddingPrefix,
      ...(this.vectorizer ? { vectorizer: this.vectorizer.toJSON() } : {}),
      temperature: this.temperature,
      threshold: this.threshold,
      metrics: this.metrics,
      bias: Array.from(this.bias),
    };
    return packArtefact(header, new Uint8Array(this.featureMajor.buffer, this.featureMajor.byteOffset, this.featureMajor.byteLength));
  }
}

/** Trains and loads {@link EmbeddingIntentClassifier}s with one embedding model. */
export class EmbeddingIntentTrainer implements IntentClassifierTrainer {
  constructor(
    readonly kind: string,
    private readonly embedder: TextEmbedder,
    private readonly options: EmbeddingHeadOptions,
  ) {}

  async train(examples: readonly IntentExample[], options: IntentTrainingOptions = {}): Promise<EmbeddingIntentClassifier> {
    const started = performance.now();
    if (examples.length === 0) throw new Error('Cannot train an intent classifier without examples');
    const intents = [...new Set(examples.map((e) => e.intent))].sort();
    if (intents.length < 2) throw new Error(`Need at least two intents to train, got ${intents.join(', ')}`);
    const prefix = this.options.prefix ?? '';
    const weight = this.options.ngrams ? (this.options.embeddingWeight ?? 1) : 1;
    const known = options.validation?.filter((e) => intents.includes(e.intent)) ?? [];
    // Embedding is the slow half of training (a transformer pass per text): progress 0 -> 0.5.
    const embeddings = await this.embedAll([...examples, ...known].map((e) => prefix + e.text), options);
    const dimension = embeddings[0]!.length;
    const { vectorizer, rows: ngramRows } = this.options.ngrams
      ? TfidfVectorizer.fitTransform(examples.map((e) => e.text))
      : { vectorizer: undefined, rows: undefined };
    const offset = vectorizer?.dimension ?? 0;
    const scaling = fitScaling(embeddings.slice(0, examples.length), weight);
    const rows = examples.map((_, i) => featureRow(ngramRows?.[i], embeddings[i]!, offset, scaling));
    const validation: LabelledRows | undefined = options.validation
      ? {
          rows: known.map((e, i) => featureRow(vectorizer?.transform(e.text), embeddings[examples.length + i]!, offset, scaling)),
          labels: Int32Array.from(known, (e) => intents.indexOf(e.intent)),
        }
      : undefined;
    const c = this.options.c ?? 1;
    const fitted = await fitCalibratedLinearModel({
      rows,
      labels: Int32Array.from(examples, (e) => intents.indexOf(e.intent)),
      intents,
      dimension: offset + dimension,
      examples,
      ...(validation ? { validation } : {}),
      fitter: (fitRows, labels, classes, dim, onClassTrained, warmStart) =>
        trainLinearSvmParallel(fitRows, labels, classes, dim, { c, onClassTrained, ...warmStart }),
      options,
      progress: [0.5, 1],
    });
    options.onProgress?.(1);
    const { classes, weights } = fitted.model;
    const total = offset + dimension;
    const featureMajor = new Float32Array(classes * total);
    for (let cls = 0; cls < classes; cls++) {
      for (let j = 0; j < total; j++) featureMajor[j * classes + cls] = weights[cls * total + j]!;
    }
    const metrics: IntentTrainingMetrics = {
      accuracy: fitted.accuracy,
      ...(fitted.outOfScopeRecall !== undefined ? { outOfScopeRecall: fitted.outOfScopeRecall } : {}),
      examples: fitted.examples,
      trainSeconds: (performance.now() - started) / 1000,
    };
    return new EmbeddingIntentClassifier(
      this.kind,
      intents,
      this.embedder.modelId,
      dimension,
      weight,
      scaling,
      prefix,
      vectorizer,
      featureMajor,
      fitted.model.bias,
      fitted.temperature,
      fitted.threshold,
      metrics,
    );
  }

  load(artefact: Buffer): EmbeddingIntentClassifier {
    const { header, body } = unpackArtefact<ArtefactHeader>(artefact, { format: FORMAT, version: FORMAT_VERSION, kind: this.kind });
    if (header.embeddingModel !== this.embedder.modelId) {
      throw new ArtefactFormatError(
        `This ${this.kind} model was trained on embeddings of ${header.embeddingModel}, but ${this.embedder.modelId} is configured; retrain the model`,
      );
    }
    const bytes = new Uint8Array(body.length);
    bytes.set(body);
    if (bytes.length % 4 !== 0) throw new ArtefactFormatError('Artefact weights are truncated; retrain the model');
    const vectorizer = header.vectorizer ? TfidfVectorizer.fromJSON(header.vectorizer) : undefined;
    return new EmbeddingIntentClassifier(
      this.kind,
      header.intents,
      header.embeddingModel,
      header.embeddingDimension,
      header.embeddingWeight,
      { mean: Float32Array.from(header.embeddingMean), factor: Float32Array.from(header.embeddingFactor) },
      header.prefix,
      vectorizer,
      new Float32Array(bytes.buffer),
      Float32Array.from(header.bias),
      header.temperature,
      header.threshold,
      header.metrics,
    );
  }

  private async embedAll(texts: readonly string[], options: IntentTrainingOptions): Promise<Float32Array[]> {
    const batch = this.options.embedBatchSize ?? 64;
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += batch) {
      if (options.signal?.aborted) break;
      vectors.push(...(await this.embedder.embed(texts.slice(start, start + batch))));
      options.onProgress?.((0.5 * Math.min(texts.length, start + batch)) / texts.length);
    }
    if (options.signal?.aborted) throw new TrainingCancelledError();
    if (vectors.length !== texts.length || vectors.some((v) => v.length !== vectors[0]!.length || v.length === 0)) {
      throw new EmbeddingMismatchError(`${this.embedder.modelId} returned ${vectors.length} vectors of varying size for ${texts.length} texts`);
    }
    return vectors;
  }
}

/** The two embedding kinds over one embedding model: `embedding-head` (embedding only) and `hybrid-embedding`. */
export function embeddingIntentTrainers(embedder: TextEmbedder, options: Omit<EmbeddingHeadOptions, 'ngrams'> = {}): Record<string, EmbeddingIntentTrainer> {
  return {
    'embedding-head': new EmbeddingIntentTrainer('embedding-head', embedder, { ...options, ngrams: false }),
    'hybrid-embedding': new EmbeddingIntentTrainer('hybrid-embedding', embedder, { ...options, ngrams: true }),
  };
}
