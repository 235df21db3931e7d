/**
 * The admin app's only way to the server: typed calls of the knowledge REST API (and the two platform routes the
 * login needs), each with `Authorization: Bearer <token>`. Failures become {@link ApiError}s that carry the HTTP
 * status, the API's error code and, where the API sends them, the import issues or the current revision.
 *
 * `fetch` is injected and typed minimally, so this module has no DOM dependency and its request building is
 * unit-tested under Node.
 */
import type {
  Article,
  ArticlePage,
  ArticleRatings,
  ArticleVersion,
  AuditEntry,
  CreateArticleInput,
  ImportInput,
  ImportIssue,
  ImportResult,
  IndexStatus,
  ListQuery,
  MarkdownExport,
  Revision,
  RevisionDiff,
  RiskDecisionEntry,
  RiskIpTableInfo,
  RiskModelVersion,
  RiskRetrainJob,
  Role,
  SaveVersionInput,
  WhatsAppWebStatus,
  WorkspaceInfo,
} from './api-types';

/** The part of a fetch `Response` the client reads. */
export interface ResponseLike {
  readonly status: number;
  readonly ok: boolean;
  text(): Promise<string>;
}

/** What the client hands to fetch. */
export interface RequestInitLike {
  method: string;
  headers: Record<string, string>;
  /** JSON text, or the bytes of an upload. */
  body?: string | Uint8Array<ArrayBuffer>;
  signal?: AbortSignal;
}

/** `window.fetch`, or a fake in tests. */
export type FetchLike = (url: string, init: RequestInitLike) => Promise<ResponseLike>;

/** One API call before it is sent. */
export interface RequestSpec {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Path below the origin, with path parameters already encoded (see {@link path}). */
  path: string;
  query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (a file upload), instead of `body`. */
  upload?: { bytes: Uint8Array<ArrayBuffer>; contentType: string };
}

/** A refused or failed API call. `status` 0 means the server was not reached (network, abort). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    /** The API's stable error code (`conflict`, `forbidden`, `invalid_import`, ...), or `network` / `aborted`. */
    readonly code: string,
    message: string,
    /** Line-level problems of a refused import (422). */
    readonly issues: readonly ImportIssue[] = [],
    /** The stored revision, when a 409 says which one it is. */
    readonly currentRevision?: number,
  ) {
    super(message);
  }
}

/** True for a call given up because the view that started it went away; such errors are not shown. */
export function isAbort(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'aborted';
}

/**
 * Joins path segments, encoding each, so a slug or language can never change the route it is sent to.
 * @example path('api', 'knowledge', 'articles', 'a/b') // '/api/knowledge/articles/a%2Fb'
 */
export function path(...segments: ReadonlyArray<string | number>): string {
  return '/' + segments.map((segment) => encodeURIComponent(String(segment))).join('/');
}

