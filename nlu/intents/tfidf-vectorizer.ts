/**
 * TF-IDF over the n-grams of {@link forEachFeature}: a vocabulary learned from the training texts, sublinear term
 * frequency, smoothed IDF, and an L2 norm per block (character n-grams, word n-grams) so neither block drowns the
 * other, as scikit-learn's union of two `TfidfVectorizer`s does.
 */
import { FeatureHashIndex } from './feature-hash-index';
import { DEFAULT_TEXT_FEATURES, forEachFeature, forEachFeatureSlice, type TextFeatureOptions } from './text-features';

/** One message as a sparse vector: sorted feature indices and their weights. */
export interface SparseVector {
  indices: Int32Array;
  values: Float32Array;
}

/** What {@link TfidfVectorizer.toJSON} writes and {@link TfidfVectorizer.fromJSON} reads. */
export interface TfidfVectorizerState {
  options: TextFeatureOptions;
  vocabulary: string[];
  idf: number[];
  blockWeights: { char: number; word: number };
}

/** Vectorizer options. */
export interface TfidfVectorizerOptions {
  features?: TextFeatureOptions;
  /** Drop n-grams seen in fewer training texts than this. @defaultValue 1 */
  minDocumentFrequency?: number;
  /** Relative weight of the character and word blocks. @defaultValue `{ char: 1, word: 1 }` */
  blockWeights?: { char: number; word: number };
}

/** Learns a vocabulary from texts and turns texts into L2-normalised sparse TF-IDF vectors. */
export class TfidfVectorizer {
  private readonly index: FeatureHashIndex;
  /** 1 where the feature is a character n-gram (its L2 block), for the per-block norms. */
  private readonly charFeature: Uint8Array;

  private constructor(private readonly state: TfidfVectorizerState) {
    this.index = new FeatureHashIndex(state.vocabulary);
    this.charFeature = Uint8Array.from(state.vocabulary, (feature) => (feature.charCodeAt(0) === 99 /* 'c' */ ? 1 : 0));
  }

  /** Learns the vocabulary and IDF weights from training texts. */
  static fit(texts: readonly string[], options: TfidfVectorizerOptions = {}): TfidfVectorizer {
    const features = options.features ?? DEFAULT_TEXT_FEATURES;
    const minDf = options.minDocumentFrequency ?? 1;
    const documentFrequency = new Map<string, number>();
    const seen = new Set<string>();
    for (const text of texts) {
      seen.clear();
      forEachFeature(text, features, (feature) => seen.add(feature));
      for (const feature of seen) documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
    }
    const vocabulary: string[] = [];
    const idf: number[] = [];
    const n = texts.length;
    for (const [feature, df] of documentFrequency) {
      if (df < minDf) continue;
      vocabulary.push(feature);
      idf.push(Math.log((1 + n) / (1 + df)) + 1);
    }
    return new TfidfVectorizer({ options: features, vocabulary, idf, blockWeights: options.blockWeights ?? { char: 1, word: 1 } });
  }

  /**
   * {@link fit} and {@link transform} of the same texts in one pass: each text's n-grams are generated once (the
   * costly part) and counted against provisional ids, which become the final vocabulary.
   */
  static fitTransform(texts: readonly string[], options: TfidfVectorizerOptions = {}): { vectorizer: TfidfVectorizer; rows: SparseVector[] } {
    const features = options.features ?? DEFAULT_TEXT_FEATURES;
    const minDf = options.minDocumentFrequency ?? 1;
    const ids = new Map<string, number>();
    const names: string[] = [];
    const documentFrequency: number[] = [];
    const documents: Array<Map<number, number>> = [];
    for (const text of texts) {
      const counts = new Map<number, number>();
      forEachFeature(text, features, (feature) => {
        let id = ids.get(feature);
        if (id === undefined) {
          id = names.length;
          ids.set(feature, id);
          names.push(feature);
          documentFrequency.push(0);
        }
        const count = counts.get(id);
        if (count === undefined) {
          counts.set(id, 1);
          documentFrequency[id]!++;
        } else counts.set(id, count + 1);
      });
      documents.push(counts);
    }
    const finalId = new Int32Array(names.length).fill(-1);
    const vocabulary: string[] = [];
    const idf: number[] = [];
    const n = texts.length;
    for (let id = 0; id < names.length; id++) {
      if (documentFrequency[id]! < minDf) continue;
      finalId[id] = vocabulary.length;
      vocabulary.push(names[id]!);
      idf.push(Math.log((1 + n) / (1 + documentFrequency[id]!)) + 1);
    }
    const vectorizer = new TfidfVectorizer({ options: features, vocabulary, idf, blockWeights: options.blockWeights ?? { char: 1, word: 1 } });
    const rows = documents.map((counts) => {
      const kept = new Map<number, number>();
      for (const [id, count] of counts) if (finalId[id]! >= 0) kept.set(finalId[id]!, count);
      return vectorizer.weigh(kept);
    });
    return { vectorizer, rows };
  }

  /** Restores a vectorizer saved with {@link toJSON}. */
  static fromJSON(state: TfidfVectorizerState): TfidfVectorizer {
    if (state.vocabulary.length !== state.idf.length) throw new Error('Vectorizer state is corrupt: vocabulary and idf differ in length');
    return new TfidfVectorizer(state);
  }

  /** Number of features (columns). */
  get dimension(): number {
    return this.state.vocabulary.length;
  }

  /** The serialisable state. */
  toJSON(): TfidfVectorizerState {
    return this.state;
  }

  /** The sparse TF-IDF vector of one text; n-grams outside the vocabulary are ignored. */
  transform(text: string): SparseVector {
    const counts = new Map<number, number>();
    forEachFeatureSlice(text, this.state.options, (prefix, source, start, end) => {
      const i = this.index.find(prefix, source, start, end);
      if (i >= 0) counts.set(i, (counts.get(i) ?? 0) + 1);
    });
    return this.weigh(counts);
  }

  /** TF-IDF weights and block norms for raw counts by feature index. */
  private weigh(counts: Map<number, number>): SparseVector {
    const indices = Int32Array.from(counts.keys()).sort();
    const values = new Float32Array(indices.length);
    let charNorm = 0;
    let wordNorm = 0;
    const isChar = new Uint8Array(indices.length);
    for (let k = 0; k < indices.length; k++) {
      const i = indices[k]!;
      const weight = (1 + Math.log(counts.get(i)!)) * this.state.idf[i]!;
      values[k] = weight;
      if (this.charFeature[i] === 1) {
        isChar[k] = 1;
        charNorm += weight * weight;
      } else {
        wordNorm += weight * weight;
      }
    }
    const charScale = charNorm > 0 ? this.state.blockWeights.char / Math.sqrt(charNorm) : 0;
    const wordScale = wordNorm > 0 ? this.state.blockWeights.word / Math.sqrt(wordNorm) : 0;
    for (let k = 0; k < values.length; k++) values[k]! *= isChar[k] ? charScale : wordScale;
    return { indices, values };
  }
}
