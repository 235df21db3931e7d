/**
 * Score accumulators of one keyword search, indexed by passage slot: typed arrays reused from search to search (a
 * search touches up to every passage of a language; allocating per search would feed the garbage collector) and
 * generation stamps, so that only the entries a search touched are ever reset.
 */

/** Stamps are cleared long before they could overflow an Int32 (one search uses far fewer than the margin). */
const STAMP_LIMIT = 0x3f000000;

/** The accumulators of keyword-index searches; one per index, reused by every (synchronous) search. */
export class KeywordAccumulator {
  /** BM25F score per passage slot, for the current search. */
  scores = new Float64Array(0);
  /** Sum of the idf of the query terms each passage matched (coverage numerator). */
  matched = new Float64Array(0);
  /** Passage slots with a score in the current search, in the order first touched. */
  readonly touched: number[] = [];
  private termTf = new Float64Array(0);
  private termStamp = new Int32Array(0);
  private searchStamp = new Int32Array(0);
  private reached = new Int32Array(0);
  private reachedCount = 0;
  private stamp = 0;
  private search = 0;
  private term = 0;

  /** Makes room for passage slots below `capacity`. */
  ensureCapacity(capacity: number): void {
    if (this.scores.length >= capacity) return;
    const size = Math.max(capacity, this.scores.length * 2, 1024);
    const grow = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(old);
      return next;
    };
    this.scores = grow(this.scores, (n) => new Float64Array(n));
    this.matched = grow(this.matched, (n) => new Float64Array(n));
    this.termTf = grow(this.termTf, (n) => new Float64Array(n));
    this.termStamp = grow(this.termStamp, (n) => new Int32Array(n));
    this.searchStamp = grow(this.searchStamp, (n) => new Int32Array(n));
    this.reached = new Int32Array(size);
  }

  /** Starts a search: nothing is touched. */
  beginSearch(): void {
    if (this.stamp >= STAMP_LIMIT) {
      this.termStamp.fill(0);
      this.searchStamp.fill(0);
      this.stamp = 0;
    }
    this.search = ++this.stamp;
    this.touched.length = 0;
  }

  /** Starts a query term: its term frequencies start at 0 everywhere. */
  beginTerm(): void {
    this.term = ++this.stamp;
    this.reachedCount = 0;
  }

  /** Adds field-weighted, length-normalised term frequency to a passage, for the current term. */
  addTf(slot: number, tf: number): void {
    if (this.termStamp[slot] !== this.term) {
      this.termStamp[slot] = this.term;
      this.termTf[slot] = tf;
      this.reached[this.reachedCount++] = slot;
    } else {
      this.termTf[slot] = this.termTf[slot]! + tf;
    }
  }

  /** Saturates the current term's frequencies into the scores: idf · tf / (k1 + tf). */
  endTerm(idf: number, k1: number): void {
    const { termTf, scores, matched, searchStamp, reached, touched } = this;
    for (let r = 0; r < this.reachedCount; r++) {
      const slot = reached[r]!;
      const tf = termTf[slot]!;
      if (searchStamp[slot] !== this.search) {
        searchStamp[slot] = this.search;
        scores[slot] = 0;
        matched[slot] = 0;
        touched.push(slot);
      }
      scores[slot] = scores[slot]! + (idf * tf) / (k1 + tf);
      matched[slot] = matched[slot]! + idf;
    }
  }

  /** Whether the current search has given `slot` a score. */
  has(slot: number): boolean {
    return this.searchStamp[slot] === this.search;
  }
}
