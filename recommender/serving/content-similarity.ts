/**
 * "Similar to this" from the catalogue itself, for products the live model does not know (added since it was
 * trained, so nobody has interacted with them yet) and to fill in when the model has too few: products are similar
 * when their titles, brand and category share informative tokens (TF-IDF cosine over the same tokens as the
 * content model, `textTokens`). The inverted index is built lazily per snapshot, rebuilt when the catalogue grows
 * (new products are exactly what this is for) or, for edits, at most once a minute; the anchor products' own
 * tokens are always read fresh.
 *
 * With a sentence-embedding model (`embedder`, the one the content model trains with), products are similar when
 * their embeddings are (cosine of title, brand and category): a translation finds its original. Serving never
 * waits for the model: the snapshot's products are embedded in the background (each text once: vectors are kept
 * by product id and text, so a rebuild embeds only new or edited products), and until that index is ready, or when
 * the model fails, the answer comes from TF-IDF as without a model. An anchor's scores over every product are
 * computed once per index and kept (its top {@link EMBEDDING_NEIGHBOURS}).
 */
import type { TextEmbedder } from '../../nlu/intents';
import type { CatalogueSnapshot } from '../catalogue';
import { textTokens } from '../models/content-tfidf';
import { topK } from '../models/top-k';

/** Tokens in more than this share of the catalogue say nothing about likeness (and would make scoring slow). */
const MAX_DOCUMENT_SHARE = 0.1;
/** ...but in a small catalogue a token shared by a handful of products still tells them apart. */
const MIN_DOCUMENT_LIMIT = 20;
/** Edits (not additions) reach the index at most this late. */
const REBUILD_AFTER_MS = 60_000;
/** Products kept per anchor in the embedding index. */
export const EMBEDDING_NEIGHBOURS = 200;
/** Texts per embedding call while the index fills (the runtime batches them in its worker threads). */
const EMBED_CHUNK = 256;

/** Products of one snapshot embedded: row i is product i's L2-normalised vector (zeros when it has no text). */
interface EmbeddingIndex {
  size: number;
  revision: number;
  builtAt: number;
  /** Product id of each row, to check that an anchor is the product it was embedded as. */
  ids: string[];
  dimension: number;
  matrix: Float32Array;
  /** Each anchor's best products (computed on first use). */
  rows: Map<number, { items: Int32Array; scores: Float32Array }>;
}

/** The embedding side of one snapshot: kept vectors, the index, the build in progress. */
interface EmbeddingState {
  /** Vectors by `${product id}\u0000${text}`. */
  vectors: Map<string, Float32Array>;
  index?: EmbeddingIndex;
  building?: Promise<void>;
  /** When the last build failed (the next is tried {@link REBUILD_AFTER_MS} later). */
  failedAt?: number;
}

/** Options of {@link ContentSimilarity}. */
export interface ContentSimilarityOptions {
  /** The clock (epoch milliseconds). @defaultValue Date.now */
  now?: () => number;
  /** The sentence-embedding model; absent: TF-IDF only. */
  embedder?: TextEmbedder;
  /** Told when embedding the catalogue fails (TF-IDF answers meanwhile). */
  onEmbeddingError?: (error: unknown) => void;
}

interface Index {
  size: number;
  revision: number;
  builtAt: number;
  postings: Map<string, Int32Array>;
  idf: Map<string, number>;
  /** L2 norm of each product's token vector. */
  norms: Float32Array;
}

/** A product similar to the anchors, with the anchor it resembles most. */
export interface SimilarProduct {
  index: number;
  score: number;
  /** Catalogue index of the anchor that contributed most. */
  anchor: number;
}

/** The tokens that describe product `i`: its title in its own language, its brand and its category. */
function productTokens(snapshot: CatalogueSnapshot, i: number): Set<string> {
  const tokens = new Set(textTokens(snapshot.title(i).text));
  const brand = snapshot.brandAt(i);
  const category = snapshot.categoryAt(i);
  if (brand) tokens.add(`a:brand:${brand.toLowerCase()}`);
  if (category) tokens.add(`a:category:${category.toLowerCase()}`);
  return tokens;
}

/** The text a product is embedded from in serving: its title, brand and category. */
function productText(snapshot: CatalogueSnapshot, i: number): string {
  return [snapshot.title(i).text, snapshot.brandAt(i) ?? '', snapshot.categoryAt(i) ?? ''].filter(Boolean).join('\n');
}

/** See the file comment. */
export class ContentSimilarity {
  private readonly indexes = new WeakMap<CatalogueSnapshot, Index>();
  private readonly embeddings = new WeakMap<CatalogueSnapshot, EmbeddingState>();
  private readonly now: () => number;
  private readonly options: ContentSimilarityOptions;

