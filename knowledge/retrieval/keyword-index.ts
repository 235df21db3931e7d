/**
 * BM25F keyword search over article passages, in every language at once, updated one article at a time.
 *
 * Each passage is scored as a virtual document made of its own fields (section heading, text) and its article
 * version's fields (title, FAQ questions, tags), which it shares with its sibling passages: the title and questions
 * say what the whole article is about, the passage says which part answers. Field term frequencies are length-
 * normalised per field and weighted, then saturated together (BM25F, Robertson & Zaragoza 2009):
 *
 *   tf~(t, p) = Σ_f w_f · tf_f(t, p) / (1 - b + b · len_f(p) / avglen_f)
 *   score(p)  = Σ_t idf(t) · tf~ / (k1 + tf~)
 *
 * with k1 = 1.2 and b = 0.75 (the usual defaults), per-language statistics (keyword-partition.ts) and field weights
 * title 3, questions 2, tags 1.5, heading 1.5, body 1: curated text describing the whole article counts for more than
 * a chance word in the body, the questions less than the title because several paraphrases give more chance hits.
 * An article version's score is its best passage's.
 *
 * The confidence measure (`coverage`) and the per-language question analysis are described on their options below.
 *
 * A library was considered: MiniSearch (BM25+) scores each field separately and sums (no joint saturation), has no
 * notion of per-document language or of fields shared between documents, and would need analysed text passed
 * through its tokenizer anyway. The scoring here (with keyword-partition.ts and keyword-accumulator.ts) keeps
 * postings in compact integer arrays and reuses typed-array accumulators, for a p99 of a few milliseconds over
 * 10,000 articles (`npm run bench:kb`).
 */
import { KeywordAccumulator } from './keyword-accumulator';
import { KeywordPartition, termCounts, type VersionLengths } from './keyword-partition';
import { splitIntoPassages, type PassageOptions } from './passages';
import { TextAnalyzer } from './text-analysis';
import { topK } from './top-k';
import type { KnowledgeDocument, Passage } from './types';

/** Weights of the BM25F fields. */
export interface FieldWeights {
  title: number;
  questions: number;
  tags: number;
  heading: number;
  body: number;
}

/** See the file comment for why these. */
export const DEFAULT_FIELD_WEIGHTS: Readonly<FieldWeights> = { title: 3, questions: 2, tags: 1.5, heading: 1.5, body: 1 };

/** Options of {@link KeywordIndex}. */
export interface KeywordIndexOptions {
  /** @defaultValue a new {@link TextAnalyzer} */
  analyzer?: TextAnalyzer;
  /** How documents added without passages are cut. */
  passages?: PassageOptions;
  fieldWeights?: Partial<FieldWeights>;
  /** BM25 term-frequency saturation. @defaultValue 1.2 */
  k1?: number;
  /** BM25 length normalisation (0 = none, 1 = full). @defaultValue 0.75 */
  b?: number;
}

/** One passage's keyword score. */
export interface KeywordPassageMatch {
  /** The passage's `index` in its version. */
  index: number;
  score: number;
}

/** An article version that matched, with its passages that matched (best first). */
export interface KeywordMatch {
  articleId: string;
  language: string;
  /** BM25F score of the best passage. */
  score: number;
  /**
   * Share of the question's information the best passage (with its article's title, questions and tags) contains:
   * the idf-weighted fraction of the question's terms it matches, 0-1. Words the knowledge base has never seen count
   * in full, so "what's the weather in Rotterdam" is far from 1 even though "Rotterdam" is in an article.
   */
  coverage: number;
  passages: KeywordPassageMatch[];
}

/** Options of {@link KeywordIndex.search}. */
export interface KeywordSearchOptions {
  /**
   * ISO 639-1 code of the question. The question is analysed in this language for every version, and in addition in
   * the version's own language for versions in other languages. Absent: in each version's language only.
   */
  language?: string;
  /** Most article versions returned. @defaultValue 10 */
  limit?: number;
}

