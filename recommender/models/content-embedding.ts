/**
 * Content-based item-to-item from sentence embeddings: items are similar when the embedding model puts their
 * catalogue texts close (cosine). A multilingual model puts a product's translations together, so a Spanish-only
 * product finds its English twin, which TF-IDF over tokens cannot. Like {@link ContentTrainer} it needs no
 * interaction, so it ranks new products that nobody has touched yet.
 *
 * The model code stays pure: the vectors come with the data ({@link EmbeddedItemContent.vector}, computed by whoever
 * collects the catalogue, e.g. the recommender component through the transformer runtime), and an item without one
 * has no neighbours. The neighbours are the exact top-N by cosine, found with blocked matrix products (a block of
 * items times every item, through {@link MatrixProduct}'s native GEMM), so memory stays bounded at 100,000 items.
 */
import type { InteractionData, ItemContent } from '../data/interaction-data';
import { ItemNeighbours } from './item-neighbours';
import { MatrixProduct } from './matrix-product';
import { NeighbourRecommender, type RecencyParams } from './neighbour-recommender';
import { checkCancelled, yieldToEventLoop, type FitOptions, type RecommenderTrainer } from './recommender-model';
import { topK } from './top-k';

/** Catalogue content with the item's embedding (L2-normalised or not: rows are normalised here). */
export interface EmbeddedItemContent extends ItemContent {
  vector?: Float32Array;
}

/** Hyperparameters of the embedding content model. */
export interface ContentEmbeddingParams extends RecencyParams {
  /** Neighbours kept per item. */
  neighbours: number;
  /** Similarities at or below this cosine are not neighbours (unrelated texts still have a small positive cosine). */
  minSimilarity: number;
}

/** Registry name of the embedding content model. */
export const CONTENT_EMBEDDING_KIND = 'content-embedding';
const VERSION = 1;

/** The error for vectors that do not fit together (different lengths: two embedding models mixed). */
export class EmbeddingDimensionError extends Error {
  override readonly name = 'EmbeddingDimensionError';
}

/** Result cells of one block product at most (rows x items): 32 MB of float32, and a native call short enough (~0.1 s at 384 dimensions) not to hold the event loop long. */
const MAX_BLOCK_CELLS = 8 * 1024 * 1024;
/** Rows selected between two turns of the event loop. */
const SELECTION_ROWS_PER_TURN = 32;
/** Rows of one block at most: fewer native calls than this gain little. */
const MAX_BLOCK_ROWS = 2048;

/**
 * The text an item is embedded from: its catalogue text (titles and descriptions in every language it has) and its
 * brand and category values, without the attribute prefixes the TF-IDF tokens use.
 */
export function embeddingText(content: ItemContent): string {
  const labels = (content.attributes ?? []).filter((a) => a.startsWith('brand:') || a.startsWith('category:')).map((a) => a.slice(a.indexOf(':') + 1));
  return [content.text ?? '', ...labels].filter(Boolean).join('\n');
}

/** Item vectors as one row-major n x d matrix, each row L2-normalised (zero rows for items without a vector). */
export function vectorMatrix(vectors: readonly (Float32Array | undefined)[]): { matrix: Float32Array; dimension: number } {
  const dimension = vectors.find((v) => v && v.length > 0)?.length ?? 0;
  const matrix = new Float32Array(vectors.length * dimension);
  vectors.forEach((v, i) => {
    if (!v || v.length === 0) return;
    if (v.length !== dimension) throw new EmbeddingDimensionError(`Item ${i} has a ${v.length}-dimensional vector, others ${dimension}; embed every item with the same model`);
    let norm = 0;
    for (let c = 0; c < dimension; c++) norm += v[c]! * v[c]!;
    if (!(norm > 0)) return;
    const scale = 1 / Math.sqrt(norm);
    for (let c = 0; c < dimension; c++) matrix[i * dimension + c] = v[c]! * scale;
  });
  return { matrix, dimension };
}

/** Options of {@link cosineNeighbours}. */
export interface CosineNeighbourOptions extends FitOptions {
  /** Neighbours kept per item. */
  neighbours: number;
  /** Only cosines above this count. @defaultValue 0 */
  minSimilarity?: number;
  /** Rows per block product. @defaultValue as many as fit 8M result cells, at most 2,048 */
  blockRows?: number;
  /** The product to use (tests compare native and JavaScript). @defaultValue a new {@link MatrixProduct} */
  product?: MatrixProduct;
}

/**
 * Exact top-`neighbours` by cosine for every row of `matrix` (`itemCount` x `dimension`, rows L2-normalised, zero rows for
 * items without a vector): a block of rows times all rows at a time, then a heap selection per row. An item is
 * never its own neighbour.
 */
