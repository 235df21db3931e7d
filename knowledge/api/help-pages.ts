/**
 * The public help centre: `/help/<workspace>/<article>?lang=xx` shows a published article version as a page (the
 * link the bot puts under its answers), with links to the article's other languages. Rendered on the server from
 * sanitised Markdown; nothing but published text is ever shown.
 */
import { Router } from 'express';
import { z } from 'zod';
import { asyncHandler, HttpError, parseOrThrow } from '../../platform/http/errors';
import type { ApiCatalogue } from '../../platform/http/openapi';
import type { WorkspaceStore } from '../../platform/workspaces';
import { renderMarkdown } from '../markdown/render-markdown';
import type { KnowledgeStore } from '../store/knowledge-store';
import { languageSchema, slugSchema } from './knowledge-schemas';

const pageParams = z.object({ workspace: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a workspace slug'), slug: slugSchema });
const pageQuery = z.object({ lang: languageSchema.optional() });

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The address of an article version's page, relative to the server's base URL. */
export function helpPagePath(workspaceSlug: string, articleSlug: string, language: string): string {
  return `/help/${encodeURIComponent(workspaceSlug)}/${encodeURIComponent(articleSlug)}?lang=${encodeURIComponent(language)}`;
}

/** Mounts `/help/:workspace/:slug`. */
export function helpPages(deps: { store: KnowledgeStore; workspaces: WorkspaceStore }, api: ApiCatalogue): Router {
  const router = Router();
  api.describe({
    method: 'get',
    path: '/help/:workspace/:slug',
    tag: 'knowledge',
    params: pageParams,
    query: pageQuery,
    summary: 'Public page of a published article version (HTML); the bot links to it.',
    responses: { 200: { description: 'The page.', contentType: 'text/html' }, 404: { description: 'No such published article.' } },
  });
  router.get(
    '/help/:workspace/:slug',
    asyncHandler(async (req, res) => {
      const { workspace: workspaceSlug, slug } = parseOrThrow(pageParams, req.params, 'path');
      const { lang } = parseOrThrow(pageQuery, req.query, 'query');
      const workspace = await deps.workspaces.findBySlug(workspaceSlug);
      if (!workspace) throw new HttpError(404, 'not_found', `No workspace "${workspaceSlug}".`);
      const versions = await deps.store.publishedVersions(workspace.id, [slug]);
      if (versions.length === 0) throw new HttpError(404, 'not_found', `No published article "${slug}".`);
      const version = versions.find((v) => v.language === lang) ?? versions.find((v) => v.language === workspace.default_language) ?? versions[0]!;
      const others = versions
        .filter((v) => v !== version)
        .map((v) => `<a href="${escapeHtml(helpPagePath(workspace.slug, slug, v.language))}" hreflang="${v.language}" lang="${v.language}">${escapeHtml(v.title)}</a>`)
        .join(' · ');
      res.type('html').send(`<!doctype html>
<html lang="${version.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(version.title)} · ${escapeHtml(workspace.name)}</title>
<style>body{font:16px/1.55 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1f2328}table{border-collapse:collapse}td,th{border:1px solid #d0d7de;padding:.3rem .6rem}nav{font-size:.9rem;color:#57606a}</style>
</head><body><nav>${escapeHtml(workspace.name)} · ${escapeHtml(version.category)}</nav>
<article><h1>${escapeHtml(version.title)}</h1>${renderMarkdown(version.body)}</article>
${others ? `<nav>${others}</nav>` : ''}
</body></html>`);
    }),
  );
  return router;
}