interface VersionRecord {
  slot: number;
  document: KnowledgeDocument;
  passages: Passage[];
  passageSlots: number[];
  lengths: VersionLengths;
  distinctTerms: string[];
  partition: KeywordPartition;
}

const versionKey = (articleId: string, language: string) => `${articleId}\u0000${language}`;

/** A typed array at least `size` long, keeping `old`'s values. */
function grown(old: Int32Array<ArrayBuffer>, size: number): Int32Array<ArrayBuffer> {
  if (old.length >= size) return old;
  const next = new Int32Array(Math.max(size, old.length * 2, 1024));
  next.set(old);
  return next;
}

/**
 * @example
 * const index = new KeywordIndex();
 * index.add({ articleId: 'gift-cards', language: 'en', title: 'Gift cards', body: 'Digital gift cards ...', questions: [] });
 * index.search('can I buy a gift card?', { language: 'en' })[0]?.articleId; // 'gift-cards'
 */
export class KeywordIndex {
  readonly analyzer: TextAnalyzer;
  private readonly weights: FieldWeights;
  private readonly k1: number;
  private readonly b: number;
  private readonly passageOptions: PassageOptions;
  private readonly partitions = new Map<string, KeywordPartition>();
  private readonly versions = new Map<string, VersionRecord>();
  private readonly versionRecords: Array<VersionRecord | undefined> = [];
  private readonly freeVersionSlots: number[] = [];
  private readonly freePassageSlots: number[] = [];
  private passageSlotCount = 0;
  // Per-slot facts the scoring loop reads, in typed arrays.
  private passageVersion = new Int32Array(0);
  /** The passage's index in its version; -1 for the stand-in of a version without passages. */
  private passageIndex = new Int32Array(0);
  private passageHeadingLength = new Int32Array(0);
  private passageBodyLength = new Int32Array(0);
  private readonly accumulator = new KeywordAccumulator();
  private versionBest = new Int32Array(0);
  private versionStamp = new Int32Array(0);
  private versionSearch = 0;

  constructor(options: KeywordIndexOptions = {}) {
    this.analyzer = options.analyzer ?? new TextAnalyzer();
    this.weights = { ...DEFAULT_FIELD_WEIGHTS, ...options.fieldWeights };
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    this.passageOptions = options.passages ?? {};
  }

  /** Number of article versions indexed. */
  get size(): number {
    return this.versions.size;
  }

  /** Languages with at least one version. */
  get languages(): string[] {
    return [...this.partitions].filter(([, partition]) => partition.versionCount > 0).map(([language]) => language);
  }

  /**
   * Indexes one article version, replacing the one with the same article id and language.
   *
   * @param passages its passages, when already cut (the retriever shares them with the vector index).
   */
  add(document: KnowledgeDocument, passages: Passage[] = splitIntoPassages(document, this.passageOptions)): void {
    const language = document.language.toLowerCase();
    this.remove(document.articleId, language);
    const analyze = (text: string) => this.analyzer.analyze(text, language);
    const title = analyze(document.title);
    const questions = analyze(document.questions.join('\n'));
    const tags = analyze((document.tags ?? []).join(', '));
    // A version without body text still gets one stand-in passage, so its title and questions can be found.
    const units = passages.length ? passages : [undefined];
    let partition = this.partitions.get(language);
    if (!partition) {
      partition = new KeywordPartition();
      this.partitions.set(language, partition);
    }
    const slot = this.freeVersionSlots.pop() ?? this.versionRecords.length;
    const passageUnits = units.map((passage) => {
      const heading = analyze(passage?.heading ?? '');
      const body = analyze(passage?.text ?? '');
      const passageSlot = this.freePassageSlots.pop() ?? this.passageSlotCount++;
      this.reservePassageSlots(this.passageSlotCount);
      this.passageVersion[passageSlot] = slot;
      this.passageIndex[passageSlot] = passage?.index ?? -1;
      this.passageHeadingLength[passageSlot] = heading.length;
      this.passageBodyLength[passageSlot] = body.length;
      return { slot: passageSlot, heading: termCounts(heading), body: termCounts(body), lengths: { heading: heading.length, body: body.length } };
    });
    const lengths = { title: title.length, questions: questions.length, tags: tags.length };
    const distinctTerms = partition.addVersion({
      slot,
      title: termCounts(title),
      questions: termCounts(questions),
      tags: termCounts(tags),
      lengths,
      passages: passageUnits,
    });
    const record: VersionRecord = { slot, document, passages, passageSlots: passageUnits.map((unit) => unit.slot), lengths, distinctTerms, partition };
    this.versionRecords[slot] = record;
    this.versionBest = grown(this.versionBest, this.versionRecords.length);
    this.versionStamp = grown(this.versionStamp, this.versionRecords.length);
    this.versions.set(versionKey(document.articleId, language), record);
  }

