/**
 * The knowledge-base REST API: everything the admin app does. Agents read; admins write. Every route is mounted
 * through the API catalogue, so the OpenAPI document lists exactly these operations with these schemas.
 */
import { Router, type Response } from 'express';
import { diffArrays, diffLines, diffWordsWithSpace } from 'diff';
import { stringify as toYaml } from 'yaml';
import { z } from 'zod';
import { principalOf, requireToken, type ApiTokenStore } from '../../platform/auth';
import { HttpError, parseOrThrow } from '../../platform/http/errors';
import type { ApiCatalogue } from '../../platform/http/openapi';
import { KnowledgeImportError } from '../import';
import { renderMarkdown } from '../markdown/render-markdown';
import { KnowledgeConflictError, KnowledgeNotFoundError, type KnowledgeStore } from '../store/knowledge-store';
import type { Article, ArticleVersion, Revision } from '../store/knowledge-types';
import {
  articleParams,
  articleResponse,
  auditQuery,
  createArticleBody,
  diffQuery,
  exportQuery,
  importBody,
  listQuery,
  previewBody,
  publishBody,
  rollbackBody,
  saveVersionBody,
  tryBody,
  updateArticleBody,
  versionParams,
  versionResponse,
} from './knowledge-schemas';

/** Asks for a re-index of some articles (publishing, rollback, deletion, import). */
export interface ReindexRequester {
  requestReindex(workspaceId: string, slugs: readonly string[] | 'all', requestedBy: string): Promise<void>;
}

/** What the "try a question" panel shows. */
export type TryQuestion = (workspaceId: string, question: string, language: string | undefined) => Promise<unknown>;

/** Parses import files into article versions, all or nothing (throws with line-level issues). */
export type ImportFiles = (workspaceId: string, actor: string, input: z.infer<typeof importBody>) => Promise<{ articles: number; versions: number; slugs: string[] }>;

/** What the routes need. */
export interface KnowledgeRoutesDeps {
  tokens: ApiTokenStore;
  store: KnowledgeStore;
  reindex: ReindexRequester;
  tryQuestion: TryQuestion;
  importFiles: ImportFiles;
  /** Index version and size of a workspace's live index, for the admin app. */
  indexStatus: (workspaceId: string) => Promise<{ version: number; documents: number }>;
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

function versionJson(version: ArticleVersion) {
  return { ...version, updatedAt: iso(version.updatedAt)!, publishedAt: iso(version.publishedAt) };
}

function articleJson(article: Article) {
  return {
    slug: article.slug,
    category: article.category,
    sourceLanguage: article.sourceLanguage,
    createdAt: iso(article.createdAt)!,
    updatedAt: iso(article.updatedAt)!,
    versions: article.versions.map(versionJson),
  };
}

function revisionJson(revision: Revision) {
  return { ...revision, createdAt: iso(revision.createdAt)! };
}

/** Store errors as HTTP errors. */
async function translateErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof KnowledgeNotFoundError) throw new HttpError(404, 'not_found', error.message);
    if (error instanceof KnowledgeConflictError) throw new ConflictHttpError(error.message, error.currentRevision);
    throw error;
  }
}

/** 409 with the stored revision, so the admin app can offer "reload and re-apply". */
class ConflictHttpError extends HttpError {
  constructor(message: string, currentRevision: number | undefined) {
    super(409, 'conflict', message, currentRevision !== undefined ? { currentRevision } : undefined);
  }
}

/** Markdown file of one version, with its front matter (the import format). */
function markdownFile(article: Article, version: ArticleVersion): { path: string; content: string } {
  const front = toYaml({ id: article.slug, title: version.title, category: article.category, language: version.language, tags: version.tags, questions: version.questions, status: version.status });
  return { path: `${version.language}/${article.slug}.md`, content: `---\n${front}---\n\n${version.body.trim()}\n` };
}

