/**
 * Finds the articles that answer a shopper's question, in any language, and the passages to quote.
 *
 * Every language version of every article is indexed; a question is searched against all of them and the matches
 * are merged per article, so a question finds an article even when its best match is another language's version.
 * Rankings: BM25F keyword search always; with an embedder, vector search too; with a `translateQuery` hook, the
 * question translated into the main language is searched as well. Several rankings are merged by reciprocal rank
 * fusion (k = 60); a single ranking is used as it is. The answer uses the shopper's language version when the article
 * has one, else the main language's, else the best-matching one (version-choice.ts).
 */
import type { TextEmbedder } from '../../nlu/intents';
import { KeywordIndex, type KeywordIndexOptions, type KeywordMatch } from './keyword-index';
import { splitIntoPassages, type PassageOptions } from './passages';
import { reciprocalRankFusion, RRF_K } from './rank-fusion';
import type { KnowledgeDocument, Passage } from './types';
import { VectorIndex, type EmbeddedVersion, type VectorIndexOptions, type VectorMatch } from './vector-index';
import { chooseVersion } from './version-choice';

/** Translates a question: used to also search the knowledge base's main language. */
export type QueryTranslator = (text: string, from: string, to: string) => Promise<string>;

/** Options of {@link KnowledgeRetriever}. */
export interface KnowledgeRetrieverOptions {
  /** Sentence embeddings for hybrid retrieval; absent: keyword retrieval only. */
  embedder?: TextEmbedder;
  /** Prefixes and batch size of the vector index. */
  vector?: Omit<VectorIndexOptions, 'passages'>;
  /** Analyzer and BM25F parameters of the keyword index. */
  keyword?: Omit<KeywordIndexOptions, 'passages'>;
  /** How article bodies are cut into passages. */
  passages?: PassageOptions;
  /** When set (and the question is in another language than `mainLanguage`), the translated question is searched too. */
  translateQuery?: QueryTranslator;
  /** The knowledge base's main language: translation target and the answer language when the shopper's is missing. @defaultValue 'en' */
  mainLanguage?: string;
  /** Reciprocal rank fusion constant. @defaultValue 60 */
  rrfK?: number;
  /** Most passages returned per article. @defaultValue 3 */
  passagesPerArticle?: number;
}

/** Options of {@link KnowledgeRetriever.retrieve}. */
export interface RetrieveOptions {
  /** ISO 639-1 code of the question (the shopper's language). */
  language?: string;
  /** Most articles returned. @defaultValue 5 */
  limit?: number;
}

/** A passage to quote. */
export interface RetrievedPassage {
  index: number;
  heading?: string;
  text: string;
  /** The passage's keyword score (one ranking) or fused score (several); 0 when nothing matched it directly. */
  score: number;
}

/** An article that may answer the question. */
export interface RetrievedArticle {
  articleId: string;
  /** The version chosen for the answer (see the file comment). */
  language: string;
  title: string;
  url?: string;
  /** BM25F score (keyword only) or reciprocal-rank-fusion score (several rankings); only comparable within one result. */
  score: number;
  /**
   * How much of the question the article covers, 0-1: the idf-weighted share of the question's words found in the
   * article's best-matching passage with its title, questions and tags (the best of its versions, original or
   * translated question). Words the knowledge base has never seen count as not covered, so an off-topic question
   * that shares one word with an article stays low. Use it for "not sure -> offer a person"; calibrate the threshold
   * on your own questions (`kb:eval` prints the distribution for right and wrong first answers). 0 when only the
   * vector search found the article.
   */
  confidence: number;
  /** Best cosine similarity of the article's vectors to the question (hybrid only); its scale depends on the model. */
  similarity?: number;
  /** Best first; never empty when the version has body text. */
  passages: RetrievedPassage[];
}

/** One entry of a per-method ranking, as the admin "try a question" panel shows it. */
export interface RankedVersion {
  articleId: string;
  language: string;
  score: number;
}

