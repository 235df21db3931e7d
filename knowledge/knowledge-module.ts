/**
 * The knowledge base inside a platform process: the store, one in-memory retriever per workspace that follows the
 * workspace's index version, the answers the bot gives from it, and what the admin API needs behind its routes.
 *
 * Index lifecycle: a process builds a workspace's index from the published texts the first time it needs it. Every
 * publish (or archive, rollback, delete, import) queues a `knowledge` job; the job moves the workspace's index version
 * on in the database and announces which articles changed. Each process then re-reads just those articles and swaps
 * them into its index (embedding first, then one synchronous swap, so a search never sees half an article). A process
 * that sees a gap in the versions, or whose periodic check finds the database ahead, rebuilds the whole index.
 */
import type { Queue } from 'bullmq';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { KnowledgeAnswer, KnowledgeService } from '../bots/runtime/skills/knowledge-skills';
import type { TextEmbedder } from '../nlu/intents';
import type { LanguageIdentifier } from '../nlu/language/language-identifier';
import type { TranslationContext, Translator } from '../nlu/translation/translator';
import type { Database } from '../platform/database';
import { parseWorkspaceSettings, type WorkspaceStore } from '../platform/workspaces';
import type { ReindexKnowledgeJobData } from '../workers/queues';
import { parseImport } from './admin/import-files';
import { helpPagePath } from './api/help-pages';
import type { KnowledgeRoutesDeps } from './api/knowledge-routes';
import { loadMarkdownFolder } from './import';
import type { IndexChangedEvent } from './indexing/index-events';
import { KnowledgeRetriever, type RetrievalResult } from './retrieval';
import type { KnowledgeDocument } from './retrieval/types';
import { KnowledgeStore } from './store/knowledge-store';
import type { PublishedVersion } from './store/knowledge-types';

/** Settings of {@link KnowledgeModule}. */
export interface KnowledgeModuleOptions {
  db: Kysely<Database>;
  queue: Queue<ReindexKnowledgeJobData>;
  workspaces: WorkspaceStore;
  logger: Logger;
  /** Base URL of the help pages (no trailing slash). */
  publicUrl: string;
  /** Retrieval confidence below which the bot says it is not sure. */
  answerThreshold: number;
  /** The same for messages the intent model found out of scope. */
  outOfScopeThreshold: number;
  /** How often an index checks the database version (ms). */
  refreshMs: number;
  /** Sentence embeddings for hybrid retrieval (MODELS_EMBEDDING); absent: keyword only. */
  embedder?: TextEmbedder;
  /** Prefixes the embedding model expects on questions and passages (e5: `query: `, `passage: `). */
  embeddingPrefixes?: { query: string; passage: string };
  /** Detects the question's language in the "try a question" panel when none is given. */
  identifier?: LanguageIdentifier;
  /**
   * Machine translation (Apertium offline): questions the shopper's language cannot answer are searched again in the
   * article's source language, and the passage found is translated back.
   */
  translator?: Translator;
}

/** Per article: its source language, its published languages and which translations are stale. */
interface ArticleFacts {
  sourceLanguage: string;
  languages: Set<string>;
  stale: Set<string>;
}

/** Whether an article has an up-to-date version in `language`. */
function currentIn(facts: ArticleFacts | undefined, language: string): boolean {
  return facts !== undefined && facts.languages.has(language) && !facts.stale.has(language);
}

interface WorkspaceIndex {
  version: number;
  retriever: KnowledgeRetriever;
  facts: Map<string, ArticleFacts>;
  checkedAt: number;
}

function factsOf(versions: readonly PublishedVersion[], into = new Map<string, ArticleFacts>()): Map<string, ArticleFacts> {
  for (const version of versions) {
    const facts = into.get(version.slug) ?? { sourceLanguage: version.sourceLanguage, languages: new Set<string>(), stale: new Set<string>() };
    facts.languages.add(version.language);
    if (version.stale) facts.stale.add(version.language);
    into.set(version.slug, facts);
  }
  return into;
}

/** What the "try a question" panel shows. */
export interface TryResult {
  language: string;
  /** What the bot would do: quote a passage, or say it is not sure. */
  answer: KnowledgeAnswer;
  threshold: number;
  indexVersion: number;
  retrieval: RetrievalResult;
  /** The search in the source language, when the shopper's language could not answer (translated question). */
  translatedRetrieval?: RetrievalResult;
}

