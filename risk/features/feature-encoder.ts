/**
 * Turns {@link RiskFeatures} into the model's fixed-width vector: the numeric features as they are, then each
 * categorical feature one-hot over the values seen often enough in training, plus an `other` column for any value
 * it did not keep (an unknown category is scored in its own bucket, never an error). A missing category is all
 * zeros. The vocabulary is part of the model artefact.
 */
import { CATEGORICAL_FEATURES, NUMERIC_FEATURES, type CategoricalFeature, type RiskFeatures } from './feature-builder';

/** Name of the column for categories the vocabulary does not know. */
export const OTHER_CATEGORY = 'other';

/** One column of the vector. */
export interface EncodedColumn {
  /** `order_value`, `browser=Chrome`, `browser=other`. */
  name: string;
  /** The feature it comes from (`browser`): contributions are summed per feature for explanations. */
  feature: string;
}

/** The fitted vocabulary (serialised in the artefact). */
export interface FeatureVocabulary {
  numeric: readonly string[];
  categorical: Readonly<Record<string, readonly string[]>>;
}

/** Settings of {@link FeatureEncoder.fit}. */
export interface EncoderFitOptions {
  /** A category needs this many training rows to get its own column. @defaultValue 30 */
  minCount?: number;
  /** At most this many columns per categorical feature (most frequent first). @defaultValue 20 */
  maxValues?: number;
}

/** Raised when a vocabulary does not fit this version's features. */
export class FeatureVocabularyError extends Error {
  override name = 'FeatureVocabularyError';
}

/** See the file comment. */
export class FeatureEncoder {
  readonly columns: readonly EncodedColumn[];
  private readonly lookups: Array<Map<string, number>>;
  private readonly otherColumn: number[];

  constructor(readonly vocabulary: FeatureVocabulary) {
    if (vocabulary.numeric.length !== NUMERIC_FEATURES.length || vocabulary.numeric.some((n, i) => n !== NUMERIC_FEATURES[i])) {
      throw new FeatureVocabularyError('The model was trained on other numeric features than this version computes; retrain the risk model');
    }
    const columns: EncodedColumn[] = NUMERIC_FEATURES.map((name) => ({ name, feature: name }));
    this.lookups = [];
    this.otherColumn = [];
    for (const feature of CATEGORICAL_FEATURES) {
      const values = vocabulary.categorical[feature];
      if (!values) throw new FeatureVocabularyError(`The model has no vocabulary for ${feature}; retrain the risk model`);
      const lookup = new Map<string, number>();
      for (const value of values) {
        lookup.set(value, columns.length);
        columns.push({ name: `${feature}=${value}`, feature });
      }
      this.otherColumn.push(columns.length);
      columns.push({ name: `${feature}=${OTHER_CATEGORY}`, feature });
      this.lookups.push(lookup);
    }
    this.columns = columns;
  }

  /** Learns the categories of `rows`. */
  static fit(rows: readonly RiskFeatures[], options: EncoderFitOptions = {}): FeatureEncoder {
    const minCount = options.minCount ?? 30;
    const maxValues = options.maxValues ?? 20;
    const categorical: Record<string, string[]> = {};
    CATEGORICAL_FEATURES.forEach((feature: CategoricalFeature, i) => {
      const counts = new Map<string, number>();
      for (const row of rows) {
        const value = row.categorical[i];
        if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
      }
      categorical[feature] = [...counts]
        .filter(([value, n]) => n >= minCount && value !== OTHER_CATEGORY)
        .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
        .slice(0, maxValues)
        .map(([value]) => value);
    });
    return new FeatureEncoder({ numeric: [...NUMERIC_FEATURES], categorical });
  }

  /** Vector width. */
  get width(): number {
    return this.columns.length;
  }

  /** Writes the vector of `features` into `out` at `offset` (a row of a matrix). */
  encode(features: RiskFeatures, out: Float32Array = new Float32Array(this.width), offset = 0): Float32Array {
    const numeric = features.numeric;
    for (let i = 0; i < numeric.length; i++) out[offset + i] = numeric[i]!;
    out.fill(0, offset + numeric.length, offset + this.width);
    for (let f = 0; f < this.lookups.length; f++) {
      const value = features.categorical[f];
      if (value === undefined) continue;
      const column = this.lookups[f]!.get(value) ?? this.otherColumn[f]!;
      out[offset + column] = 1;
    }
    return out;
  }
}