/** The rankings behind a result. */
export interface RetrievalRankings {
  keyword: RankedVersion[];
  vector?: RankedVersion[];
  /** Keyword and vector rankings of the translated question. */
  translatedKeyword?: RankedVersion[];
  translatedVector?: RankedVersion[];
  /** Articles in the final order with their fused (or single-ranking) scores. */
  fused: Array<{ articleId: string; score: number }>;
}

/** What {@link KnowledgeRetriever.retrieve} found. */
export interface RetrievalResult {
  query: string;
  language?: string;
  /** The question in the main language, when it was translated. */
  translatedQuery?: string;
  /** Why translation failed; the original question was still searched. */
  translationError?: string;
  mode: 'keyword' | 'hybrid';
  /** Best first. */
  articles: RetrievedArticle[];
  /** The first article's confidence; 0 when nothing was found. */
  confidence: number;
  rankings: RetrievalRankings;
}

/** A ranking of article versions, best first, with passage scores where the method has them. */
interface VersionRanking {
  versions: Array<{ articleId: string; language: string; score: number; coverage?: number; passages: Array<{ index: number; score: number }> }>;
}

const RANKING_SHOWN = 10;

function normalizeLanguage(language: string | undefined): string | undefined {
  return language ? language.toLowerCase().split(/[-_]/)[0] : undefined;
}

function shown(ranking: VersionRanking): RankedVersion[] {
  return ranking.versions.slice(0, RANKING_SHOWN).map(({ articleId, language, score }) => ({ articleId, language, score }));
}

/**
 * @example
 * const retriever = new KnowledgeRetriever({ embedder: runtime.featureExtractor('Xenova/multilingual-e5-small'),
 *   vector: { queryPrefix: 'query: ', passagePrefix: 'passage: ' } });
 * await retriever.index(await loadKnowledgeBase('knowledge/demo/articles'));
 * const result = await retriever.retrieve('Wie lange dauert der Versand nach Österreich?', { language: 'de' });
 * if (result.confidence < 0.5) offerPerson(); else reply(result.articles[0]!.passages[0]!.text);
 */
export class KnowledgeRetriever {
  readonly keyword: KeywordIndex;
  readonly vector?: VectorIndex;
  private readonly options: KnowledgeRetrieverOptions;
  private readonly mainLanguage: string;

  constructor(options: KnowledgeRetrieverOptions = {}) {
    this.options = options;
    this.mainLanguage = normalizeLanguage(options.mainLanguage) ?? 'en';
    this.keyword = new KeywordIndex({ ...options.keyword, ...(options.passages ? { passages: options.passages } : {}) });
    if (options.embedder) this.vector = new VectorIndex(options.embedder, { ...options.vector, ...(options.passages ? { passages: options.passages } : {}) });
  }

  /** `hybrid` when an embedder is configured. */
  get mode(): 'keyword' | 'hybrid' {
    return this.vector ? 'hybrid' : 'keyword';
  }

  /** Number of article versions indexed. */
  get size(): number {
    return this.keyword.size;
  }

  /** Replaces whatever is indexed with `documents` (all versions of all articles). */
  async index(documents: readonly KnowledgeDocument[]): Promise<void> {
    const byArticle = new Map<string, KnowledgeDocument[]>();
    for (const document of documents) {
      const versions = byArticle.get(document.articleId) ?? [];
      versions.push(document);
      byArticle.set(document.articleId, versions);
    }
    const prepared = await Promise.all([...byArticle].map(async ([articleId, versions]) => ({ articleId, ...(await this.prepare(versions)) })));
    const stale = new Set(this.articleIds());
    for (const { articleId, cut, embedded } of prepared) {
      this.swap(articleId, cut, embedded);
      stale.delete(articleId);
    }
    for (const articleId of stale) this.removeArticle(articleId);
  }

