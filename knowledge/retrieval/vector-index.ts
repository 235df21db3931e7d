/**
 * Exact nearest-neighbour search over sentence embeddings of article versions, updated one article at a time.
 *
 * Each version contributes one vector per body passage (embedded with its article title and section heading, which
 * a passage's own words often leave implicit) and one per title and FAQ question. Passages are embedded with the
 * passage prefix; titles and questions with the query prefix, since matching a shopper's question to an FAQ question
 * is a symmetric question-to-question comparison (the E5 models' instructions: "query: " on both sides for symmetric
 * tasks, "passage: " for the documents of asymmetric retrieval).
 *
 * Search is an exact cosine scan (dot products of unit vectors in one Float32Array): a knowledge base of 10,000
 * articles x 10 vectors x 384 dimensions is 38 M multiply-adds, a few tens of milliseconds, and needs no approximate
 * index to tune or rebuild.
 */
import type { TextEmbedder } from '../../nlu/intents';
import { splitIntoPassages, type PassageOptions } from './passages';
import { topK } from './top-k';
import type { KnowledgeDocument, Passage } from './types';

/** Options of {@link VectorIndex}. */
export interface VectorIndexOptions {
  /** Put before every question (shopper's, and the article's FAQ questions and title). E5: `query: `. @defaultValue '' */
  queryPrefix?: string;
  /** Put before every passage. E5: `passage: `. @defaultValue '' */
  passagePrefix?: string;
  /** Texts per `embed` call when indexing. @defaultValue 32 */
  batchSize?: number;
  /** How documents added without passages are cut. */
  passages?: PassageOptions;
}

/** One vector's match. */
export interface VectorHit {
  articleId: string;
  language: string;
  /** The passage's index, or -1 for the title or an FAQ question. */
  passageIndex: number;
  /** Cosine similarity, -1..1. */
  score: number;
}

/** An article version's best similarity, with its passages' (best first). */
export interface VectorMatch {
  articleId: string;
  language: string;
  score: number;
  passages: Array<{ index: number; score: number }>;
}

/** Raised when the embedder returns vectors of the wrong number or size. */
export class EmbeddingShapeError extends Error {
  override readonly name = 'EmbeddingShapeError';
}

interface Entry {
  articleId: string;
  language: string;
  passageIndex: number;
}

/** Vectors of one version, ready to be put in the index. */
export interface EmbeddedVersion {
  articleId: string;
  language: string;
  entries: Entry[];
  vectors: Float32Array[];
}

function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (const value of vector) sum += value * value;
  const norm = Math.sqrt(sum);
  if (!(norm > 0)) return vector;
  const out = new Float32Array(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = vector[i]! / norm;
  return out;
}

/**
 * @example
 * const index = new VectorIndex(runtime.featureExtractor('Xenova/multilingual-e5-small'), { queryPrefix: 'query: ', passagePrefix: 'passage: ' });
 * await index.add(document);
 * const hits = await index.search('where is my parcel?', 5);
 */
export class VectorIndex {
  private readonly queryPrefix: string;
  private readonly passagePrefix: string;
  private readonly batchSize: number;
  private readonly passageOptions: PassageOptions;
  private dimension = 0;
  private entries: Entry[] = [];
  private matrix = new Float32Array(0);

  constructor(
    readonly embedder: TextEmbedder,
    options: VectorIndexOptions = {},
  ) {
    this.queryPrefix = options.queryPrefix ?? '';
    this.passagePrefix = options.passagePrefix ?? '';
    this.batchSize = options.batchSize ?? 32;
    this.passageOptions = options.passages ?? {};
  }

  /** Number of vectors indexed. */
  get size(): number {
    return this.entries.length;
  }

