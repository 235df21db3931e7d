/**
 * Content-based item-to-item: items are similar when their text and attributes are (TF-IDF vectors, cosine).
 * It needs no interaction, so it is what ranks new products with little or no history: a catalogue item that
 * nobody has touched yet still sits in the similarity lists of the items it resembles. Text is tokenised for any
 * language (letters and digits; Han, kana, Hangul and Thai runs as character bigrams); each attribute value is one
 * token. Very common tokens (in more than `maxDocumentShare` of the items) carry almost no information and are
 * dropped, which also bounds the build's cost.
 */
import type { InteractionData, ItemContent } from '../data/interaction-data';
import { ItemNeighbours } from './item-neighbours';
import { NeighbourRecommender, type RecencyParams } from './neighbour-recommender';
import { checkCancelled, type FitOptions, type RecommenderTrainer } from './recommender-model';

/** Hyperparameters of the content model. */
export interface ContentParams extends RecencyParams {
  /** Neighbours kept per item. */
  neighbours: number;
  /** Tokens in more than this share of items are ignored. */
  maxDocumentShare: number;
  /** Weight of attribute tokens relative to text tokens. */
  attributeWeight: number;
}

/** Registry name of the content model. */
export const CONTENT_KIND = 'content-tfidf';
const VERSION = 1;

const SCRIPT_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

/** The tokens of an item's text (lower-cased, NFKC; bigrams for scripts written without spaces). */
export function textTokens(text: string): string[] {
  const normal = text.normalize('NFKC').toLowerCase();
  const tokens: string[] = [];
  for (const run of normal.match(SCRIPT_RUN) ?? []) {
    const chars = [...run];
    if (chars.length === 1) tokens.push(`w:${run}`);
    for (let c = 0; c + 1 < chars.length; c++) tokens.push(`w:${chars[c]}${chars[c + 1]}`);
  }
  for (const word of normal.replace(SCRIPT_RUN, ' ').match(WORD) ?? []) tokens.push(`w:${word}`);
  return tokens;
}

/** Tokens of one item with their raw weights (text term counts; attributes at `attributeWeight`). */
function itemTokens(content: ItemContent | undefined, attributeWeight: number): Map<string, number> {
  const weights = new Map<string, number>();
  if (!content) return weights;
  for (const t of content.text ? textTokens(content.text) : []) weights.set(t, (weights.get(t) ?? 0) + 1);
  for (const [t, count] of weights) weights.set(t, 1 + Math.log(count));
  for (const a of content.attributes ?? []) weights.set(`a:${a}`, attributeWeight);
  return weights;
}

/** See the file comment. */
export class ContentTrainer implements RecommenderTrainer<ContentParams> {
  readonly kind = CONTENT_KIND;
  readonly defaults: ContentParams = { neighbours: 200, maxDocumentShare: 0.1, attributeWeight: 1, historyLength: 3, recencyDecay: 0.5 };
  readonly searchSpace = {
    maxDocumentShare: [0.02, 0.1, 0.3],
    historyLength: [1, 2, 3, 5],
    recencyDecay: [0.3, 0.5, 0.8],
  };
  readonly scoringParams: readonly (keyof ContentParams)[] = ['historyLength', 'recencyDecay'];

  async fit(data: InteractionData, params: ContentParams, control?: FitOptions): Promise<NeighbourRecommender<ContentParams>> {
    checkCancelled(control);
    const n = data.itemCount;
    const perItem = Array.from({ length: n }, (_, i) => itemTokens(data.content[i], params.attributeWeight));
    const df = new Map<string, number>();
    for (const tokens of perItem) for (const t of tokens.keys()) df.set(t, (df.get(t) ?? 0) + 1);
    const withContent = perItem.filter((t) => t.size > 0).length;
    const maxDf = Math.max(2, params.maxDocumentShare * withContent);
    // Token ids for the useful tokens only (in at least 2 items: one item's token matches nothing).
    const tokenId = new Map<string, number>();
    for (const [t, count] of df) if (count >= 2 && count <= maxDf) tokenId.set(t, tokenId.size);
    const idf = new Float64Array(tokenId.size);
    for (const [t, id] of tokenId) idf[id] = Math.log(withContent / df.get(t)!);
    // Item -> (token, weight) rows, L2-normalised, and the transpose token -> items.
    const rowOffsets = new Int32Array(n + 1);
    const rowTokens: number[] = [];
    const rowWeights: number[] = [];
    perItem.forEach((tokens, i) => {
      const start = rowTokens.length;
      let norm = 0;
      for (const [t, w] of tokens) {
        const id = tokenId.get(t);
        if (id === undefined) continue;
        const x = w * idf[id]!;
        rowTokens.push(id);
        rowWeights.push(x);
        norm += x * x;
      }
      norm = Math.sqrt(norm);
      for (let p = start; p < rowWeights.length; p++) rowWeights[p]! /= norm;
      rowOffsets[i + 1] = rowTokens.length;
    });
    const colOffsets = new Int32Array(tokenId.size + 1);
    for (const t of rowTokens) colOffsets[t + 1]!++;
    for (let t = 0; t < tokenId.size; t++) colOffsets[t + 1]! += colOffsets[t]!;
    const colItems = new Int32Array(rowTokens.length);
    const colWeights = new Float64Array(rowTokens.length);
    const fill = colOffsets.slice(0, tokenId.size);
    for (let i = 0; i < n; i++) {
      for (let p = rowOffsets[i]!; p < rowOffsets[i + 1]!; p++) {
        const slot = fill[rowTokens[p]!]!++;
        colItems[slot] = i;
        colWeights[slot] = rowWeights[p]!;
      }
    }
    const neighbours = ItemNeighbours.build(
      n,
      params.neighbours,
      (i, acc, touched, isTouched) => {
        let count = 0;
        for (let p = rowOffsets[i]!; p < rowOffsets[i + 1]!; p++) {
          const t = rowTokens[p]!;
          const w = rowWeights[p]!;
          for (let q = colOffsets[t]!; q < colOffsets[t + 1]!; q++) {
            const j = colItems[q]!;
            if (!isTouched[j]) {
              isTouched[j] = 1;
              touched[count++] = j;
            }
            acc[j]! += w * colWeights[q]!;
          }
        }
        return count;
      },
      (_i, _j, raw) => raw,
    );
    control?.onProgress?.(1);
    return new NeighbourRecommender(CONTENT_KIND, VERSION, data.itemIds, { ...params }, neighbours);
  }

  load(artefact: Uint8Array): NeighbourRecommender<ContentParams> {
    return NeighbourRecommender.load<ContentParams>(artefact, CONTENT_KIND, VERSION);
  }
}