  /**
   * Replaces every version of one article with `versions` (publishing re-indexes only what changed; an empty list
   * removes the article). Embedding runs first; the indexes change together afterwards, so a concurrent `retrieve`
   * sees the old article or the new one.
   */
  async upsertArticle(articleId: string, versions: readonly KnowledgeDocument[]): Promise<void> {
    const foreign = versions.find((version) => version.articleId !== articleId);
    if (foreign) throw new RangeError(`upsertArticle("${articleId}") was given a version of "${foreign.articleId}"`);
    const { cut, embedded } = await this.prepare(versions);
    this.swap(articleId, cut, embedded);
  }

  /** Removes every version of an article; false when none was indexed. */
  removeArticle(articleId: string): boolean {
    this.vector?.removeArticle(articleId);
    return this.keyword.removeArticle(articleId) > 0;
  }

  /** Ids of the indexed articles. */
  articleIds(): string[] {
    return this.keyword.articleIds();
  }

  /**
   * The articles that best answer `query`, best first, with passages to quote and the rankings behind them.
   */
  async retrieve(query: string, options: RetrieveOptions = {}): Promise<RetrievalResult> {
    const limit = options.limit ?? 5;
    const language = normalizeLanguage(options.language);
    // Versions wanted per ranking: enough that `limit` distinct articles survive merging their language versions.
    const candidates = Math.min(500, limit * Math.max(1, this.keyword.languages.length) + RANKING_SHOWN);
    const keyword = this.keywordRanking(query, language, candidates);
    const vector = this.vector ? await this.vectorRanking(query, candidates) : undefined;
    const result: RetrievalResult = { query, ...(language ? { language } : {}), mode: this.mode, articles: [], confidence: 0, rankings: { keyword: shown(keyword), fused: [] } };
    if (vector) result.rankings.vector = shown(vector);
    const rankings = [keyword, ...(vector ? [vector] : [])];

    if (this.options.translateQuery && language && language !== this.mainLanguage) {
      try {
        const translated = await this.options.translateQuery(query, language, this.mainLanguage);
        result.translatedQuery = translated;
        const translatedKeyword = this.keywordRanking(translated, this.mainLanguage, candidates);
        result.rankings.translatedKeyword = shown(translatedKeyword);
        rankings.push(translatedKeyword);
        if (this.vector) {
          const translatedVector = await this.vectorRanking(translated, candidates);
          result.rankings.translatedVector = shown(translatedVector);
          rankings.push(translatedVector);
        }
      } catch (error) {
        result.translationError = error instanceof Error ? error.message : String(error);
      }
    }

    const fused = this.fuseArticles(rankings);
    result.rankings.fused = fused.slice(0, Math.max(limit, RANKING_SHOWN));
    for (const { articleId, score } of fused.slice(0, limit)) {
      const article = this.article(articleId, score, language, rankings, keyword, vector);
      if (article) result.articles.push(article);
    }
    result.confidence = result.articles[0]?.confidence ?? 0;
    return result;
  }

  private keywordRanking(query: string, language: string | undefined, limit: number): VersionRanking {
    const matches: KeywordMatch[] = this.keyword.search(query, { ...(language ? { language } : {}), limit });
    return { versions: matches.map((match) => ({ articleId: match.articleId, language: match.language, score: match.score, coverage: match.coverage, passages: match.passages })) };
  }

  private async vectorRanking(query: string, limit: number): Promise<VersionRanking> {
    const matches: VectorMatch[] = await this.vector!.search(query, { limit, candidates: limit * 10 });
    return { versions: matches };
  }

