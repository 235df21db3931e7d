/**
 * The postings and statistics of one language's article versions, for BM25F (see keyword-index.ts). Each language
 * keeps its own document frequencies and average field lengths, as if it had an index of its own: how rare a word is
 * among German articles says nothing about English ones.
 *
 * Two kinds of postings: version fields (title, questions, tags), counted once per article version and shared by all
 * its passages, and passage fields (heading, body). Document frequency counts article versions, not passages, so a
 * word in the title of an article cut into eight passages is not made to look eight times as common.
 *
 * A posting list is a plain array of small integers, `[slot, packed term frequencies, slot, packed, ...]`: V8 keeps
 * it as one compact block of small integers, where an object per posting would cost several times the memory and a
 * typed array per term a fixed overhead that hundreds of thousands of rare terms multiply.
 */

/** Term frequencies above this are stored as this (BM25 has long saturated). */
const TF_CAP = 1023;

/** Packs title, questions and tags term frequencies (10 bits each) into one small integer. */
export function packVersionTf(title: number, questions: number, tags: number): number {
  return (Math.min(title, TF_CAP) << 20) | (Math.min(questions, TF_CAP) << 10) | Math.min(tags, TF_CAP);
}

/** Packs heading and body term frequencies (10 bits each) into one small integer. */
export function packPassageTf(heading: number, body: number): number {
  return (Math.min(heading, TF_CAP) << 10) | Math.min(body, TF_CAP);
}

/** Where one term occurs in this language. */
export interface TermPostings {
  /** `[versionSlot, packVersionTf(...), ...]` */
  versions: number[];
  /** `[passageSlot, packPassageTf(...), ...]` */
  passages: number[];
  /** Number of article versions containing the term in any field. */
  documentFrequency: number;
}

/** Field lengths (in terms) of an article version. */
export interface VersionLengths {
  title: number;
  questions: number;
  tags: number;
}

/** Field lengths (in terms) of a passage. */
export interface PassageLengths {
  heading: number;
  body: number;
}

/** Average field lengths of a partition. */
export type FieldAverages = VersionLengths & PassageLengths;

/** Counts terms. */
export function termCounts(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** What one version contributes to a partition. */
export interface VersionTerms {
  slot: number;
  title: Map<string, number>;
  questions: Map<string, number>;
  tags: Map<string, number>;
  lengths: VersionLengths;
  passages: ReadonlyArray<{ slot: number; heading: Map<string, number>; body: Map<string, number>; lengths: PassageLengths }>;
}

/** One language's share of the keyword index. */
export class KeywordPartition {
  readonly postings = new Map<string, TermPostings>();
  /** Article versions in this language (BM25's N). */
  versionCount = 0;
  /** Per field: total length, and how many versions or passages have the field at all. */
  private readonly totals: Record<keyof FieldAverages, { length: number; count: number }> = {
    title: { length: 0, count: 0 },
    questions: { length: 0, count: 0 },
    tags: { length: 0, count: 0 },
    heading: { length: 0, count: 0 },
    body: { length: 0, count: 0 },
  };
  private cachedAverages: FieldAverages | undefined;

  /**
   * Average field lengths over the versions (passages) that have the field, as Lucene computes them: articles
   * without FAQ questions do not make the questions of the others look long. 0 for a field empty everywhere.
   */
  averages(): FieldAverages {
    if (!this.cachedAverages) {
      const average = (field: keyof FieldAverages) => (this.totals[field].count > 0 ? this.totals[field].length / this.totals[field].count : 0);
      this.cachedAverages = {
        title: average('title'),
        questions: average('questions'),
        tags: average('tags'),
        heading: average('heading'),
        body: average('body'),
      };
    }
    return this.cachedAverages;
  }

  private count(field: keyof FieldAverages, length: number, sign: 1 | -1): void {
    if (length <= 0) return;
    this.totals[field].length += sign * length;
    this.totals[field].count += sign;
  }

  /** BM25 inverse document frequency (Lucene's variant, never negative); a term never seen gets the highest. */
  idf(term: string): number {
    const n = this.postings.get(term)?.documentFrequency ?? 0;
    return Math.log(1 + (this.versionCount - n + 0.5) / (n + 0.5));
  }

  /** Adds one version; returns its distinct terms (any field, any passage), which {@link removeVersion} needs back. */
  addVersion(version: VersionTerms): string[] {
    this.cachedAverages = undefined;
    this.versionCount++;
    this.count('title', version.lengths.title, 1);
    this.count('questions', version.lengths.questions, 1);
    this.count('tags', version.lengths.tags, 1);
    const distinct = new Set<string>();
    for (const field of [version.title, version.questions, version.tags]) {
      for (const term of field.keys()) {
        if (distinct.has(term)) continue;
        distinct.add(term);
        this.termPostings(term).versions.push(version.slot, packVersionTf(version.title.get(term) ?? 0, version.questions.get(term) ?? 0, version.tags.get(term) ?? 0));
      }
    }
    for (const passage of version.passages) {
      this.count('heading', passage.lengths.heading, 1);
      this.count('body', passage.lengths.body, 1);
      for (const [term, body] of passage.body) {
        distinct.add(term);
        this.termPostings(term).passages.push(passage.slot, packPassageTf(passage.heading.get(term) ?? 0, body));
      }
      for (const [term, heading] of passage.heading) {
        if (passage.body.has(term)) continue;
        distinct.add(term);
        this.termPostings(term).passages.push(passage.slot, packPassageTf(heading, 0));
      }
    }
    const terms = [...distinct];
    for (const term of terms) this.postings.get(term)!.documentFrequency++;
    return terms;
  }

  /** Undoes {@link addVersion}: `passageSlots` and `distinctTerms` are what was added, `passageLengths` theirs. */
  removeVersion(slot: number, lengths: VersionLengths, passageSlots: readonly number[], passageLengths: readonly PassageLengths[], distinctTerms: readonly string[]): void {
    this.cachedAverages = undefined;
    this.versionCount--;
    this.count('title', lengths.title, -1);
    this.count('questions', lengths.questions, -1);
    this.count('tags', lengths.tags, -1);
    for (const passage of passageLengths) {
      this.count('heading', passage.heading, -1);
      this.count('body', passage.body, -1);
    }
    const removed = new Set(passageSlots);
    for (const term of distinctTerms) {
      const postings = this.postings.get(term);
      if (!postings) continue;
      if (--postings.documentFrequency <= 0) {
        this.postings.delete(term);
        continue;
      }
      compact(postings.versions, (posting) => posting === slot);
      compact(postings.passages, (posting) => removed.has(posting));
    }
  }

  private termPostings(term: string): TermPostings {
    let postings = this.postings.get(term);
    if (!postings) {
      postings = { versions: [], passages: [], documentFrequency: 0 };
      this.postings.set(term, postings);
    }
    return postings;
  }
}

/** Removes, in place, the `[slot, value]` pairs whose slot `drop` says to remove. */
function compact(pairs: number[], drop: (slot: number) => boolean): void {
  let to = 0;
  for (let from = 0; from < pairs.length; from += 2) {
    if (drop(pairs[from]!)) continue;
    if (to !== from) {
      pairs[to] = pairs[from]!;
      pairs[to + 1] = pairs[from + 1]!;
    }
    to += 2;
  }
  pairs.length = to;
}
