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

/** One reason of a risk decision, in plain words. */
export interface RiskReason {
  code: string;
  text: string;
}

/** `GET /api/risk/decisions`: one logged decision. */
export interface RiskDecisionEntry {
  id: string;
  eventId: string;
  source: 'api' | 'chat' | string;
  action: string;
  customerId: string;
  orderNumber: string | null;
  conversationId: string | null;
  /** Calibrated probability of fraud; null when scoring failed (the decision is then `review`). */
  score: number | null;
  decision: 'approve' | 'review' | 'decline';
  reasons: RiskReason[];
  rules: string[];
  modelVersion: string;
  outcome: string | null;
  /** ISO times: of the request, and of its logging. */
  at: string;
  loggedAt: string;
}

/** `GET /api/risk/models`: one model version. */
export interface RiskModelVersion {
  version: string;
  kind: string;
  status: string;
  metrics: Record<string, unknown> | null;
  error: string | null;
  createdAt: string;
  completedAt: string | null;
  promotedAt: string | null;
}

/** `POST /api/risk/retrain` and `GET /api/risk/retrain/:jobId`. */
export interface RiskRetrainJob {
  jobId: string;
  state?: string;
  progress?: unknown;
  result?: unknown;
  error?: string | null;
}

/** `GET|PUT|DELETE /api/risk/ip-countries`: the IP-to-country table the workspace's scoring uses. */
export interface RiskIpTableInfo {
  source: 'workspace' | 'deployment' | 'none';
  ranges: number;
  /** Epoch ms and who, for the workspace's own table. */
  updatedAt: number | null;
  updatedBy: string | null;
  removed?: boolean;
}
