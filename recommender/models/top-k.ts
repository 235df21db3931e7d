/**
 * Selecting the best items of a dense score vector. Ties go to the lower item index, here and in {@link rankOf},
 * so the evaluation ranks exactly as serving does.
 */

/** The `k` best items (best first) of `scores`, skipping items where `excluded[i]` is non-zero. */
export function topK(scores: Float32Array, k: number, excluded?: Uint8Array): { items: Int32Array; scores: Float32Array } {
  const n = scores.length;
  const size = Math.max(0, Math.min(k, n));
  // Min-heap of the best `size` seen so far: heap[0] is the worst of them.
  const heapItems = new Int32Array(size);
  const heapScores = new Float32Array(size);
  let count = 0;
  const worse = (sa: number, ia: number, sb: number, ib: number): boolean => sa < sb || (sa === sb && ia > ib);
  const siftDown = (start: number): void => {
    let p = start;
    for (;;) {
      const l = 2 * p + 1;
      if (l >= count) return;
      const r = l + 1;
      let w = l;
      if (r < count && worse(heapScores[r]!, heapItems[r]!, heapScores[l]!, heapItems[l]!)) w = r;
      if (!worse(heapScores[w]!, heapItems[w]!, heapScores[p]!, heapItems[p]!)) return;
      const ti = heapItems[p]!, ts = heapScores[p]!;
      heapItems[p] = heapItems[w]!;
      heapScores[p] = heapScores[w]!;
      heapItems[w] = ti;
      heapScores[w] = ts;
      p = w;
    }
  };
  if (size > 0) {
    for (let i = 0; i < n; i++) {
      if (excluded && excluded[i]) continue;
      const s = scores[i]!;
      if (Number.isNaN(s)) continue;
      if (count < size) {
        // Sift up.
        let c = count++;
        heapItems[c] = i;
        heapScores[c] = s;
        while (c > 0) {
          const p = (c - 1) >> 1;
          if (!worse(heapScores[c]!, heapItems[c]!, heapScores[p]!, heapItems[p]!)) break;
          const ti = heapItems[p]!, ts = heapScores[p]!;
          heapItems[p] = heapItems[c]!;
          heapScores[p] = heapScores[c]!;
          heapItems[c] = ti;
          heapScores[c] = ts;
          c = p;
        }
      } else if (s >= heapScores[0]! && worse(heapScores[0]!, heapItems[0]!, s, i)) {
        heapItems[0] = i;
        heapScores[0] = s;
        siftDown(0);
      }
    }
  }
  const items = new Int32Array(count);
  const best = new Float32Array(count);
  // Pop the worst first, filling from the back.
  for (let out = count - 1; out >= 0; out--) {
    items[out] = heapItems[0]!;
    best[out] = heapScores[0]!;
    count--;
    heapItems[0] = heapItems[count]!;
    heapScores[0] = heapScores[count]!;
    siftDown(0);
  }
  return { items, scores: best };
}

/**
 * Zero-based rank `target` gets in the ranking {@link topK} makes (items with `excluded[i]` set are not ranked):
 * the number of ranked items that come before it. `excludedItems`, when given, must list every excluded item
 * (repeats allowed); the count then runs without looking at the mask and corrects for those few items after.
 */
export function rankOf(scores: Float32Array, target: number, excluded?: Uint8Array, excludedItems?: ArrayLike<number>): number {
  const t = scores[target]!;
  if (Number.isNaN(t)) return Number.POSITIVE_INFINITY;
  let rank = 0;
  if (!excluded || excludedItems) {
    // Before the target ties count against it, after it they do not.
    for (let i = 0; i < target; i++) if (scores[i]! >= t) rank++;
    for (let i = target + 1; i < scores.length; i++) if (scores[i]! > t) rank++;
    if (excluded && excludedItems) {
      for (let k = 0; k < excludedItems.length; k++) {
        const e = excludedItems[k]!;
        if (e === target || excluded[e] !== 1) continue;
        excluded[e] = 2; // counted once, however often the history repeats it
        const s = scores[e]!;
        if (s > t || (s === t && e < target)) rank--;
      }
      for (let k = 0; k < excludedItems.length; k++) if (excluded[excludedItems[k]!] === 2) excluded[excludedItems[k]!] = 1;
    }
    return rank;
  }
  for (let i = 0; i < scores.length; i++) {
    if (i === target || excluded[i]) continue;
    const s = scores[i]!;
    if (s > t || (s === t && i < target)) rank++;
  }
  return rank;
}
