/**
 * Articles, their language versions and every revision, on the project's SQL layer (SQLite and PostgreSQL).
 *
 * Editing never overwrites: each save appends a revision, and a save names the revision it was based on
 * (`expectedRevision`), so of two admins editing the same version the second gets a conflict instead of silently
 * replacing the first one's text. Publishing points the version's `published_revision` at its latest revision;
 * shoppers (and the index) only ever see published revisions. Every change is written to the audit log in the same
 * transaction.
 */
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { isUniqueViolation, timeOrderedId, type Database, type KbRevisionsTable, type KbVersionsTable } from '../../platform/database';
import type {
  Article,
  ArticleRatings,
  ArticleVersion,
  AuditEntry,
  KnowledgeStatus,
  PublishedVersion,
  Revision,
  VersionContent,
} from './knowledge-types';

/** Raised for a missing article, version or revision (HTTP 404). */
export class KnowledgeNotFoundError extends Error {
  override name = 'KnowledgeNotFoundError';
}

/** Raised when a save is based on an older revision than the stored one, or a slug is taken (HTTP 409). */
export class KnowledgeConflictError extends Error {
  override name = 'KnowledgeConflictError';
  constructor(
    message: string,
    /** The stored revision, when the conflict is about revisions. */
    readonly currentRevision?: number,
  ) {
    super(message);
  }
}

/** A new article with its first language version. */
export interface NewArticle extends VersionContent {
  slug: string;
  category: string;
  language: string;
  /** @defaultValue `language` */
  sourceLanguage?: string;
  /** Publish at once. @defaultValue false (draft) */
  publish?: boolean;
}

/** A save of one language version. */
export interface VersionSave extends VersionContent {
  /** Required when the version exists: the revision the edit started from. */
  expectedRevision?: number;
  /** For a translation: the source revision it was written from. @defaultValue the source's latest revision */
  sourceRevision?: number;
  /** Publish this revision at once. @defaultValue false */
  publish?: boolean;
  /** What the revision did, for the history. @defaultValue `create` or `edit` */
  note?: string;
}

/** One version in an import. */
export interface ImportedVersion extends VersionContent {
  slug: string;
  language: string;
  /** Category of a new article (an existing article keeps its own). */
  category: string;
  /** Source language of a new article. @defaultValue `language` */
  sourceLanguage?: string;
}

/** Filters of {@link KnowledgeStore.listArticles}. */
export interface ArticleQuery {
  /** Words that must occur in the slug, title, body or questions of some version (case-insensitive). */
  search?: string;
  category?: string;
  status?: KnowledgeStatus;
  language?: string;
  limit?: number;
  offset?: number;
}

type Db = Kysely<Database> | Transaction<Database>;
type VersionRow = Selectable<KbVersionsTable>;
type RevisionRow = Selectable<KbRevisionsTable>;

const parseList = (json: string): string[] => JSON.parse(json) as string[];

function toRevision(row: RevisionRow): Revision {
  return {
    revision: row.revision,
    title: row.title,
    body: row.body,
    questions: parseList(row.questions),
    tags: parseList(row.tags),
    author: row.author,
    note: row.note,
    createdAt: Number(row.created_at),
  };
}

/** See the file comment. */
export class KnowledgeStore {
  constructor(private readonly db: Kysely<Database>) {}

