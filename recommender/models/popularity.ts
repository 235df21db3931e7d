/**
 * Popularity: items ranked by how many interactions they had, globally or, for a shopper whose country is known,
 * in that country (smoothed towards the global share, so a country with few shoppers still gets a full ranking).
 * The baseline, and what a shopper with no history gets.
 */
import type { InteractionData } from '../data/interaction-data';
import { packRecommenderArtefact, section, unpackRecommenderArtefact } from './artefact-codec';
import { checkCancelled, RecommenderModel, type FitOptions, type RecommenderMetrics, type RecommenderTrainer, type ScoringContext } from './recommender-model';

/** Hyperparameters of the popularity model. */
export interface PopularityParams {
  /** Pseudo-interactions of the global distribution added to a country's counts. */
  countrySmoothing: number;
}

/** Registry name of the popularity model. */
export const POPULARITY_KIND = 'popularity';
const VERSION = 1;

/** See the file comment. */
export class PopularityModel extends RecommenderModel<PopularityParams> {
  readonly kind = POPULARITY_KIND;
  readonly version = VERSION;
  private total?: number;

  constructor(
    itemIds: readonly string[],
    countries: readonly string[],
    params: PopularityParams,
    /** Interactions per item. */
    readonly counts: Float32Array,
    /** Interactions per country and item, row-major (country * itemCount + item). */
    readonly countryCounts: Float32Array,
  ) {
    super(itemIds, countries, params);
  }

  override withParams(params: PopularityParams): PopularityModel {
    return new PopularityModel(this.itemIds, this.countries, params, this.counts, this.countryCounts);
  }

  scoreInto(_history: Int32Array, out: Float32Array, context: ScoringContext): void {
    const n = this.itemCount;
    const c = context.country ?? -1;
    if (c < 0 || c >= this.countries.length) {
      out.set(this.counts);
      return;
    }
    const total = this.totalCount();
    const scale = total > 0 ? this.params.countrySmoothing / total : 0;
    for (let i = 0; i < n; i++) out[i] = this.countryCounts[c * n + i]! + scale * this.counts[i]!;
  }

  /** All interactions (summed once: the counts never change after training). */
  private totalCount(): number {
    if (this.total === undefined) {
      let total = 0;
      for (let i = 0; i < this.itemCount; i++) total += this.counts[i]!;
      this.total = total;
    }
    return this.total;
  }

  contributions(history: Int32Array): Float64Array {
    return new Float64Array(history.length);
  }

  serialize(): Buffer {
    return packRecommenderArtefact(
      { kind: this.kind, version: this.version, params: { ...this.params, countries: this.countries }, ...(this.metrics ? { metrics: this.metrics } : {}), itemIds: this.itemIds },
      { counts: this.counts, countryCounts: this.countryCounts },
    );
  }
}

/** See the file comment. */
export class PopularityTrainer implements RecommenderTrainer<PopularityParams> {
  readonly kind = POPULARITY_KIND;
  readonly defaults: PopularityParams = { countrySmoothing: 20 };
  readonly searchSpace = {};
  readonly scoringParams: readonly (keyof PopularityParams)[] = ['countrySmoothing'];

  async fit(data: InteractionData, params: PopularityParams, control?: FitOptions): Promise<PopularityModel> {
    checkCancelled(control);
    const n = data.itemCount;
    const counts = new Float32Array(n);
    const countryCounts = new Float32Array(data.countries.length * n);
    for (let u = 0; u < data.userCount; u++) {
      const c = data.userCountry[u]!;
      for (const i of data.sequence(u)) {
        counts[i]!++;
        if (c >= 0) countryCounts[c * n + i]!++;
      }
    }
    control?.onProgress?.(1);
    return new PopularityModel(data.itemIds, data.countries, { ...params }, counts, countryCounts);
  }

  load(artefact: Uint8Array): PopularityModel {
    const { header, sections } = unpackRecommenderArtefact<PopularityParams & { countries: string[] }, RecommenderMetrics>(artefact, POPULARITY_KIND, VERSION);
    const { countries, ...params } = header.params;
    const model = new PopularityModel(header.itemIds, countries, params, section(sections, 'counts', Float32Array, POPULARITY_KIND), section(sections, 'countryCounts', Float32Array, POPULARITY_KIND));
    if (header.metrics) model.metrics = header.metrics;
    return model;
  }
}