  /** Removes one article version; false when it was not indexed. */
  remove(articleId: string, language: string): boolean {
    const key = versionKey(articleId, language.toLowerCase());
    const record = this.versions.get(key);
    if (!record) return false;
    const passageLengths = record.passageSlots.map((slot) => ({ heading: this.passageHeadingLength[slot]!, body: this.passageBodyLength[slot]! }));
    record.partition.removeVersion(record.slot, record.lengths, record.passageSlots, passageLengths, record.distinctTerms);
    for (const slot of record.passageSlots) {
      this.passageVersion[slot] = -1;
      this.freePassageSlots.push(slot);
    }
    this.versionRecords[record.slot] = undefined;
    this.freeVersionSlots.push(record.slot);
    this.versions.delete(key);
    return true;
  }

  /** Removes every version of an article; returns how many there were. */
  removeArticle(articleId: string): number {
    return this.languagesOf(articleId).filter((language) => this.remove(articleId, language)).length;
  }

  /** Ids of the indexed articles. */
  articleIds(): string[] {
    return [...new Set([...this.versions.values()].map((record) => record.document.articleId))];
  }

  /** Languages in which an article is indexed. */
  languagesOf(articleId: string): string[] {
    return this.languages.filter((language) => this.versions.has(versionKey(articleId, language)));
  }

  /** The indexed document and passages of one version. */
  version(articleId: string, language: string): { document: KnowledgeDocument; passages: readonly Passage[] } | undefined {
    const record = this.versions.get(versionKey(articleId, language.toLowerCase()));
    return record ? { document: record.document, passages: record.passages } : undefined;
  }

  /**
   * The best-matching article versions of every language, best first. A version of an article in another language
   * than the question's is found when they share terms (brand names, numbers, loanwords, Han characters).
   */
  search(query: string, options: KeywordSearchOptions = {}): KeywordMatch[] {
    const limit = options.limit ?? 10;
    const accumulator = this.accumulator;
    accumulator.beginSearch();
    const denominators = new Map<KeywordPartition, number>();
    const questionLanguage = options.language?.toLowerCase();
    const questionTerms = questionLanguage ? this.analyzer.analyze(query, questionLanguage) : [];
    for (const [language, partition] of this.partitions) {
      if (partition.versionCount === 0) continue;
      // Versions in the question's language: its own analysis. Other versions: that analysis and the one of their
      // language, so names and loanwords meet their stems ("Packstation" is "packstat" to the French stemmer).
      const terms = language === questionLanguage ? unique(questionTerms) : unique([...questionTerms, ...this.analyzer.analyze(query, language)]);
      let denominator = 0;
      for (const term of terms) {
        const idf = partition.idf(term);
        denominator += idf;
        this.scoreTerm(partition, term, idf);
      }
      denominators.set(partition, denominator);
    }
    const { scores, matched } = accumulator;
    // Each version's best passage (ties: the earlier passage).
    const stamp = ++this.versionSearch;
    const touchedVersions: number[] = [];
    for (const slot of accumulator.touched) {
      const version = this.passageVersion[slot]!;
      if (this.versionStamp[version] !== stamp) {
        this.versionStamp[version] = stamp;
        this.versionBest[version] = slot;
        touchedVersions.push(version);
        continue;
      }
      const best = this.versionBest[version]!;
      if (scores[slot]! > scores[best]! || (scores[slot] === scores[best] && this.passageIndex[slot]! < this.passageIndex[best]!)) this.versionBest[version] = slot;
    }
    const ranked = topK(touchedVersions, limit, (a, b) => scores[this.versionBest[b]!]! - scores[this.versionBest[a]!]! || this.tieBreak(a, b));
    return ranked.map((versionSlot) => {
      const version = this.versionRecords[versionSlot]!;
      const bestSlot = this.versionBest[versionSlot]!;
      const passages = version.passageSlots
        .filter((slot) => this.passageIndex[slot]! >= 0 && accumulator.has(slot))
        .sort((a, b) => scores[b]! - scores[a]! || this.passageIndex[a]! - this.passageIndex[b]!)
        .map((slot) => ({ index: this.passageIndex[slot]!, score: scores[slot]! }));
      const denominator = denominators.get(version.partition) ?? 0;
      return {
        articleId: version.document.articleId,
        language: version.document.language,
        score: scores[bestSlot]!,
        coverage: denominator > 0 ? Math.min(1, matched[bestSlot]! / denominator) : 0,
        passages,
      };
    });
  }