  /** Article order: one ranking's own order and scores, or reciprocal rank fusion of several. */
  private fuseArticles(rankings: readonly VersionRanking[]): Array<{ articleId: string; score: number }> {
    const articleOrders = rankings.map((ranking) => {
      const order = new Map<string, number>();
      for (const version of ranking.versions) if (!order.has(version.articleId)) order.set(version.articleId, version.score);
      return order;
    });
    const active = articleOrders.filter((order) => order.size > 0);
    if (active.length <= 1) return [...(active[0] ?? new Map<string, number>())].map(([articleId, score]) => ({ articleId, score }));
    return reciprocalRankFusion(active.map((order) => [...order.keys()]), this.options.rrfK ?? RRF_K).map(({ key, score }) => ({ articleId: key, score }));
  }

  private article(
    articleId: string,
    score: number,
    shopperLanguage: string | undefined,
    rankings: readonly VersionRanking[],
    keyword: VersionRanking,
    vector: VersionRanking | undefined,
  ): RetrievedArticle | undefined {
    const matchedVersions = rankings.flatMap((ranking) => ranking.versions.filter((version) => version.articleId === articleId));
    const byScore = keyword.versions.filter((version) => version.articleId === articleId).map((version) => version.language);
    const byMatch = [...byScore, ...matchedVersions.map((version) => version.language)];
    const language = chooseVersion(this.keyword.languagesOf(articleId), shopperLanguage, this.mainLanguage, byMatch);
    const version = language ? this.keyword.version(articleId, language) : undefined;
    if (!language || !version) return undefined;
    const confidence = Math.max(0, ...matchedVersions.map((match) => match.coverage ?? 0));
    const similarity = vector?.versions.find((match) => match.articleId === articleId)?.score;
    return {
      articleId,
      language,
      title: version.document.title,
      ...(version.document.url ? { url: version.document.url } : {}),
      score,
      confidence,
      ...(similarity !== undefined ? { similarity } : {}),
      passages: this.passages(version.passages, articleId, language, rankings),
    };
  }

  /** The chosen version's passages: by its own rankings (fused when several), else in reading order. */
  private passages(passages: readonly Passage[], articleId: string, language: string, rankings: readonly VersionRanking[]): RetrievedPassage[] {
    const limit = this.options.passagesPerArticle ?? 3;
    const own = rankings
      .map((ranking) => ranking.versions.find((version) => version.articleId === articleId && version.language === language)?.passages ?? [])
      .filter((ranked) => ranked.length > 0);
    const byIndex = new Map(passages.map((passage) => [passage.index, passage]));
    let order: Array<{ index: number; score: number }>;
    if (own.length === 1) order = own[0]!;
    else if (own.length > 1) order = reciprocalRankFusion(own.map((ranked) => ranked.map((passage) => passage.index)), this.options.rrfK ?? RRF_K).map(({ key, score }) => ({ index: key, score }));
    else order = passages.map((passage) => ({ index: passage.index, score: 0 }));
    return order.slice(0, limit).flatMap(({ index, score }) => {
      const passage = byIndex.get(index);
      return passage ? [{ index, ...(passage.heading !== undefined ? { heading: passage.heading } : {}), text: passage.text, score }] : [];
    });
  }

  /** Cuts and (with an embedder) embeds the versions of one article, changing nothing yet. */
  private async prepare(versions: readonly KnowledgeDocument[]): Promise<{ cut: Array<{ document: KnowledgeDocument; passages: Passage[] }>; embedded: EmbeddedVersion[] }> {
    const cut = versions.map((document) => ({ document, passages: splitIntoPassages(document, this.options.passages) }));
    const embedded = this.vector ? await Promise.all(cut.map(({ document, passages }) => this.vector!.embed(document, passages))) : [];
    return { cut, embedded };
  }

  /** Replaces an article's versions in both indexes, synchronously. */
  private swap(articleId: string, cut: ReadonlyArray<{ document: KnowledgeDocument; passages: Passage[] }>, embedded: readonly EmbeddedVersion[]): void {
    this.keyword.removeArticle(articleId);
    this.vector?.removeArticle(articleId);
    for (const { document, passages } of cut) this.keyword.add(document, passages);
    for (const version of embedded) this.vector!.put(version);
  }
}
