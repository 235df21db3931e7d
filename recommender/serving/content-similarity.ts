/**
 * "Similar to this" from the catalogue itself, for products the live model does not know (added since it was
 * trained, so nobody has interacted with them yet) and to fill in when the model has too few: products are similar
 * when their titles, brand and category share informative tokens (TF-IDF cosine over the same tokens as the
 * content model, `textTokens`). The inverted index is built lazily per snapshot, rebuilt when the catalogue grows
 * (new products are exactly what this is for) or, for edits, at most once a minute; the anchor products' own
 * tokens are always read fresh.
 */
import type { CatalogueSnapshot } from '../catalogue';
import { textTokens } from '../models/content-tfidf';

/** Tokens in more than this share of the catalogue say nothing about likeness (and would make scoring slow). */
const MAX_DOCUMENT_SHARE = 0.1;
/** ...but in a small catalogue a token shared by a handful of products still tells them apart. */
const MIN_DOCUMENT_LIMIT = 20;
/** Edits (not additions) reach the index at most this late. */
const REBUILD_AFTER_MS = 60_000;

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

/** See the file comment. */
export class ContentSimilarity {
  private readonly indexes = new WeakMap<CatalogueSnapshot, Index>();

  constructor(private readonly now: () => number = Date.now) {}

  /**
   * Products of the snapshot ranked by likeness to the anchors (catalogue indices with weights, e.g. the most
   * recent history item weighing most), best first; the anchors themselves are left out, as are products with
   * nothing in common.
   */
  similar(snapshot: CatalogueSnapshot, anchors: readonly { index: number; weight: number }[]): SimilarProduct[] {
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
}