export async function cosineNeighbours(matrix: Float32Array, itemCount: number, dimension: number, options: CosineNeighbourOptions): Promise<ItemNeighbours> {
  // No vectors at all (a catalogue without texts, or sequences only): every item without neighbours.
  const n = dimension > 0 ? itemCount : 0;
  const product = options.product ?? new MatrixProduct();
  const minSimilarity = options.minSimilarity ?? 0;
  const blockRows = Math.max(1, options.blockRows ?? Math.min(MAX_BLOCK_ROWS, Math.floor(MAX_BLOCK_CELLS / Math.max(1, n))));
  const offsets = new Int32Array(n + 1);
  const rowItems: Int32Array[] = [];
  const rowWeights: Float32Array[] = [];
  for (let start = 0; start < n; start += blockRows) {
    checkCancelled(options);
    const rows = Math.min(blockRows, n - start);
    const block = await product.multiply(matrix.subarray(start * dimension, (start + rows) * dimension), matrix, { m: rows, k: dimension, n, transB: true });
    for (let r = 0; r < rows; r++) {
      const i = start + r;
      const scores = block.subarray(r * n, (r + 1) * n);
      scores[i] = -Infinity;
      const best = topK(scores, options.neighbours);
      let kept = 0;
      while (kept < best.scores.length && best.scores[kept]! > minSimilarity) kept++;
      rowItems.push(best.items.slice(0, kept));
      rowWeights.push(best.scores.slice(0, kept));
      offsets[i + 1] = offsets[i]! + kept;
      // The selection is JavaScript on this thread (a few ms per 100,000 items): the event loop gets a turn often.
      if ((r + 1) % SELECTION_ROWS_PER_TURN === 0) await yieldToEventLoop();
    }
    options.onProgress?.(Math.min(1, (start + rows) / n));
    await yieldToEventLoop();
  }
  if (n < itemCount) return new ItemNeighbours(new Int32Array(itemCount + 1), new Int32Array(0), new Float32Array(0));
  const items = new Int32Array(offsets[n]!);
  const weights = new Float32Array(offsets[n]!);
  for (let i = 0; i < n; i++) {
    items.set(rowItems[i]!, offsets[i]!);
    weights.set(rowWeights[i]!, offsets[i]!);
  }
  return new ItemNeighbours(offsets, items, weights);
}

/** See the file comment. */
export class ContentEmbeddingTrainer implements RecommenderTrainer<ContentEmbeddingParams> {
  readonly kind = CONTENT_EMBEDDING_KIND;
  readonly defaults: ContentEmbeddingParams = { neighbours: 200, minSimilarity: 0, historyLength: 3, recencyDecay: 0.5 };
  readonly searchSpace = {
    historyLength: [1, 2, 3, 5],
    recencyDecay: [0.3, 0.5, 0.8],
  };
  readonly scoringParams: readonly (keyof ContentEmbeddingParams)[] = ['historyLength', 'recencyDecay'];

  /** What each list this trainer built was built from (the content array is the same object for the validation split). */
  private readonly built = new WeakMap<ItemNeighbours, { content: InteractionData['content']; neighbours: number; minSimilarity: number }>();

  /** @param product the matrix product (one per trainer keeps its native sessions). */
  constructor(private readonly product: MatrixProduct = new MatrixProduct()) {}

  async fit(data: InteractionData, params: ContentEmbeddingParams, control?: FitOptions): Promise<NeighbourRecommender<ContentEmbeddingParams>> {
    checkCancelled(control);
    // The neighbours depend on the vectors only, not on the interactions: the refit after tuning (the same content,
    // so the same items and vectors) reuses the validation fit's, which halves the cost at 100,000 items.
    const warm = control?.warmStart;
    const built = warm instanceof NeighbourRecommender ? this.built.get(warm.neighbours) : undefined;
    if (warm instanceof NeighbourRecommender && built?.content === data.content && built.neighbours === params.neighbours && built.minSimilarity === params.minSimilarity) {
      control?.onProgress?.(1);
      return new NeighbourRecommender(CONTENT_EMBEDDING_KIND, VERSION, data.itemIds, { ...params }, warm.neighbours);
    }
    const { matrix, dimension } = vectorMatrix(data.content.map((c) => (c as EmbeddedItemContent | undefined)?.vector));
    const neighbours = await cosineNeighbours(matrix, data.itemCount, dimension, {
      neighbours: params.neighbours,
      minSimilarity: params.minSimilarity,
      product: this.product,
      ...(control?.signal ? { signal: control.signal } : {}),
      ...(control?.onProgress ? { onProgress: control.onProgress } : {}),
    });
    this.built.set(neighbours, { content: data.content, neighbours: params.neighbours, minSimilarity: params.minSimilarity });
    return new NeighbourRecommender(CONTENT_EMBEDDING_KIND, VERSION, data.itemIds, { ...params }, neighbours);
  }

  load(artefact: Uint8Array): NeighbourRecommender<ContentEmbeddingParams> {
    return NeighbourRecommender.load<ContentEmbeddingParams>(artefact, CONTENT_EMBEDDING_KIND, VERSION);
  }
}
