/**
 * The shapes the knowledge REST API sends and accepts, as the admin app uses them.
 *
 * Articles and versions are inferred from the server's own zod schemas (type-only imports: nothing of zod reaches
 * the bundle), so a change of the API contract fails the admin app's type check instead of its users. The routes
 * that have no response schema yet (history, diff, audit, ratings, try) are typed here from
 * `knowledge/api/knowledge-routes.ts`; fields the app cannot rely on are optional.
 */
import type { z } from 'zod';
import type {
  articleResponse,
  createArticleBody,
  importBody,
  listQuery,
  saveVersionBody,
  versionResponse,
} from '../../knowledge/api/knowledge-schemas';

/** Publication state of one language version. */
export type VersionStatus = 'draft' | 'published' | 'archived';

/** One language version with its latest text (the draft when an edit is pending). */
export type ArticleVersion = z.infer<typeof versionResponse>;

/** An article with all its language versions. */
export type Article = z.infer<typeof articleResponse>;

/** `GET /api/knowledge/articles` query. */
export type ListQuery = Partial<z.infer<typeof listQuery>>;

/** `POST /api/knowledge/articles` body. */
export type CreateArticleInput = z.input<typeof createArticleBody>;

/** `PUT /api/knowledge/articles/:slug/versions/:language` body. */
export type SaveVersionInput = z.input<typeof saveVersionBody>;

/** `POST /api/knowledge/import` body. */
export type ImportInput = z.input<typeof importBody>;

/** `GET /api/knowledge/articles`. */
export interface ArticlePage {
  articles: Article[];
  total: number;
}

/** One saved revision of a language version (`.../history`, newest first). */
export interface Revision {
  revision: number;
  author: string;
  /** What the revision did (`create`, `edit`, `rollback to 3`, `import`, ...). */
  note: string;
  createdAt: string;
  title: string;
  body: string;
  questions: string[];
  tags: string[];
}

/** One part of a diff from the `diff` package: text (or list items) kept, added or removed. */
export interface DiffPart<T> {
  value: T;
  added: boolean;
  removed: boolean;
}

/** `GET .../diff?from=&to=`: title by words, body by lines, questions and tags by item. */
export interface RevisionDiff {
  from: number;
  to: number;
  title: Array<DiffPart<string>>;
  body: Array<DiffPart<string>>;
  questions: Array<DiffPart<string[]>>;
  tags: Array<DiffPart<string[]>>;
}

/** One problem of an import, the way compilers print them (`file:line: message`). */
export interface ImportIssue {
  file: string;
  line?: number;
  message: string;
}

/** `POST /api/knowledge/import` success. */
export interface ImportResult {
  articles: number;
  versions: number;
}

/** One entry of the audit log (admins). */
export interface AuditEntry {
  actor: string;
  action: string;
  articleSlug: string | null;
  language: string | null;
  details: Record<string, unknown> | null;
  createdAt: string | null;
}

/** Shoppers' helpful / not helpful counts of one article. */
export interface ArticleRatings {
  slug: string;
  helpful: number;
  notHelpful: number;
}

/** `GET /api/knowledge/index`. */
export interface IndexStatus {
  version: number;
  documents: number;
}

/** `GET /api/workspace` (the part the app shows). */
export interface WorkspaceInfo {
  workspace: { id: string; slug: string; name: string; defaultLanguage: string };
}

/** What an API token may do. */
export type Role = 'admin' | 'agent';

/** `GET /api/knowledge/export?format=markdown`: one file per version, with front matter. */
export interface MarkdownExport {
  files: Array<{ path: string; content: string }>;
}

/** `GET /api/channels/whatsapp-web/status`. */
export interface WhatsAppWebStatus {
  state: 'starting' | 'qr' | 'authenticated' | 'ready' | 'disconnected';
  /** Epoch ms when the state was entered. */
  since: number;
  /** While `state` is `qr`: the text of the QR code. */
  qr?: string;
  /** The same QR code as a PNG data URL, to show as an image. */
  qrImage?: string;
  me?: { id: string; name?: string };
  error?: string;
  reconnectAt?: number;
  whatsAppState?: string;
}