  /** Adds one term's BM25F contribution to every passage it reaches. */
  private scoreTerm(partition: KeywordPartition, term: string, idf: number): void {
    const postings = partition.postings.get(term);
    if (!postings) return;
    const accumulator = this.accumulator;
    const average = partition.averages();
    const { weights, b } = this;
    // w_f / (1 - b + b · len / avglen), as (w_f) / (base + slope_f · len); a field empty everywhere never matches.
    const base = 1 - b;
    const slope = (averageLength: number) => (averageLength > 0 ? b / averageLength : 0);
    const titleSlope = slope(average.title);
    const questionsSlope = slope(average.questions);
    const tagsSlope = slope(average.tags);
    const headingSlope = slope(average.heading);
    const bodySlope = slope(average.body);
    accumulator.beginTerm();
    const versionPostings = postings.versions;
    for (let i = 0; i < versionPostings.length; i += 2) {
      const version = this.versionRecords[versionPostings[i]!]!;
      const packed = versionPostings[i + 1]!;
      const title = packed >>> 20;
      const questions = (packed >>> 10) & 1023;
      const tags = packed & 1023;
      const { lengths } = version;
      let tf = 0;
      if (title) tf += (weights.title * title) / (base + titleSlope * lengths.title);
      if (questions) tf += (weights.questions * questions) / (base + questionsSlope * lengths.questions);
      if (tags) tf += (weights.tags * tags) / (base + tagsSlope * lengths.tags);
      for (const slot of version.passageSlots) accumulator.addTf(slot, tf);
    }
    const passagePostings = postings.passages;
    for (let i = 0; i < passagePostings.length; i += 2) {
      const slot = passagePostings[i]!;
      const packed = passagePostings[i + 1]!;
      const heading = packed >>> 10;
      const body = packed & 1023;
      let tf = 0;
      if (heading) tf += (weights.heading * heading) / (base + headingSlope * this.passageHeadingLength[slot]!);
      if (body) tf += (weights.body * body) / (base + bodySlope * this.passageBodyLength[slot]!);
      accumulator.addTf(slot, tf);
    }
    accumulator.endTerm(idf, this.k1);
  }

  /** Equal scores: a stable order by article id, then language. */
  private tieBreak(a: number, b: number): number {
    const x = this.versionRecords[a]!.document;
    const y = this.versionRecords[b]!.document;
    return x.articleId < y.articleId ? -1 : x.articleId > y.articleId ? 1 : x.language < y.language ? -1 : x.language > y.language ? 1 : 0;
  }

  private reservePassageSlots(count: number): void {
    this.passageVersion = grown(this.passageVersion, count);
    this.passageIndex = grown(this.passageIndex, count);
    this.passageHeadingLength = grown(this.passageHeadingLength, count);
    this.passageBodyLength = grown(this.passageBodyLength, count);
    this.accumulator.ensureCapacity(count);
  }
}

function unique(terms: readonly string[]): string[] {
  return [...new Set(terms)];
}