/** Mounts `/api/knowledge/...` and documents it. */
export function knowledgeRoutes(deps: KnowledgeRoutesDeps, api: ApiCatalogue): Router {
  const router = Router();
  const anyRole = [requireToken(deps.tokens, ['admin', 'agent'])];
  const adminOnly = [requireToken(deps.tokens, ['admin'])];
  const tag = 'knowledge';
  const readers = ['admin', 'agent'] as const;
  const admins = ['admin'] as const;
  const actor = (res: Response): string => `token:${principalOf(res).name}`;
  const workspace = (res: Response): string => principalOf(res).workspaceId;
  const conflict = { 409: { description: 'Changed by someone else meanwhile (the body says the current revision), or the article id is taken.' } };
  const notFound = { 404: { description: 'No such article, version or revision.' } };
  const reindexAfter = async (res: Response, slugs: readonly string[]): Promise<void> => {
    await deps.reindex.requestReindex(workspace(res), slugs, actor(res));
  };

  api.mount(
    router,
    { method: 'get', path: '/api/knowledge/articles', tag, roles: readers, query: listQuery, summary: 'Lists and searches articles (any version matches).', responses: { 200: { description: 'A page of articles.', schema: z.object({ articles: z.array(articleResponse), total: z.number() }) } } },
    anyRole,
    async (req, res) => {
      const query = parseOrThrow(listQuery, req.query, 'query');
      const { articles, total } = await deps.store.listArticles(workspace(res), query);
      res.json({ articles: articles.map(articleJson), total });
    },
  );

  api.mount(
    router,
    { method: 'post', path: '/api/knowledge/articles', tag, roles: admins, body: createArticleBody, summary: 'Creates an article with its first language version.', responses: { 201: { description: 'The article.', schema: articleResponse }, ...conflict } },
    adminOnly,
    async (req, res) => {
      const body = parseOrThrow(createArticleBody, req.body, 'body');
      const article = await translateErrors(() => deps.store.createArticle(workspace(res), actor(res), body));
      if (body.publish) await reindexAfter(res, [article.slug]);
      res.status(201).json(articleJson(article));
    },
  );

  api.mount(
    router,
    { method: 'get', path: '/api/knowledge/articles/:slug', tag, roles: readers, params: articleParams, summary: 'One article with every language version.', responses: { 200: { description: 'The article.', schema: articleResponse }, ...notFound } },
    anyRole,
    async (req, res) => {
      const { slug } = parseOrThrow(articleParams, req.params, 'path');
      const article = await deps.store.getArticle(workspace(res), slug);
      if (!article) throw new HttpError(404, 'not_found', `No article "${slug}".`);
      res.json(articleJson(article));
    },
  );

  api.mount(
    router,
    { method: 'patch', path: '/api/knowledge/articles/:slug', tag, roles: admins, params: articleParams, body: updateArticleBody, summary: "Changes an article's category or source language.", responses: { 200: { description: 'The article.', schema: articleResponse }, ...notFound } },
    adminOnly,
    async (req, res) => {
      const { slug } = parseOrThrow(articleParams, req.params, 'path');
      const body = parseOrThrow(updateArticleBody, req.body, 'body');
      const article = await translateErrors(() => deps.store.updateArticle(workspace(res), actor(res), slug, body));
      await reindexAfter(res, [slug]);
      res.json(articleJson(article));
    },
  );

  api.mount(
    router,
    { method: 'delete', path: '/api/knowledge/articles/:slug', tag, roles: admins, params: articleParams, summary: 'Deletes an article with its versions and history.', responses: { 204: { description: 'Deleted.' }, ...notFound } },
    adminOnly,
    async (req, res) => {
      const { slug } = parseOrThrow(articleParams, req.params, 'path');
      await translateErrors(() => deps.store.deleteArticle(workspace(res), actor(res), slug));
      await reindexAfter(res, [slug]);
      res.status(204).end();
    },
  );

  api.mount(
    router,
    { method: 'put', path: '/api/knowledge/articles/:slug/versions/:language', tag, roles: admins, params: versionParams, body: saveVersionBody, summary: 'Saves a language version (new translation, or an edit based on `expectedRevision`).', responses: { 200: { description: 'The version.', schema: versionResponse }, ...notFound, ...conflict } },
    adminOnly,
    async (req, res) => {
      const { slug, language } = parseOrThrow(versionParams, req.params, 'path');
      const body = parseOrThrow(saveVersionBody, req.body, 'body');
      const version = await translateErrors(() => deps.store.saveVersion(workspace(res), actor(res), slug, language, body));
      if (body.publish) await reindexAfter(res, [slug]);
      res.json(versionJson(version));
    },
  );

  api.mount(
    router,
    { method: 'post', path: '/api/knowledge/articles/:slug/versions/:language/publish', tag, roles: admins, params: versionParams, body: publishBody, summary: 'Publishes the latest revision of a version; the bot answers from it after re-indexing (seconds).', responses: { 200: { description: 'The version.', schema: versionResponse }, ...notFound, ...conflict } },
    adminOnly,
    async (req, res) => {
      const { slug, language } = parseOrThrow(versionParams, req.params, 'path');
      const body = parseOrThrow(publishBody, req.body ?? {}, 'body');
      const version = await translateErrors(() => deps.store.publish(workspace(res), actor(res), slug, language, body.expectedRevision));
      await reindexAfter(res, [slug]);
      res.json(versionJson(version));
    },
  );

  api.mount(
    router,
    { method: 'post', path: '/api/knowledge/articles/:slug/versions/:language/archive', tag, roles: admins, params: versionParams, summary: 'Takes a version out of the answers (kept with its history).', responses: { 200: { description: 'The version.', schema: versionResponse }, ...notFound } },
    adminOnly,
    async (req, res) => {
      const { slug, language } = parseOrThrow(versionParams, req.params, 'path');
      const version = await translateErrors(() => deps.store.archive(workspace(res), actor(res), slug, language));
      await reindexAfter(res, [slug]);
      res.json(versionJson(version));
    },
  );

  api.mount(
    router,
    { method: 'get', path: '/api/knowledge/articles/:slug/versions/:language/history', tag, roles: readers, params: versionParams, summary: 'Every revision of a version, newest first.', responses: { 200: { description: 'The revisions.' }, ...notFound } },
    anyRole,
    async (req, res) => {
      const { slug, language } = parseOrThrow(versionParams, req.params, 'path');
      const revisions = await translateErrors(() => deps.store.history(workspace(res), slug, language));
      res.json({ revisions: revisions.map(revisionJson) });
    },
  );

  api.mount(
    router,
    { method: 'get', path: '/api/knowledge/articles/:slug/versions/:language/diff', tag, roles: readers, params: versionParams, query: diffQuery, summary: 'What changed between two revisions (title and tags by words, body by lines, questions by item).', responses: { 200: { description: 'The changes as parts marked added or removed.' }, ...notFound } },
    anyRole,
    async (req, res) => {
      const { slug, language } = parseOrThrow(versionParams, req.params, 'path');
      const { from, to } = parseOrThrow(diffQuery, req.query, 'query');
      const [a, b] = await translateErrors(() => Promise.all([deps.store.revision(workspace(res), slug, language, from), deps.store.revision(workspace(res), slug, language, to)]));
      const parts = (changes: Array<{ value: unknown; added?: boolean; removed?: boolean }>) =>
        changes.map((c) => ({ value: c.value, added: c.added === true, removed: c.removed === true }));
      res.json({
        from,
        to,
        title: parts(diffWordsWithSpace(a.title, b.title)),
        body: parts(diffLines(a.body, b.body)),
        questions: parts(diffArrays(a.questions, b.questions)),
        tags: parts(diffArrays(a.tags, b.tags)),
      });
    },
  );

  api.mount(
    router,
    { method: 'post', path: '/api/knowledge/articles/:slug/versions/:language/rollback', tag, roles: admins, params: versionParams, body: rollbackBody, summary: "Writes an older revision's text as a new revision (published at once when the version is live).", responses: { 200: { description: 'The version.', schema: versionResponse }, ...notFound, ...conflict } },
    adminOnly,
    async (req, res) => {
      const { slug, language } = parseOrThrow(versionParams, req.params, 'path');
      const body = parseOrThrow(rollbackBody, req.body, 'body');
      const version = await translateErrors(() => deps.store.rollback(workspace(res), actor(res), slug, language, body.toRevision, body.expectedRevision));
      await reindexAfter(res, [slug]);
      res.json(versionJson(version));
    },
  );

  api.mount(
    router,
    { method: 'post', path: '/api/knowledge/preview', tag, roles: readers, body: previewBody, summary: 'Renders Markdown to the sanitised HTML shoppers would see.', responses: { 200: { description: 'The HTML.', schema: z.object({ html: z.string() }) } } },
    anyRole,
    async (req, res) => {
      const { markdown } = parseOrThrow(previewBody, req.body, 'body');
      res.json({ html: renderMarkdown(markdown) });
    },
  );

  api.mount(
    router,
    { method: 'post', path: '/api/knowledge/import', tag, roles: admins, body: importBody, summary: 'Imports Markdown files with front matter, or a FAQ file (JSON or CSV); a file with errors imports nothing.', responses: { 200: { description: 'What was imported.' }, 422: { description: 'The files have errors, listed with file and line; nothing was imported.' } } },
    adminOnly,
    async (req, res) => {
      const body = parseOrThrow(importBody, req.body, 'body');
      try {
        const result = await deps.importFiles(workspace(res), actor(res), body);
        await reindexAfter(res, result.slugs);
        res.json({ articles: result.articles, versions: result.versions });
      } catch (error) {
        if (!(error instanceof KnowledgeImportError)) throw error;
        res.status(422).json({ error: { code: 'invalid_import', message: error.message, issues: error.issues } });
      }
    },
  );

  api.mount(
    router,
    { method: 'get', path: '/api/knowledge/export', tag, roles: readers, query: exportQuery, summary: 'Every article and version (latest texts and statuses), as JSON or as Markdown files with front matter.', responses: { 200: { description: 'The export.' } } },
    anyRole,
    async (req, res) => {
      const { format } = parseOrThrow(exportQuery, req.query, 'query');
      const all: Article[] = [];
      for (let offset = 0; ; offset += 200) {
        const page = await deps.store.listArticles(workspace(res), { limit: 200, offset });
        all.push(...page.articles);
        if (page.articles.length < 200) break;
      }
      await deps.store.record(workspace(res), actor(res), 'export', { format, articles: all.length });
      if (format === 'json') res.json({ articles: all.map(articleJson) });
      else res.json({ files: all.flatMap((article) => article.versions.map((version) => markdownFile(article, version))) });
    },
  );

  api.mount(
    router,
    { method: 'post', path: '/api/knowledge/try', tag, roles: readers, body: tryBody, summary: 'What the bot would answer: the reply, the retrieved passages with their scores and the language version used.', responses: { 200: { description: 'The answer and the retrieval.' } } },
    anyRole,
    async (req, res) => {
      const body = parseOrThrow(tryBody, req.body, 'body');
      res.json(await deps.tryQuestion(workspace(res), body.question, body.language));
    },
  );

  api.mount(
    router,
    { method: 'post', path: '/api/knowledge/reindex', tag, roles: admins, summary: "Rebuilds the workspace's whole index (normally publishing re-indexes what changed).", responses: { 202: { description: 'Queued.' } } },
    adminOnly,
    async (_req, res) => {
      await deps.reindex.requestReindex(workspace(res), 'all', actor(res));
      res.status(202).json({ queued: true });
    },
  );

  api.mount(
    router,
    { method: 'get', path: '/api/knowledge/index', tag, roles: readers, summary: "The live index: its version and how many article versions it holds.", responses: { 200: { description: 'Index status.', schema: z.object({ version: z.number(), documents: z.number() }) } } },
    anyRole,
    async (_req, res) => {
      res.json(await deps.indexStatus(workspace(res)));
    },
  );

  api.mount(
    router,
    { method: 'get', path: '/api/knowledge/audit', tag, roles: admins, query: auditQuery, summary: 'The audit log of admin actions, newest first.', responses: { 200: { description: 'The entries.' } } },
    adminOnly,
    async (req, res) => {
      const { limit } = parseOrThrow(auditQuery, req.query, 'query');
      const entries = await deps.store.auditLog(workspace(res), limit);
      res.json({ entries: entries.map((e) => ({ ...e, createdAt: iso(e.createdAt) })) });
    },
  );

  api.mount(
    router,
    { method: 'get', path: '/api/knowledge/ratings', tag, roles: readers, summary: "Shoppers' helpful / not helpful ratings per article.", responses: { 200: { description: 'The counts.' } } },
    anyRole,
    async (_req, res) => {
      res.json({ ratings: await deps.store.ratings(workspace(res)) });
    },
  );

  return router;
}