/** An answer with the retrievals behind it. */
interface Decision {
  answer: KnowledgeAnswer;
  retrieval: RetrievalResult;
  translatedRetrieval?: RetrievalResult;
}

function toDocument(version: PublishedVersion): KnowledgeDocument {
  return {
    articleId: version.slug,
    language: version.language,
    title: version.title,
    body: version.body,
    questions: version.questions,
    category: version.category,
    tags: version.tags,
  };
}

/** See the file comment. */
export class KnowledgeModule implements KnowledgeService {
  readonly store: KnowledgeStore;
  private readonly indexes = new Map<string, Promise<WorkspaceIndex>>();
  /** Per workspace, the tail of its chain of index updates: changes apply one at a time, in order. */
  private readonly updates = new Map<string, Promise<void>>();
  private readonly slugs = new Map<string, string>();

  private publicUrl: string;

  constructor(private readonly options: KnowledgeModuleOptions) {
    this.store = new KnowledgeStore(options.db);
    this.publicUrl = options.publicUrl;
  }

  /** Sets the base URL of links once the server knows it (a server started on port 0 learns its port late). */
  setPublicUrl(url: string): void {
    this.publicUrl = url.replace(/\/+$/, '');
  }

  /** The help-centre answer to a shopper's question (the skills' service). */
  async answer(workspaceId: string, question: string, language: string, options: { outOfScope?: boolean } = {}): Promise<KnowledgeAnswer> {
    const threshold = options.outOfScope ? this.options.outOfScopeThreshold : this.options.answerThreshold;
    return (await this.decide(workspaceId, question, language, threshold)).answer;
  }

  /** Stores a shopper's rating of an answer. */
  async rate(workspaceId: string, rating: { slug: string; language: string; conversationId: string; messageId: string; helpful: boolean }): Promise<void> {
    await this.store.rate(workspaceId, rating);
  }

  /** What the bot would answer, with everything retrieval saw. */
  async tryQuestion(workspaceId: string, question: string, language: string | undefined): Promise<TryResult> {
    const detected = language ?? (await this.options.identifier?.identify(question))?.language ?? 'en';
    const threshold = this.options.answerThreshold;
    const decision = await this.decide(workspaceId, question, detected, threshold);
    const index = await this.index(workspaceId);
    return {
      language: detected,
      answer: decision.answer,
      threshold,
      indexVersion: index.version,
      retrieval: decision.retrieval,
      ...(decision.translatedRetrieval ? { translatedRetrieval: decision.translatedRetrieval } : {}),
    };
  }

  /** Queues a re-index of changed articles (or all). */
  async requestReindex(workspaceId: string, slugs: readonly string[] | 'all', requestedBy: string): Promise<void> {
    if (slugs !== 'all' && slugs.length === 0) return;
    await this.options.queue.add('reindex-knowledge', { workspaceId, slugs: slugs === 'all' ? 'all' : [...slugs], requestedBy });
  }

  /** Applies an index change announced by a re-index job (called for every event on the pub/sub channel). */
  handleIndexChanged(event: IndexChangedEvent): Promise<void> {
    // Indexes are built lazily: a process that never searched a workspace has nothing to update.
    if (!this.indexes.has(event.workspaceId)) return Promise.resolve();
    return this.enqueueUpdate(event.workspaceId, async () => {
      const index = await this.index(event.workspaceId, { fresh: false });
      if (event.version <= index.version) return;
      if (event.slugs === 'all' || event.version !== index.version + 1) {
        await this.rebuild(event.workspaceId);
        return;
      }
      for (const slug of event.slugs) {
        const versions = await this.store.publishedVersions(event.workspaceId, [slug]);
        if (versions.length) await index.retriever.upsertArticle(slug, versions.map(toDocument));
        else index.retriever.removeArticle(slug);
        index.facts.delete(slug);
        factsOf(versions, index.facts);
      }
      index.version = event.version;
      index.checkedAt = Date.now();
    });
  }

  /** The live index's version and size. */
  async indexStatus(workspaceId: string): Promise<{ version: number; documents: number }> {
    const index = await this.index(workspaceId);
    return { version: index.version, documents: index.retriever.size };
  }

