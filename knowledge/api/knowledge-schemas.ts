/** Request and response schemas of the knowledge REST API (validation and the OpenAPI document share them). */
import { z } from 'zod';

export const slugSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,127}$/, 'article ids are 1-128 lower-case letters, digits and "-", starting with a letter or digit')
  .describe('Article id, shared by its language versions (`shipping-europe`).');
export const languageSchema = z.string().regex(/^[a-z]{2}$/, 'must be a two-letter ISO 639-1 language code').describe('ISO 639-1 language code.');
export const categorySchema = z.string().trim().min(1).max(64);

export const contentSchema = z.object({
  title: z.string().trim().min(1).max(300),
  body: z.string().min(1).max(50_000).describe('Markdown.'),
  questions: z.array(z.string().trim().min(1).max(300)).max(20).default([]).describe('Alternative questions the article answers.'),
  tags: z.array(z.string().trim().min(1).max(64)).max(20).default([]),
});

export const createArticleBody = contentSchema.extend({
  slug: slugSchema,
  category: categorySchema,
  language: languageSchema,
  sourceLanguage: languageSchema.optional().describe('Language the others are translated from; default: `language`.'),
  publish: z.boolean().default(false),
});

export const saveVersionBody = contentSchema.extend({
  expectedRevision: z.number().int().min(1).optional().describe('Required when the version exists: the revision the edit started from.'),
  sourceRevision: z.number().int().min(1).optional().describe('For a translation: the source revision it was written from.'),
  publish: z.boolean().default(false),
});

export const updateArticleBody = z
  .object({ category: categorySchema.optional(), sourceLanguage: languageSchema.optional() })
  .refine((body) => body.category !== undefined || body.sourceLanguage !== undefined, 'give category or sourceLanguage');

export const articleParams = z.object({ slug: slugSchema });
export const versionParams = z.object({ slug: slugSchema, language: languageSchema });

export const listQuery = z.object({
  search: z.string().max(200).optional(),
  category: z.string().max(64).optional(),
  status: z.enum(['draft', 'published', 'archived']).optional(),
  language: languageSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export const publishBody = z.object({ expectedRevision: z.number().int().min(1).optional() }).default({});
export const rollbackBody = z.object({
  toRevision: z.number().int().min(1),
  expectedRevision: z.number().int().min(1).describe('The current revision, as the admin last saw it.'),
});
export const diffQuery = z.object({ from: z.coerce.number().int().min(1), to: z.coerce.number().int().min(1) });
export const previewBody = z.object({ markdown: z.string().max(50_000) });
export const exportQuery = z.object({ format: z.enum(['json', 'markdown']).default('json') });
export const auditQuery = z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100) });

export const importBody = z.object({
  format: z.enum(['markdown', 'faq-json', 'faq-csv']).describe('A set of Markdown files with front matter, or one FAQ file (JSON or CSV).'),
  files: z
    .array(z.object({ name: z.string().min(1).max(300).describe('File name, with folders for Markdown (`en/shipping.md`).'), content: z.string().max(2_000_000) }))
    .min(1)
    .max(5000),
  language: languageSchema.default('en').describe('Language of files that do not say theirs.'),
  category: categorySchema.default('faq').describe('Category of articles that do not say theirs.'),
  publish: z.boolean().default(true),
});

export const tryBody = z.object({
  question: z.string().trim().min(1).max(2000),
  language: languageSchema.optional().describe('The shopper language; detected from the question when absent.'),
});

export const ratingBody = z.object({
  article: slugSchema,
  language: languageSchema,
  conversationId: z.uuid(),
  messageId: z.string().min(1).max(64),
  helpful: z.boolean(),
});

export const versionResponse = z.object({
  language: z.string(),
  status: z.enum(['draft', 'published', 'archived']),
  revision: z.number(),
  publishedRevision: z.number().nullable(),
  sourceRevision: z.number().nullable(),
  stale: z.boolean(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  publishedAt: z.string().nullable(),
  title: z.string(),
  body: z.string(),
  questions: z.array(z.string()),
  tags: z.array(z.string()),
});

export const articleResponse = z.object({
  slug: z.string(),
  category: z.string(),
  sourceLanguage: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  versions: z.array(versionResponse),
});
