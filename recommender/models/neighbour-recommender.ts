/**
 * A model that scores items by summing the similarity rows of the shopper's most recent items, the most recent
 * weighing most: `score(j) = sum over the last L history items h_t of decay^(age of t) * sim(h_t, j)`. The
 * co-occurrence and the sequential item-to-item models are this model with differently built similarities.
 */
import { packRecommenderArtefact, section, unpackRecommenderArtefact } from './artefact-codec';
import { ItemNeighbours } from './item-neighbours';
import { recencyWeights, RecommenderModel, type RecommenderMetrics, type ScoringContext } from './recommender-model';

/** How a neighbour model weighs the shopper's history. */
export interface RecencyParams {
  /** How many of the most recent history items count. */
  historyLength: number;
  /** Weight of each older item relative to the next newer one (1: all equal). */
  recencyDecay: number;
}

/** See the file comment. */
export class NeighbourRecommender<P extends RecencyParams> extends RecommenderModel<P> {
  constructor(
    readonly kind: string,
    readonly version: number,
    itemIds: readonly string[],
    params: P,
    readonly neighbours: ItemNeighbours,
  ) {
    super(itemIds, [], params);
  }

  /** The same similarities scored with other recency parameters (nothing is copied). */
  override withParams(params: P): NeighbourRecommender<P> {
    return new NeighbourRecommender(this.kind, this.version, this.itemIds, params, this.neighbours);
  }

  scoreInto(history: Int32Array, out: Float32Array, _context: ScoringContext): void {
    out.fill(0);
    const w = recencyWeights(history.length, this.params.recencyDecay, this.params.historyLength);
    for (let t = 0; t < history.length; t++) if (w[t]! > 0) this.neighbours.addRow(history[t]!, w[t]!, out);
  }

  /** Only neighbours of the weighted history items can score above 0. */
  override scoringSupport(history: Int32Array): Int32Array[] {
    const w = recencyWeights(history.length, this.params.recencyDecay, this.params.historyLength);
    const rows: Int32Array[] = [];
    for (let t = 0; t < history.length; t++) if (w[t]! > 0) rows.push(this.neighbours.row(history[t]!));
    return rows;
  }

  contributions(history: Int32Array, item: number, _context: ScoringContext): Float64Array {
    const w = recencyWeights(history.length, this.params.recencyDecay, this.params.historyLength);
    const parts = new Float64Array(history.length);
    for (let t = 0; t < history.length; t++) if (w[t]! > 0) parts[t] = w[t]! * this.neighbours.similarity(history[t]!, item);
    return parts;
  }

  serialize(): Buffer {
    return packRecommenderArtefact(
      { kind: this.kind, version: this.version, params: this.params, ...(this.metrics ? { metrics: this.metrics } : {}), itemIds: this.itemIds },
      { offsets: this.neighbours.offsets, items: this.neighbours.items, weights: this.neighbours.weights },
    );
  }

  /** Reads an artefact of `kind` back. */
  static load<P extends RecencyParams>(artefact: Uint8Array, kind: string, version: number): NeighbourRecommender<P> {
    const { header, sections } = unpackRecommenderArtefact<P, RecommenderMetrics>(artefact, kind, version);
    const neighbours = new ItemNeighbours(
      section(sections, 'offsets', Int32Array, kind),
      section(sections, 'items', Int32Array, kind),
      section(sections, 'weights', Float32Array, kind),
    );
    const model = new NeighbourRecommender<P>(kind, version, header.itemIds, header.params, neighbours);
    if (header.metrics) model.metrics = header.metrics;
    return model;
  }
}