  /**
   * Fills an empty knowledge base with the Markdown articles of `folder` (the demo help centre), published, and queues
   * their indexing. Safe from several processes at once: whoever comes second finds articles and leaves.
   * @returns how many article versions were written (0 when the knowledge base was not empty).
   */
  async seedFromFolder(workspaceId: string, folder: string): Promise<number> {
    if (!(await this.store.isEmpty(workspaceId))) return 0;
    const documents = await loadMarkdownFolder(folder, { defaultLanguage: 'en' });
    try {
      const result = await this.store.importVersions(
        workspaceId,
        'demo',
        documents.map((d) => ({
          slug: d.articleId,
          language: d.language,
          category: d.category ?? 'general',
          sourceLanguage: 'en',
          title: d.title,
          body: d.body,
          questions: d.questions,
          tags: d.tags ?? [],
        })),
        { publish: true, defaultSourceLanguage: 'en' },
      );
      await this.requestReindex(workspaceId, 'all', 'startup');
      return result.versions;
    } catch (error) {
      // Another process seeded at the same moment (a unique-key conflict): its seed is committed.
      if (!(await this.store.isEmpty(workspaceId))) return 0;
      throw error;
    }
  }

  /** The handlers behind the knowledge REST routes. */
  routeDeps(tokens: KnowledgeRoutesDeps['tokens']): KnowledgeRoutesDeps {
    return {
      tokens,
      store: this.store,
      reindex: this,
      tryQuestion: (workspaceId, question, language) => this.tryQuestion(workspaceId, question, language),
      importFiles: async (workspaceId, actor, input) => {
        const versions = parseImport(input);
        const workspace = await this.options.workspaces.findById(workspaceId);
        return this.store.importVersions(workspaceId, actor, versions, { publish: input.publish, defaultSourceLanguage: workspace?.default_language ?? input.language });
      },
      indexStatus: (workspaceId) => this.indexStatus(workspaceId),
    };
  }

  /**
   * The answer policy. The shopper's own language version is best when it is current. When the best article has no
   * version in the shopper's language, or only a stale one (its source was edited since), and machine translation is
   * available, the question is translated into the article's source language, searched there, and the passage found
   * is translated back: shoppers get today's text in their language. Without translation the best version found is
   * quoted as it is (the skill adds a one-line note when its language differs). Below the threshold: unsure.
   */
  private async decide(workspaceId: string, question: string, language: string, threshold: number): Promise<Decision> {
    const index = await this.index(workspaceId);
    const retrieval = await index.retriever.retrieve(question, { language, limit: 5 });
    const best = retrieval.articles[0];
    const current = best !== undefined && best.language === language && currentIn(index.facts.get(best.articleId), language);
    const translator = this.options.translator;
    const target = (best && index.facts.get(best.articleId)?.sourceLanguage) ?? 'en';
    // Searching the translated question costs a translation (~0.1 s), so only when it can change the answer: the best
    // match is not current in the shopper's language, or some article has no current version in it.
    const gaps = [...index.facts.values()].some((facts) => !currentIn(facts, language));
    if (translator && target !== language && translator.supports(language, target) && (!current || gaps)) {
      try {
        const context = await this.translationContext(workspaceId);
        const translated = await translator.translate(question, language, target, context);
        const translatedRetrieval = await index.retriever.retrieve(translated, { language: target, limit: 5 });
        const found = translatedRetrieval.articles[0];
        const passage = found?.passages[0];
        const usable = found !== undefined && passage !== undefined && found.language === target && translatedRetrieval.confidence >= threshold;
        // Only for an article the shopper's language lacks (or has only stale). The same article as the original
        // search found wins outright (its source is the current text); another article must match about as well as
        // the original's best (a translated question matches less well than the original) or, against a current
        // answer in the shopper's language, better.
        const wins =
          usable &&
          !currentIn(index.facts.get(found.articleId), language) &&
          (found.articleId === best?.articleId ||
            (current ? translatedRetrieval.confidence > retrieval.confidence : translatedRetrieval.confidence >= retrieval.confidence * 0.8));
        if (wins) {
          const back = translator.supports(target, language) ? await translator.translate(passage.text, target, language, context) : undefined;
          const url = await this.articleUrl(workspaceId, found.articleId, target);
          return {
            answer: {
              outcome: 'answer',
              confidence: translatedRetrieval.confidence,
              article: {
                slug: found.articleId,
                title: found.title,
                language: back ? language : target,
                passage: back ?? passage.text,
                url,
                ...(back ? { machineTranslatedFrom: target } : {}),
              },
            },
            retrieval,
            translatedRetrieval,
          };
        }
        return { ...(await this.fromRetrieval(workspaceId, retrieval, threshold)), translatedRetrieval };
      } catch (error) {
        this.options.logger.warn({ err: error, language, target }, 'question translation failed; answering from the original search');
      }
    }
    return this.fromRetrieval(workspaceId, retrieval, threshold);
  }