  /**
   * Embeds one version (nothing in the index changes yet), so a caller can embed first and then swap the index
   * synchronously with {@link VectorIndex.put}, keeping it consistent with another index.
   */
  async embed(document: KnowledgeDocument, passages: Passage[] = splitIntoPassages(document, this.passageOptions)): Promise<EmbeddedVersion> {
    const language = document.language.toLowerCase();
    const texts: string[] = [];
    const entries: Entry[] = [];
    for (const passage of passages) {
      texts.push(`${this.passagePrefix}${[document.title, passage.heading, passage.text].filter(Boolean).join('\n')}`);
      entries.push({ articleId: document.articleId, language, passageIndex: passage.index });
    }
    for (const question of [document.title, ...document.questions]) {
      texts.push(`${this.queryPrefix}${question}`);
      entries.push({ articleId: document.articleId, language, passageIndex: -1 });
    }
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.batchSize) {
      const batch = texts.slice(start, start + this.batchSize);
      const embedded = await this.embedder.embed(batch);
      if (embedded.length !== batch.length) throw new EmbeddingShapeError(`${this.embedder.modelId} returned ${embedded.length} vectors for ${batch.length} texts`);
      vectors.push(...embedded.map(normalize));
    }
    return { articleId: document.articleId, language, entries, vectors };
  }

  /** Replaces the version's vectors with `version`'s (synchronous). */
  put(version: EmbeddedVersion): void {
    const dimension = version.vectors[0]?.length ?? this.dimension;
    if (version.vectors.some((vector) => vector.length !== dimension) || (this.entries.length && dimension !== this.dimension)) {
      throw new EmbeddingShapeError(
        `${this.embedder.modelId} gave vectors of ${dimension} dimensions, the index holds ${this.dimension}: rebuild the index when the embedding model changes`,
      );
    }
    this.remove(version.articleId, version.language);
    if (!version.vectors.length) return;
    this.dimension = dimension;
    const used = this.entries.length * dimension;
    const needed = used + version.vectors.length * dimension;
    if (needed > this.matrix.length) {
      // Doubling keeps a full build linear: each vector is copied O(1) times on average.
      const matrix = new Float32Array(Math.max(needed, this.matrix.length * 2));
      matrix.set(this.matrix.subarray(0, used));
      this.matrix = matrix;
    }
    version.vectors.forEach((vector, i) => this.matrix.set(vector, used + i * dimension));
    this.entries.push(...version.entries);
  }

  /** Embeds and indexes one version, replacing the one with the same article id and language. */
  async add(document: KnowledgeDocument, passages?: Passage[]): Promise<void> {
    this.put(await this.embed(document, passages));
  }

  /** Removes one article version's vectors; false when it had none. */
  remove(articleId: string, language: string): boolean {
    const lower = language.toLowerCase();
    return this.removeWhere((entry) => entry.articleId === articleId && entry.language === lower);
  }

  /** Removes every version of an article. */
  removeArticle(articleId: string): boolean {
    return this.removeWhere((entry) => entry.articleId === articleId);
  }

  /** Embeds a question (with the query prefix). */
  async embedQuery(query: string): Promise<Float32Array> {
    const [vector] = await this.embedder.embed([`${this.queryPrefix}${query}`]);
    if (!vector) throw new EmbeddingShapeError(`${this.embedder.modelId} returned no vector for the question`);
    return normalize(vector);
  }

  /** The `limit` vectors most similar to `vector`, best first. */
  nearest(vector: Float32Array, limit: number): VectorHit[] {
    if (!this.entries.length) return [];
    if (vector.length !== this.dimension) throw new EmbeddingShapeError(`the question vector has ${vector.length} dimensions, the index ${this.dimension}`);
    const { dimension, matrix } = this;
    const scored: Array<{ i: number; score: number }> = [];
    for (let i = 0, offset = 0; i < this.entries.length; i++, offset += dimension) {
      let dot = 0;
      for (let d = 0; d < dimension; d++) dot += matrix[offset + d]! * vector[d]!;
      scored.push({ i, score: dot });
    }
    return topK(scored, limit, (a, b) => b.score - a.score || a.i - b.i).map(({ i, score }) => ({ ...this.entries[i]!, score }));
  }

  /**
   * The article versions most similar to the question, best first: each version's score is its best vector's, with
   * its passages' scores. Looks at the `candidates` nearest vectors.
   */
  async search(query: string, options: { limit?: number; candidates?: number } = {}): Promise<VectorMatch[]> {
    return this.group(this.nearest(await this.embedQuery(query), options.candidates ?? 200), options.limit ?? 10);
  }

  /** Groups vector hits (best first) into version matches (best first). */
  group(hits: readonly VectorHit[], limit: number): VectorMatch[] {
    const versions = new Map<string, VectorMatch>();
    for (const hit of hits) {
      const key = `${hit.articleId}\u0000${hit.language}`;
      let match = versions.get(key);
      if (!match) {
        if (versions.size >= limit) continue;
        match = { articleId: hit.articleId, language: hit.language, score: hit.score, passages: [] };
        versions.set(key, match);
      }
      if (hit.passageIndex >= 0) match.passages.push({ index: hit.passageIndex, score: hit.score });
    }
    return [...versions.values()];
  }

  private removeWhere(test: (entry: Entry) => boolean): boolean {
    const keep: number[] = [];
    this.entries.forEach((entry, i) => {
      if (!test(entry)) keep.push(i);
    });
    if (keep.length === this.entries.length) return false;
    const { dimension, matrix } = this;
    // Compacts in place: kept rows only move towards the front.
    keep.forEach((from, to) => {
      if (from !== to) matrix.copyWithin(to * dimension, from * dimension, (from + 1) * dimension);
    });
    this.entries = keep.map((i) => this.entries[i]!);
    return true;
  }
}