  /** @param options the clock (a function, as before options existed) or the options. */
  constructor(options: ContentSimilarityOptions | (() => number) = {}) {
    const settings = typeof options === 'function' ? { now: options } : options;
    this.now = settings.now ?? Date.now;
    this.options = settings;
  }

  /**
   * Resolves when the snapshot's embedding index is current (starting its build when needed): true when
   * {@link similar} now answers from embeddings, false without a model or when the build failed. Serving need not
   * call it; start-up and tests may.
   */
  async ready(snapshot: CatalogueSnapshot): Promise<boolean> {
    if (!this.options.embedder) return false;
    for (let attempt = 0; attempt < 3; attempt++) {
      if (this.currentEmbeddings(snapshot)) return true;
      const state = this.embeddingState(snapshot);
      if (!state.building) return false;
      await state.building;
    }
    return this.currentEmbeddings(snapshot) !== undefined;
  }

  /**
   * Products of the snapshot ranked by likeness to the anchors (catalogue indices with weights, e.g. the most
   * recent history item weighing most), best first; the anchors themselves are left out, as are products with
   * nothing in common.
   */
  similar(snapshot: CatalogueSnapshot, anchors: readonly { index: number; weight: number }[]): SimilarProduct[] {
    const embedded = this.currentEmbeddings(snapshot);
    // An index kept for a minute across edits must still hold each anchor where the snapshot has it.
    if (embedded && anchors.every((a) => embedded.ids[a.index] === snapshot.idAt(a.index))) return this.similarByEmbedding(embedded, anchors);
    const index = this.index(snapshot);
    const scores = new Map<number, SimilarProduct>();
    const anchorSet = new Set(anchors.map((a) => a.index));
    for (const { index: anchor, weight } of anchors) {
      const tokens = [...productTokens(snapshot, anchor)].filter((t) => index.idf.has(t));
      let norm = 0;
      for (const t of tokens) norm += index.idf.get(t)! ** 2;
      if (norm <= 0) continue;
      norm = Math.sqrt(norm);
      const partial = new Map<number, number>();
      for (const t of tokens) {
        const w = index.idf.get(t)! ** 2;
        for (const j of index.postings.get(t)!) partial.set(j, (partial.get(j) ?? 0) + w);
      }
      for (const [j, dot] of partial) {
        if (anchorSet.has(j) || !(index.norms[j]! > 0)) continue;
        const part = (weight * dot) / (norm * index.norms[j]!);
        const known = scores.get(j);
        if (!known) scores.set(j, { index: j, score: part, anchor });
        else {
          if (part > known.score) known.anchor = anchor;
          known.score += part;
        }
      }
    }
    return [...scores.values()].sort((a, b) => b.score - a.score || a.index - b.index);
  }

  private index(snapshot: CatalogueSnapshot): Index {
    const known = this.indexes.get(snapshot);
    const now = this.now();
    if (known && known.size === snapshot.size && (known.revision === snapshot.revision || now - known.builtAt < REBUILD_AFTER_MS)) return known;
    const size = snapshot.size;
    const perProduct: string[][] = [];
    const df = new Map<string, number>();
    for (let i = 0; i < size; i++) {
      const tokens = [...productTokens(snapshot, i)];
      perProduct.push(tokens);
      for (const t of tokens) df.set(t, (df.get(t) ?? 0) + 1);
    }
    const maxDf = Math.max(MIN_DOCUMENT_LIMIT, MAX_DOCUMENT_SHARE * size);
    const idf = new Map<string, number>();
    for (const [t, count] of df) if (count >= 2 && count <= maxDf) idf.set(t, Math.log(size / count) + 1);
    const lists = new Map<string, number[]>();
    const norms = new Float32Array(size);
    perProduct.forEach((tokens, i) => {
      let norm = 0;
      for (const t of tokens) {
        const w = idf.get(t);
        if (w === undefined) continue;
        norm += w * w;
        let list = lists.get(t);
        if (!list) lists.set(t, (list = []));
        list.push(i);
      }
      norms[i] = Math.sqrt(norm);
    });
    const postings = new Map<string, Int32Array>();
    for (const [t, list] of lists) postings.set(t, Int32Array.from(list));
    const index: Index = { size, revision: snapshot.revision, builtAt: now, postings, idf, norms };
    this.indexes.set(snapshot, index);
    return index;
  }