  /**
   * Creates an article with its first language version (revision 1).
   * @throws KnowledgeConflictError when the slug is taken in the workspace.
   */
  async createArticle(workspaceId: string, actor: string, input: NewArticle): Promise<Article> {
    const now = Date.now();
    const articleId = timeOrderedId(now);
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('kb_articles')
          .values({
            id: articleId,
            workspace_id: workspaceId,
            slug: input.slug,
            category: input.category,
            source_language: input.sourceLanguage ?? input.language,
            created_at: now,
            updated_at: now,
          })
          .execute();
        await this.insertVersion(trx, workspaceId, articleId, input.language, actor, input, null, input.publish ?? false, now, 'create');
        await this.audit(trx, workspaceId, actor, 'create', input.slug, input.language, { category: input.category, published: input.publish ?? false }, now);
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw new KnowledgeConflictError(`An article with the id "${input.slug}" exists already.`);
      throw error;
    }
    return (await this.getArticle(workspaceId, input.slug))!;
  }

  /**
   * Saves a language version: creates it (a new translation) or appends a revision to it.
   * @throws KnowledgeNotFoundError when the article does not exist.
   * @throws KnowledgeConflictError when the version exists and `expectedRevision` is missing or not its latest revision.
   */
  async saveVersion(workspaceId: string, actor: string, slug: string, language: string, save: VersionSave): Promise<ArticleVersion> {
    const now = Date.now();
    await this.db.transaction().execute(async (trx) => {
      const article = await this.articleRow(trx, workspaceId, slug);
      const existing = await trx.selectFrom('kb_versions').selectAll().where('article_id', '=', article.id).where('language', '=', language).executeTakeFirst();
      const sourceRevision = language === article.source_language ? null : (save.sourceRevision ?? (await this.latestRevision(trx, article.id, article.source_language)));
      if (!existing) {
        await this.insertVersion(trx, workspaceId, article.id, language, actor, save, sourceRevision, save.publish ?? false, now, save.note ?? 'create');
        await this.audit(trx, workspaceId, actor, 'create_version', slug, language, { published: save.publish ?? false }, now);
      } else {
        if (save.expectedRevision === undefined) {
          throw new KnowledgeConflictError(`The ${language} version exists; send expectedRevision (now ${existing.revision}) to edit it.`, existing.revision);
        }
        const revision = existing.revision + 1;
        // The compare-and-set on the revision is what detects a concurrent edit, on both engines.
        const updated = await trx
          .updateTable('kb_versions')
          .set({
            revision,
            source_revision: sourceRevision,
            updated_by: actor,
            updated_at: now,
            ...(save.publish ? { published_revision: revision, status: 'published' as const, published_at: now } : {}),
          })
          .where('id', '=', existing.id)
          .where('revision', '=', save.expectedRevision)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) {
          throw new KnowledgeConflictError(
            `The ${language} version of "${slug}" was changed by someone else (revision ${existing.revision}, yours was based on ${save.expectedRevision}); reload it and apply your edit again.`,
            existing.revision,
          );
        }
        await this.insertRevision(trx, existing.id, revision, save, actor, save.note ?? 'edit', now);
        await this.audit(trx, workspaceId, actor, save.publish ? 'edit_publish' : 'edit', slug, language, { revision }, now);
      }
      await trx.updateTable('kb_articles').set({ updated_at: now }).where('id', '=', article.id).execute();
    });
    return this.version(workspaceId, slug, language);
  }

  /**
   * Publishes the latest revision of a version (shoppers see it after the next re-index).
   * @param expectedRevision when given, publishing fails if the version moved on since the admin looked at it.
   */
  async publish(workspaceId: string, actor: string, slug: string, language: string, expectedRevision?: number): Promise<ArticleVersion> {
    return this.setStatus(workspaceId, actor, slug, language, 'published', expectedRevision);
  }

  /** Takes a version out of the answers (kept with its history; publishing it again brings it back). */
  async archive(workspaceId: string, actor: string, slug: string, language: string): Promise<ArticleVersion> {
    return this.setStatus(workspaceId, actor, slug, language, 'archived');
  }

  /**
   * Copies an older revision's text into a new revision (nothing is lost: the rolled-back text stays in the history).
   * The new revision is published at once when the version is published, so a rollback undoes a bad publish.
   */
  async rollback(workspaceId: string, actor: string, slug: string, language: string, toRevision: number, expectedRevision: number): Promise<ArticleVersion> {
    const history = await this.revision(workspaceId, slug, language, toRevision);
    const current = await this.version(workspaceId, slug, language);
    return this.saveVersion(workspaceId, actor, slug, language, {
      title: history.title,
      body: history.body,
      questions: history.questions,
      tags: history.tags,
      expectedRevision,
      ...(current.sourceRevision !== null ? { sourceRevision: current.sourceRevision } : {}),
      publish: current.status === 'published',
      note: `rollback to ${toRevision}`,
    });
  }

  /**
   * Writes many versions in one transaction (an import): new articles and languages are created, existing versions get
   * a new revision with the imported text (unchanged texts are skipped). All or nothing.
   * @returns the slugs written and how many articles and versions were created or changed.
   */
  async importVersions(
    workspaceId: string,
    actor: string,
    items: readonly ImportedVersion[],
    options: { publish: boolean; defaultSourceLanguage?: string },
  ): Promise<{ slugs: string[]; articles: number; versions: number }> {
    const now = Date.now();
    // A new article's source is its item that says so, else the workspace's default language, else its first item;
    // the source is written first, so translations record the source revision they belong to (and are not stale).
    const bySlug = new Map<string, ImportedVersion[]>();
    for (const item of items) bySlug.set(item.slug, [...(bySlug.get(item.slug) ?? []), item]);
    const versions: ImportedVersion[] = [];
    for (const group of bySlug.values()) {
      const source =
        group.find((item) => item.sourceLanguage === item.language) ??
        group.find((item) => item.language === (group[0]!.sourceLanguage ?? options.defaultSourceLanguage)) ??
        group[0]!;
      const sourceLanguage = source.sourceLanguage ?? source.language;
      versions.push({ ...source, sourceLanguage }, ...group.filter((item) => item !== source).map((item) => ({ ...item, sourceLanguage })));
    }
    const slugs = new Set<string>();
    let articles = 0;
    let written = 0;
    await this.db.transaction().execute(async (trx) => {
      for (const item of versions) {
        let article = await trx.selectFrom('kb_articles').selectAll().where('workspace_id', '=', workspaceId).where('slug', '=', item.slug).executeTakeFirst();
        if (!article) {
          article = { id: timeOrderedId(now), workspace_id: workspaceId, slug: item.slug, category: item.category, source_language: item.sourceLanguage ?? item.language, created_at: now, updated_at: now };
          await trx.insertInto('kb_articles').values(article).execute();
          articles++;
        }
        const existing = await trx.selectFrom('kb_versions').selectAll().where('article_id', '=', article.id).where('language', '=', item.language).executeTakeFirst();
        const sourceRevision = item.language === article.source_language ? null : await this.latestRevision(trx, article.id, article.source_language);
        if (!existing) {
          await this.insertVersion(trx, workspaceId, article.id, item.language, actor, item, sourceRevision, options.publish, now, 'import');
        } else {
          const current = await trx.selectFrom('kb_revisions').selectAll().where('version_id', '=', existing.id).where('revision', '=', existing.revision).executeTakeFirstOrThrow();
          const same =
            current.title === item.title && current.body === item.body && current.questions === JSON.stringify(item.questions) && current.tags === JSON.stringify(item.tags);
          if (same && (!options.publish || existing.published_revision === existing.revision)) continue;
          const revision = same ? existing.revision : existing.revision + 1;
          await trx
            .updateTable('kb_versions')
            .set({
              revision,
              source_revision: sourceRevision,
              updated_by: actor,
              updated_at: now,
              ...(options.publish ? { status: 'published' as const, published_revision: revision, published_at: now } : {}),
            })
            .where('id', '=', existing.id)
            .execute();
          if (!same) await this.insertRevision(trx, existing.id, revision, item, actor, 'import', now);
        }
        slugs.add(item.slug);
        written++;
      }
      await this.audit(trx, workspaceId, actor, 'import', null, null, { versions: written, articles, published: options.publish }, now);
    });
    return { slugs: [...slugs], articles, versions: written };
  }

  /** Changes the article's category or source language. */
  async updateArticle(workspaceId: string, actor: string, slug: string, changes: { category?: string; sourceLanguage?: string }): Promise<Article> {
    await this.db.transaction().execute(async (trx) => {
      const article = await this.articleRow(trx, workspaceId, slug);
      const now = Date.now();
      await trx
        .updateTable('kb_articles')
        .set({
          ...(changes.category ? { category: changes.category } : {}),
          ...(changes.sourceLanguage ? { source_language: changes.sourceLanguage } : {}),
          updated_at: now,
        })
        .where('id', '=', article.id)
        .execute();
      await this.audit(trx, workspaceId, actor, 'update_article', slug, null, changes, now);
    });
    return (await this.getArticle(workspaceId, slug))!;
  }

  /** Deletes an article with all its versions, history and ratings (the audit log keeps the deletion). */
  async deleteArticle(workspaceId: string, actor: string, slug: string): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      const article = await this.articleRow(trx, workspaceId, slug);
      // Children first: SQLite only cascades with foreign keys switched on.
      const versionIds = (await trx.selectFrom('kb_versions').select('id').where('article_id', '=', article.id).execute()).map((r) => r.id);
      if (versionIds.length) await trx.deleteFrom('kb_revisions').where('version_id', 'in', versionIds).execute();
      await trx.deleteFrom('kb_versions').where('article_id', '=', article.id).execute();
      await trx.deleteFrom('kb_ratings').where('article_id', '=', article.id).execute();
      await trx.deleteFrom('kb_articles').where('id', '=', article.id).execute();
      await this.audit(trx, workspaceId, actor, 'delete', slug, null, null, Date.now());
    });
  }

  /** One article with every language version (latest texts), or undefined. */
  async getArticle(workspaceId: string, slug: string): Promise<Article | undefined> {
    const article = await this.db.selectFrom('kb_articles').selectAll().where('workspace_id', '=', workspaceId).where('slug', '=', slug).executeTakeFirst();
    if (!article) return undefined;
    const [full] = await this.assemble([article]);
    return full;
  }

  /** Articles matching the filters, most recently updated first. */
  async listArticles(workspaceId: string, query: ArticleQuery = {}): Promise<{ articles: Article[]; total: number }> {
    let rows = this.db.selectFrom('kb_articles').selectAll('kb_articles').where('kb_articles.workspace_id', '=', workspaceId);
    if (query.category) rows = rows.where('kb_articles.category', '=', query.category);
    if (query.status || query.language || query.search) {
      // An article matches when one of its versions does.
      const words = (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      rows = rows.where((eb) =>
        eb.exists(
          eb
            .selectFrom('kb_versions as v')
            .innerJoin('kb_revisions as r', (join) => join.onRef('r.version_id', '=', 'v.id').onRef('r.revision', '=', 'v.revision'))
            .select('v.id')
            .whereRef('v.article_id', '=', 'kb_articles.id')
            .$if(query.status !== undefined, (q) => q.where('v.status', '=', query.status!))
            .$if(query.language !== undefined, (q) => q.where('v.language', '=', query.language!))
            .$if(words.length > 0, (q) =>
              q.where((inner) =>
                inner.and(
                  words.map((word) => {
                    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
                    // SQLite has no default LIKE escape character; PostgreSQL's is the backslash: name it for both.
                    const like = (column: string) => sql<boolean>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
                    return inner.or([like('kb_articles.slug'), like('r.title'), like('r.body'), like('r.questions')]);
                  }),
                ),
              ),
            ),
        ),
      );
    }
    const total = Number((await rows.clearSelect().select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
    const page = await rows
      .orderBy('kb_articles.updated_at', 'desc')
      .orderBy('kb_articles.slug')
      .limit(query.limit ?? 50)
      .offset(query.offset ?? 0)
      .execute();
    return { articles: await this.assemble(page), total };
  }

  /** The latest state of one language version. @throws KnowledgeNotFoundError */
  async version(workspaceId: string, slug: string, language: string): Promise<ArticleVersion> {
    const article = await this.getArticle(workspaceId, slug);
    const version = article?.versions.find((v) => v.language === language);
    if (!version) throw new KnowledgeNotFoundError(`No ${language} version of the article "${slug}".`);
    return version;
  }

  /** Every revision of a language version, newest first. */
  async history(workspaceId: string, slug: string, language: string): Promise<Revision[]> {
    const versionId = await this.versionId(workspaceId, slug, language);
    const rows = await this.db.selectFrom('kb_revisions').selectAll().where('version_id', '=', versionId).orderBy('revision', 'desc').execute();
    return rows.map(toRevision);
  }

  /** One revision. @throws KnowledgeNotFoundError */
  async revision(workspaceId: string, slug: string, language: string, revision: number): Promise<Revision> {
    const versionId = await this.versionId(workspaceId, slug, language);
    const row = await this.db.selectFrom('kb_revisions').selectAll().where('version_id', '=', versionId).where('revision', '=', revision).executeTakeFirst();
    if (!row) throw new KnowledgeNotFoundError(`The ${language} version of "${slug}" has no revision ${revision}.`);
    return toRevision(row);
  }

  /** Published texts (the published revision of every published version), optionally of some articles only. */
  async publishedVersions(workspaceId: string, slugs?: readonly string[]): Promise<PublishedVersion[]> {
    if (slugs && slugs.length === 0) return [];
    const rows = await this.db
      .selectFrom('kb_versions as v')
      .innerJoin('kb_articles as a', 'a.id', 'v.article_id')
      .innerJoin('kb_revisions as r', (join) => join.onRef('r.version_id', '=', 'v.id').onRef('r.revision', '=', 'v.published_revision'))
      .select(['a.id as article_id', 'a.slug', 'a.category', 'a.source_language', 'v.language', 'v.source_revision', 'r.revision', 'r.title', 'r.body', 'r.questions', 'r.tags'])
      .where('v.workspace_id', '=', workspaceId)
      .where('v.status', '=', 'published')
      .$if(slugs !== undefined, (q) => q.where('a.slug', 'in', slugs!))
      .orderBy('a.slug')
      .orderBy('v.language')
      .execute();
    // A translation is stale when its source version has been edited since (latest revision, published or not).
    const articleIds = [...new Set(rows.map((r) => r.article_id))];
    const sources = articleIds.length
      ? await this.db
          .selectFrom('kb_versions as v')
          .innerJoin('kb_articles as a', (join) => join.onRef('a.id', '=', 'v.article_id').onRef('a.source_language', '=', 'v.language'))
          .select(['v.article_id', 'v.revision'])
          .where('v.article_id', 'in', articleIds)
          .execute()
      : [];
    const sourceRevision = new Map(sources.map((row) => [row.article_id, row.revision]));
    return rows.map((r) => ({
      slug: r.slug,
      category: r.category,
      language: r.language,
      sourceLanguage: r.source_language,
      stale: r.language !== r.source_language && sourceRevision.has(r.article_id) && (r.source_revision ?? 0) < sourceRevision.get(r.article_id)!,
      revision: r.revision,
      title: r.title,
      body: r.body,
      questions: parseList(r.questions),
      tags: parseList(r.tags),
    }));
  }

  /** The audit log, newest first. */
  async auditLog(workspaceId: string, limit = 100): Promise<AuditEntry[]> {
    const rows = await this.db.selectFrom('kb_audit_log').selectAll().where('workspace_id', '=', workspaceId).orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map((r) => ({
      actor: r.actor,
      action: r.action,
      articleSlug: r.article_slug,
      language: r.language,
      details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
      createdAt: Number(r.created_at),
    }));
  }

  /** Writes an audit entry outside an edit (imports, exports, re-indexing). */
  async record(workspaceId: string, actor: string, action: string, details: Record<string, unknown> | null): Promise<void> {
    await this.audit(this.db, workspaceId, actor, action, null, null, details, Date.now());
  }

  /**
   * Stores a shopper's rating of an answer; rating the same answer again replaces the first rating.
   * @throws KnowledgeNotFoundError when the article does not exist.
   */
  async rate(workspaceId: string, rating: { slug: string; language: string; conversationId: string; messageId: string; helpful: boolean }): Promise<void> {
    const article = await this.articleRow(this.db, workspaceId, rating.slug);
    await this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('kb_ratings').where('message_id', '=', rating.messageId).execute();
      await trx
        .insertInto('kb_ratings')
        .values({
          id: timeOrderedId(),
          workspace_id: workspaceId,
          article_id: article.id,
          language: rating.language,
          conversation_id: rating.conversationId,
          message_id: rating.messageId,
          helpful: rating.helpful ? 1 : 0,
          created_at: Date.now(),
        })
        .execute();
    });
  }

  /** Helpful / not helpful counts per rated article. */
  async ratings(workspaceId: string): Promise<ArticleRatings[]> {
    const rows = await this.db
      .selectFrom('kb_ratings as k')
      .innerJoin('kb_articles as a', 'a.id', 'k.article_id')
      .select((eb) => ['a.slug', 'k.helpful', eb.fn.countAll().as('n')])
      .where('k.workspace_id', '=', workspaceId)
      .groupBy(['a.slug', 'k.helpful'])
      .execute();
    const bySlug = new Map<string, ArticleRatings>();
    for (const row of rows) {
      const entry = bySlug.get(row.slug) ?? { slug: row.slug, helpful: 0, notHelpful: 0 };
      if (Number(row.helpful) === 1) entry.helpful += Number(row.n);
      else entry.notHelpful += Number(row.n);
      bySlug.set(row.slug, entry);
    }
    return [...bySlug.values()].sort((a, b) => a.slug.localeCompare(b.slug));
  }

  /** The workspace's knowledge index version (0 before the first indexing). */
  async indexVersion(workspaceId: string): Promise<number> {
    const row = await this.db.selectFrom('kb_index_state').select('version').where('workspace_id', '=', workspaceId).executeTakeFirst();
    return row?.version ?? 0;
  }

  /** Moves the index version on by one; servers that see the new number rebuild. @returns the new version. */
  async bumpIndexVersion(workspaceId: string): Promise<number> {
    const now = Date.now();
    return this.db.transaction().execute(async (trx) => {
      const updated = await trx.updateTable('kb_index_state').set((eb) => ({ version: eb('version', '+', 1), updated_at: now })).where('workspace_id', '=', workspaceId).executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) {
        try {
          await trx.insertInto('kb_index_state').values({ workspace_id: workspaceId, version: 1, updated_at: now }).execute();
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          await trx.updateTable('kb_index_state').set((eb) => ({ version: eb('version', '+', 1), updated_at: now })).where('workspace_id', '=', workspaceId).execute();
        }
      }
      const row = await trx.selectFrom('kb_index_state').select('version').where('workspace_id', '=', workspaceId).executeTakeFirstOrThrow();
      return row.version;
    });
  }

  /** Whether the workspace has any article (the demo seed runs only on an empty knowledge base). */
  async isEmpty(workspaceId: string): Promise<boolean> {
    const row = await this.db.selectFrom('kb_articles').select('id').where('workspace_id', '=', workspaceId).limit(1).executeTakeFirst();
    return row === undefined;
  }

  private async setStatus(workspaceId: string, actor: string, slug: string, language: string, status: KnowledgeStatus, expectedRevision?: number): Promise<ArticleVersion> {
    await this.db.transaction().execute(async (trx) => {
      const article = await this.articleRow(trx, workspaceId, slug);
      const existing = await trx.selectFrom('kb_versions').selectAll().where('article_id', '=', article.id).where('language', '=', language).executeTakeFirst();
      if (!existing) throw new KnowledgeNotFoundError(`No ${language} version of the article "${slug}".`);
      if (expectedRevision !== undefined && expectedRevision !== existing.revision) {
        throw new KnowledgeConflictError(
          `The ${language} version of "${slug}" is at revision ${existing.revision}, not ${expectedRevision}; review the latest text before publishing.`,
          existing.revision,
        );
      }
      const now = Date.now();
      await trx
        .updateTable('kb_versions')
        .set(
          status === 'published'
            ? { status, published_revision: existing.revision, published_at: now, updated_at: now, updated_by: actor }
            : { status, updated_at: now, updated_by: actor },
        )
        .where('id', '=', existing.id)
        .execute();
      await this.audit(trx, workspaceId, actor, status === 'published' ? 'publish' : 'archive', slug, language, { revision: existing.revision }, now);
    });
    return this.version(workspaceId, slug, language);
  }

  private async insertVersion(
    trx: Transaction<Database>,
    workspaceId: string,
    articleId: string,
    language: string,
    actor: string,
    content: VersionContent,
    sourceRevision: number | null,
    publish: boolean,
    now: number,
    note: string,
  ): Promise<void> {
    const versionId = timeOrderedId(now);
    await trx
      .insertInto('kb_versions')
      .values({
        id: versionId,
        article_id: articleId,
        workspace_id: workspaceId,
        language,
        status: publish ? 'published' : 'draft',
        revision: 1,
        published_revision: publish ? 1 : null,
        source_revision: sourceRevision,
        updated_by: actor,
        updated_at: now,
        published_at: publish ? now : null,
      })
      .execute();
    await this.insertRevision(trx, versionId, 1, content, actor, note, now);
  }

  private async insertRevision(trx: Transaction<Database>, versionId: string, revision: number, content: VersionContent, actor: string, note: string, now: number): Promise<void> {
    await trx
      .insertInto('kb_revisions')
      .values({
        id: timeOrderedId(now),
        version_id: versionId,
        revision,
        title: content.title,
        body: content.body,
        questions: JSON.stringify(content.questions),
        tags: JSON.stringify(content.tags),
        author: actor,
        note,
        created_at: now,
      })
      .execute();
  }

  private async audit(db: Db, workspaceId: string, actor: string, action: string, slug: string | null, language: string | null, details: unknown, now: number): Promise<void> {
    await db
      .insertInto('kb_audit_log')
      .values({
        id: timeOrderedId(now),
        workspace_id: workspaceId,
        actor,
        action,
        article_slug: slug,
        language,
        details: details === null || details === undefined ? null : JSON.stringify(details),
        created_at: now,
      })
      .execute();
  }

  private async articleRow(db: Db, workspaceId: string, slug: string) {
    const row = await db.selectFrom('kb_articles').selectAll().where('workspace_id', '=', workspaceId).where('slug', '=', slug).executeTakeFirst();
    if (!row) throw new KnowledgeNotFoundError(`No article "${slug}".`);
    return row;
  }

  private async versionId(workspaceId: string, slug: string, language: string): Promise<string> {
    const row = await this.db
      .selectFrom('kb_versions as v')
      .innerJoin('kb_articles as a', 'a.id', 'v.article_id')
      .select('v.id')
      .where('a.workspace_id', '=', workspaceId)
      .where('a.slug', '=', slug)
      .where('v.language', '=', language)
      .executeTakeFirst();
    if (!row) throw new KnowledgeNotFoundError(`No ${language} version of the article "${slug}".`);
    return row.id;
  }

  private async latestRevision(db: Db, articleId: string, language: string): Promise<number | null> {
    const row = await db.selectFrom('kb_versions').select('revision').where('article_id', '=', articleId).where('language', '=', language).executeTakeFirst();
    return row?.revision ?? null;
  }

  /** Articles with their versions and each version's latest revision, in three queries whatever the page size. */
  private async assemble(articles: readonly Selectable<Database['kb_articles']>[]): Promise<Article[]> {
    if (articles.length === 0) return [];
    const ids = articles.map((a) => a.id);
    const versions: VersionRow[] = await this.db.selectFrom('kb_versions').selectAll().where('article_id', 'in', ids).orderBy('language').execute();
    const latest = versions.length
      ? await this.db
          .selectFrom('kb_revisions as r')
          .innerJoin('kb_versions as v', (join) => join.onRef('v.id', '=', 'r.version_id').onRef('v.revision', '=', 'r.revision'))
          .selectAll('r')
          .where('v.article_id', 'in', ids)
          .execute()
      : [];
    const textByVersion = new Map(latest.map((r) => [r.version_id, r]));
    return articles.map((article) => {
      const own = versions.filter((v) => v.article_id === article.id);
      const source = own.find((v) => v.language === article.source_language);
      return {
        id: article.id,
        slug: article.slug,
        category: article.category,
        sourceLanguage: article.source_language,
        createdAt: Number(article.created_at),
        updatedAt: Number(article.updated_at),
        versions: own.map((v): ArticleVersion => {
          const text = textByVersion.get(v.id)!;
          return {
            language: v.language,
            status: v.status,
            revision: v.revision,
            publishedRevision: v.published_revision,
            sourceRevision: v.source_revision,
            stale: v.language !== article.source_language && source !== undefined && (v.source_revision ?? 0) < source.revision,
            updatedBy: v.updated_by,
            updatedAt: Number(v.updated_at),
            publishedAt: v.published_at === null ? null : Number(v.published_at),
            title: text.title,
            body: text.body,
            questions: parseList(text.questions),
            tags: parseList(text.tags),
          };
        }),
      };
    });
  }
}