/** Builds the URL and fetch options of a call; `undefined` and empty query values are left out. */
export function buildRequest(baseUrl: string, token: string, spec: RequestSpec, signal?: AbortSignal): { url: string; init: RequestInitLike } {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(spec.query ?? {})) {
    if (value === undefined || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
  const init: RequestInitLike = { method: spec.method, headers };
  if (spec.upload) {
    headers['content-type'] = spec.upload.contentType;
    init.body = spec.upload.bytes;
  } else if (spec.body !== undefined) {
    headers['content-type'] = 'application/json';
    init.body = JSON.stringify(spec.body);
  }
  if (signal) init.signal = signal;
  return { url: `${baseUrl.replace(/\/+$/, '')}${spec.path}${search ? `?${search}` : ''}`, init };
}

/** Reads `{error: {code, message, issues?, currentRevision?}}` (the API's error shape) into an {@link ApiError}. */
export function errorFromResponse(status: number, text: string): ApiError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const error = isRecord(parsed) && isRecord(parsed.error) ? parsed.error : {};
  const code = typeof error.code === 'string' ? error.code : `http_${status}`;
  const message =
    typeof error.message === 'string' && error.message
      ? error.message
      : `The server answered ${status}${text && !parsed ? `: ${text.slice(0, 200)}` : ''}.`;
  const issues = Array.isArray(error.issues) ? error.issues.filter(isIssue) : [];
  const details = isRecord(error.details) ? error.details : error;
  const currentRevision = typeof details.currentRevision === 'number' ? details.currentRevision : undefined;
  return new ApiError(status, code, message, issues, currentRevision);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIssue(value: unknown): value is ImportIssue {
  return isRecord(value) && typeof value.file === 'string' && typeof value.message === 'string' && (value.line === undefined || typeof value.line === 'number');
}

/** Where the client sends its calls and as whom. */
export interface ApiClientOptions {
  /** Origin of the platform (`location.origin`); the admin app is served by the platform itself. */
  baseUrl: string;
  token: string;
  fetch: FetchLike;
  /** Aborts every call of this client (the view that owns it was left). */
  signal?: AbortSignal;
}

const knowledge = (...segments: ReadonlyArray<string | number>): string => path('api', 'knowledge', ...segments);
const version = (slug: string, language: string, ...rest: string[]): string => knowledge('articles', slug, 'versions', language, ...rest);

/** Typed calls of the REST API. Immutable: {@link withSignal} gives a copy bound to another abort signal. */
export class KnowledgeApi {
  constructor(private readonly options: ApiClientOptions) {}

  /** The same client, with calls aborted by `signal`. */
  withSignal(signal: AbortSignal): KnowledgeApi {
    return new KnowledgeApi({ ...this.options, signal });
  }

  /** Sends one call and parses its JSON answer (`undefined` for 204). */
  async send<T>(spec: RequestSpec): Promise<T> {
    const { url, init } = buildRequest(this.options.baseUrl, this.options.token, spec, this.options.signal);
    let response: ResponseLike;
    try {
      response = await this.options.fetch(url, init);
    } catch (error) {
      if (this.options.signal?.aborted) throw new ApiError(0, 'aborted', 'The request was cancelled.');
      throw new ApiError(0, 'network', `Could not reach the server (${error instanceof Error ? error.message : String(error)}). Check your connection and try again.`);
    }
    const text = await response.text();
    if (!response.ok) throw errorFromResponse(response.status, text);
    if (response.status === 204 || text === '') return undefined as T;
    return JSON.parse(text) as T;
  }

  /** Checks the token: resolves with its workspace, or throws 401. */
  workspace(): Promise<WorkspaceInfo> {
    return this.send({ method: 'GET', path: path('api', 'workspace') });
  }

  /**
   * The token's role. `GET /api/workspace` does not say it, so this asks a cheap admin-only route: 200 means admin,
   * 403 agent.
   */
  async role(): Promise<Role> {
    try {
      await this.send({ method: 'GET', path: path('api', 'tokens') });
      return 'admin';
    } catch (error) {
      if (error instanceof ApiError && error.status === 403) return 'agent';
      throw error;
    }
  }

  listArticles(query: ListQuery): Promise<ArticlePage> {
    return this.send({ method: 'GET', path: knowledge('articles'), query: { ...query } });
  }

  getArticle(slug: string): Promise<Article> {
    return this.send({ method: 'GET', path: knowledge('articles', slug) });
  }

  createArticle(input: CreateArticleInput): Promise<Article> {
    return this.send({ method: 'POST', path: knowledge('articles'), body: input });
  }

  updateArticle(slug: string, changes: { category?: string; sourceLanguage?: string }): Promise<Article> {
    return this.send({ method: 'PATCH', path: knowledge('articles', slug), body: changes });
  }

  deleteArticle(slug: string): Promise<void> {
    return this.send({ method: 'DELETE', path: knowledge('articles', slug) });
  }

  saveVersion(slug: string, language: string, input: SaveVersionInput): Promise<ArticleVersion> {
    return this.send({ method: 'PUT', path: version(slug, language), body: input });
  }

  publish(slug: string, language: string, expectedRevision?: number): Promise<ArticleVersion> {
    return this.send({ method: 'POST', path: version(slug, language, 'publish'), body: expectedRevision === undefined ? {} : { expectedRevision } });
  }

  archive(slug: string, language: string): Promise<ArticleVersion> {
    return this.send({ method: 'POST', path: version(slug, language, 'archive'), body: {} });
  }

  async history(slug: string, language: string): Promise<Revision[]> {
    return (await this.send<{ revisions: Revision[] }>({ method: 'GET', path: version(slug, language, 'history') })).revisions;
  }

  diff(slug: string, language: string, from: number, to: number): Promise<RevisionDiff> {
    return this.send({ method: 'GET', path: version(slug, language, 'diff'), query: { from, to } });
  }

  rollback(slug: string, language: string, toRevision: number, expectedRevision: number): Promise<ArticleVersion> {
    return this.send({ method: 'POST', path: version(slug, language, 'rollback'), body: { toRevision, expectedRevision } });
  }

  /** Markdown -> the sanitised HTML shoppers would see (rendered by the server; insert nothing else). */
  async preview(markdown: string): Promise<string> {
    return (await this.send<{ html: string }>({ method: 'POST', path: knowledge('preview'), body: { markdown } })).html;
  }

  importFiles(input: ImportInput): Promise<ImportResult> {
    return this.send({ method: 'POST', path: knowledge('import'), body: input });
  }

  exportJson(): Promise<{ articles: Article[] }> {
    return this.send({ method: 'GET', path: knowledge('export'), query: { format: 'json' } });
  }

  exportMarkdown(): Promise<MarkdownExport> {
    return this.send({ method: 'GET', path: knowledge('export'), query: { format: 'markdown' } });
  }

  /** What the bot would answer; the shape is read defensively by `try-result.ts`. */
  tryQuestion(question: string, language?: string): Promise<unknown> {
    return this.send({ method: 'POST', path: knowledge('try'), body: language ? { question, language } : { question } });
  }

  reindex(): Promise<{ queued: boolean }> {
    return this.send({ method: 'POST', path: knowledge('reindex'), body: {} });
  }

  indexStatus(): Promise<IndexStatus> {
    return this.send({ method: 'GET', path: knowledge('index') });
  }

  async audit(limit = 100): Promise<AuditEntry[]> {
    return (await this.send<{ entries: AuditEntry[] }>({ method: 'GET', path: knowledge('audit'), query: { limit } })).entries;
  }

  async ratings(): Promise<ArticleRatings[]> {
    return (await this.send<{ ratings: ArticleRatings[] }>({ method: 'GET', path: knowledge('ratings') })).ratings;
  }

  /** The WhatsApp Web connection of the token's workspace (admins): state, and the QR code while not linked. */
  whatsAppWebStatus(): Promise<WhatsAppWebStatus> {
    return this.send<WhatsAppWebStatus>({ method: 'GET', path: '/api/channels/whatsapp-web/status' });
  }

  /** The latest risk decisions, newest first (optionally about one order). */
  async riskDecisions(limit = 50, orderNumber?: string): Promise<RiskDecisionEntry[]> {
    return (await this.send<{ decisions: RiskDecisionEntry[] }>({ method: 'GET', path: '/api/risk/decisions', query: { limit, orderNumber } })).decisions;
  }

  /** The risk model's versions (the live one has status `live`). */
  async riskModels(): Promise<RiskModelVersion[]> {
    return (await this.send<{ versions: RiskModelVersion[] }>({ method: 'GET', path: '/api/risk/models' })).versions;
  }

  /** Queues a retraining (admins); promoted only if it beats the live model. */
  retrainRisk(): Promise<RiskRetrainJob> {
    return this.send({ method: 'POST', path: '/api/risk/retrain', body: {} });
  }

  retrainStatus(jobId: string): Promise<RiskRetrainJob> {
    return this.send({ method: 'GET', path: path('api', 'risk', 'retrain', jobId) });
  }

  /** The thresholds and rules (shape: see the API's risk settings schema). */
  async riskSettings(): Promise<unknown> {
    return (await this.send<{ settings: unknown }>({ method: 'GET', path: '/api/risk/settings' })).settings;
  }

  async saveRiskSettings(settings: unknown): Promise<unknown> {
    return (await this.send<{ settings: unknown }>({ method: 'PUT', path: '/api/risk/settings', body: settings })).settings;
  }

  riskIpTable(): Promise<RiskIpTableInfo> {
    return this.send({ method: 'GET', path: '/api/risk/ip-countries' });
  }

  /** Uploads the store's IP-to-country table: CSV `lower,upper,country` after a header line, gzipped or not. */
  uploadRiskIpTable(bytes: Uint8Array<ArrayBuffer>, gzipped: boolean): Promise<RiskIpTableInfo> {
    return this.send({ method: 'PUT', path: '/api/risk/ip-countries', upload: { bytes, contentType: gzipped ? 'application/gzip' : 'text/csv' } });
  }

  removeRiskIpTable(): Promise<RiskIpTableInfo> {
    return this.send({ method: 'DELETE', path: '/api/risk/ip-countries' });
  }
}