  /** The answer from one retrieval as it is: its best version's best passage, or unsure below the threshold. */
  private async fromRetrieval(workspaceId: string, retrieval: RetrievalResult, threshold: number): Promise<Decision> {
    const best = retrieval.articles[0];
    const passage = best?.passages[0];
    if (!best || !passage || retrieval.confidence < threshold) return { answer: { outcome: 'unsure', confidence: retrieval.confidence }, retrieval };
    const url = await this.articleUrl(workspaceId, best.articleId, best.language);
    return {
      answer: { outcome: 'answer', confidence: retrieval.confidence, article: { slug: best.articleId, title: best.title, language: best.language, passage: passage.text, url } },
      retrieval,
    };
  }

  /** The workspace's glossary: names machine translation keeps as written. */
  private async translationContext(workspaceId: string): Promise<TranslationContext> {
    const glossary = parseWorkspaceSettings((await this.options.workspaces.findById(workspaceId))?.settings).glossary;
    return glossary?.length ? { glossary } : {};
  }

  private async articleUrl(workspaceId: string, slug: string, language: string): Promise<string> {
    return `${this.publicUrl}${helpPagePath(await this.workspaceSlug(workspaceId), slug, language)}`;
  }

  private async workspaceSlug(workspaceId: string): Promise<string> {
    let slug = this.slugs.get(workspaceId);
    if (!slug) {
      slug = (await this.options.workspaces.findById(workspaceId))?.slug ?? workspaceId;
      this.slugs.set(workspaceId, slug);
    }
    return slug;
  }

  /** The workspace's index, built on first use; checks the database version every `refreshMs`. */
  private async index(workspaceId: string, options: { fresh: boolean } = { fresh: true }): Promise<WorkspaceIndex> {
    let loading = this.indexes.get(workspaceId);
    if (!loading) {
      loading = this.build(workspaceId);
      this.indexes.set(workspaceId, loading);
      loading.catch(() => this.indexes.delete(workspaceId));
    }
    const index = await loading;
    if (options.fresh && Date.now() - index.checkedAt > this.options.refreshMs) {
      index.checkedAt = Date.now();
      const version = await this.store.indexVersion(workspaceId);
      // Missed events (a restart of Redis, a process that was busy): catch up in the background, keep answering.
      if (version > index.version) void this.enqueueUpdate(workspaceId, () => this.rebuild(workspaceId));
    }
    return index;
  }

  private async build(workspaceId: string): Promise<WorkspaceIndex> {
    // The version is read first: a change committed while the texts are read is applied again by its event.
    const version = await this.store.indexVersion(workspaceId);
    const retriever = new KnowledgeRetriever({
      ...(this.options.embedder
        ? { embedder: this.options.embedder, vector: { queryPrefix: this.options.embeddingPrefixes?.query ?? '', passagePrefix: this.options.embeddingPrefixes?.passage ?? '' } }
        : {}),
    });
    const published = await this.store.publishedVersions(workspaceId);
    await retriever.index(published.map(toDocument));
    this.options.logger.info({ workspaceId, version, documents: retriever.size, mode: retriever.mode }, 'knowledge index built');
    return { version, retriever, facts: factsOf(published), checkedAt: Date.now() };
  }

  private async rebuild(workspaceId: string): Promise<void> {
    const fresh = await this.build(workspaceId);
    // One assignment: searches use the old index until this line, the new one after it.
    this.indexes.set(workspaceId, Promise.resolve(fresh));
  }

  private enqueueUpdate(workspaceId: string, work: () => Promise<void>): Promise<void> {
    const previous = this.updates.get(workspaceId) ?? Promise.resolve();
    const next = previous.then(work).catch((error: unknown) => {
      this.options.logger.error({ err: error, workspaceId }, 'knowledge index update failed; the next check rebuilds it');
      // Force the periodic check to rebuild.
      void this.indexes.get(workspaceId)?.then((index) => {
        index.version = -1;
        index.checkedAt = 0;
      });
    });
    this.updates.set(workspaceId, next);
    return next;
  }
}
