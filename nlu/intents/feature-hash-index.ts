/**
 * Looks up features by a 64-bit hash of their text instead of the text itself, so predicting does not build a
 * string per n-gram (a message has a few hundred) nor hash strings in a Map of half a million entries. Two
 * independent 32-bit FNV-1a hashes make a 64-bit key; an open-addressing table maps it to the feature index. A
 * false match needs both hashes of an unseen n-gram to equal a known one's (about 1 in 10^13 per lookup here).
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
// The second hash starts from another offset and mixes with another odd multiplier, so the two are independent.
const SECOND_OFFSET = 0x9e3779b9;
const SECOND_PRIME = 0x01000197;

/** Both hashes of `prefix + source.slice(start, end)`, without building that string. */
function hashSlice(prefix: string, source: string, start: number, end: number, out: Int32Array): void {
  let h1 = FNV_OFFSET;
  let h2 = SECOND_OFFSET;
  for (let i = 0; i < prefix.length; i++) {
    const c = prefix.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, FNV_PRIME);
    h2 = Math.imul(h2 ^ c, SECOND_PRIME);
  }
  for (let i = start; i < end; i++) {
    const c = source.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, FNV_PRIME);
    h2 = Math.imul(h2 ^ c, SECOND_PRIME);
  }
  out[0] = h1;
  out[1] = h2;
}

/** Feature text -> index, queried by slices. */
export class FeatureHashIndex {
  private readonly keys1: Int32Array;
  private readonly keys2: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  private readonly scratch = new Int32Array(2);

  /** Indexes `features[i]` as `i`. Later duplicates (none in a vocabulary) are ignored. */
  constructor(features: readonly string[]) {
    let capacity = 16;
    while (capacity < features.length * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.keys1 = new Int32Array(capacity);
    this.keys2 = new Int32Array(capacity);
    this.values = new Int32Array(capacity).fill(-1);
    features.forEach((feature, index) => {
      hashSlice('', feature, 0, feature.length, this.scratch);
      const [h1, h2] = [this.scratch[0]!, this.scratch[1]!];
      let slot = h1 & this.mask;
      while (this.values[slot] !== -1) {
        if (this.keys1[slot] === h1 && this.keys2[slot] === h2) return;
        slot = (slot + 1) & this.mask;
      }
      this.keys1[slot] = h1;
      this.keys2[slot] = h2;
      this.values[slot] = index;
    });
  }

  /** The index of `prefix + source.slice(start, end)`, or -1 when it is not a known feature. */
  find(prefix: string, source: string, start: number, end: number): number {
    hashSlice(prefix, source, start, end, this.scratch);
    const h1 = this.scratch[0]!;
    const h2 = this.scratch[1]!;
    let slot = h1 & this.mask;
    for (;;) {
      const value = this.values[slot]!;
      if (value === -1) return -1;
      if (this.keys1[slot] === h1 && this.keys2[slot] === h2) return value;
      slot = (slot + 1) & this.mask;
    }
  }
}