  private similarByEmbedding(index: EmbeddingIndex, anchors: readonly { index: number; weight: number }[]): SimilarProduct[] {
    const scores = new Map<number, SimilarProduct>();
    const anchorSet = new Set(anchors.map((a) => a.index));
    for (const { index: anchor, weight } of anchors) {
      const row = this.anchorRow(index, anchor);
      for (let r = 0; r < row.items.length; r++) {
        const j = row.items[r]!;
        if (anchorSet.has(j)) continue;
        const part = weight * row.scores[r]!;
        const known = scores.get(j);
        if (!known) scores.set(j, { index: j, score: part, anchor });
        else {
          if (part > known.score) known.anchor = anchor;
          known.score += part;
        }
      }
    }
    return [...scores.values()].sort((a, b) => b.score - a.score || a.index - b.index);
  }

  /** The anchor's best products by cosine (positive only, itself left out), computed once per index. */
  private anchorRow(index: EmbeddingIndex, anchor: number): { items: Int32Array; scores: Float32Array } {
    const known = index.rows.get(anchor);
    if (known) return known;
    const { matrix, dimension, size } = index;
    const scores = new Float32Array(size);
    const base = anchor * dimension;
    for (let j = 0; j < size; j++) {
      let dot = 0;
      const row = j * dimension;
      for (let c = 0; c < dimension; c++) dot += matrix[base + c]! * matrix[row + c]!;
      scores[j] = dot;
    }
    scores[anchor] = -Infinity;
    const best = topK(scores, EMBEDDING_NEIGHBOURS);
    let kept = 0;
    while (kept < best.scores.length && best.scores[kept]! > 0) kept++;
    const result = { items: best.items.slice(0, kept), scores: best.scores.slice(0, kept) };
    index.rows.set(anchor, result);
    return result;
  }

  private embeddingState(snapshot: CatalogueSnapshot): EmbeddingState {
    let state = this.embeddings.get(snapshot);
    if (!state) this.embeddings.set(snapshot, (state = { vectors: new Map() }));
    return state;
  }

  /** The snapshot's embedding index when it is current; otherwise undefined, with a build started if none runs. */
  private currentEmbeddings(snapshot: CatalogueSnapshot): EmbeddingIndex | undefined {
    const embedder = this.options.embedder;
    if (!embedder) return undefined;
    const state = this.embeddingState(snapshot);
    const now = this.now();
    const index = state.index;
    // Same rule as the TF-IDF index: additions at once, edits within REBUILD_AFTER_MS.
    const current = index !== undefined && index.size === snapshot.size && (index.revision === snapshot.revision || now - index.builtAt < REBUILD_AFTER_MS);
    if (current) return index;
    const mayTry = state.failedAt === undefined || now - state.failedAt >= REBUILD_AFTER_MS;
    if (!state.building && mayTry) {
      state.building = this.buildEmbeddings(snapshot, state, embedder)
        .catch((error: unknown) => {
          state.failedAt = this.now();
          this.options.onEmbeddingError?.(error);
        })
        .finally(() => {
          state.building = undefined;
        });
    }
    return undefined;
  }

  private async buildEmbeddings(snapshot: CatalogueSnapshot, state: EmbeddingState, embedder: TextEmbedder): Promise<void> {
    const size = snapshot.size;
    const revision = snapshot.revision;
    const ids: string[] = [];
    const keys: string[] = [];
    const texts: string[] = [];
    for (let i = 0; i < size; i++) {
      const text = productText(snapshot, i);
      ids.push(snapshot.idAt(i));
      keys.push(`${snapshot.idAt(i)}\u0000${text}`);
      texts.push(text);
    }
    const missing = [...new Set(keys.map((key, i) => (state.vectors.has(key) || !texts[i] ? -1 : i)))].filter((i) => i >= 0);
    for (let start = 0; start < missing.length; start += EMBED_CHUNK) {
      const part = missing.slice(start, start + EMBED_CHUNK);
      const vectors = await embedder.embed(part.map((i) => texts[i]!));
      part.forEach((i, p) => state.vectors.set(keys[i]!, vectors[p]!));
    }
    // Vectors of products no longer in the catalogue (or of their old texts) are dropped.
    const wanted = new Set(keys);
    for (const key of state.vectors.keys()) if (!wanted.has(key)) state.vectors.delete(key);
    const dimension = [...state.vectors.values()][0]?.length ?? 0;
    const matrix = new Float32Array(size * dimension);
    keys.forEach((key, i) => {
      const v = state.vectors.get(key);
      if (!v || v.length !== dimension) return;
      let norm = 0;
      for (let c = 0; c < dimension; c++) norm += v[c]! * v[c]!;
      if (!(norm > 0)) return;
      const scale = 1 / Math.sqrt(norm);
      for (let c = 0; c < dimension; c++) matrix[i * dimension + c] = v[c]! * scale;
    });
    state.index = { size, revision, builtAt: this.now(), ids, dimension, matrix, rows: new Map() };
  }
}
