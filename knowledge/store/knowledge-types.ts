/** The knowledge base as the store, the API and the admin app see it. */
import type { KnowledgeStatus } from '../../platform/database';

export type { KnowledgeStatus };

/** The editable text of one language version. */
export interface VersionContent {
  title: string;
  /** Markdown. */
  body: string;
  /** Alternative questions this version answers (FAQ phrasings), searched like the title. */
  questions: string[];
  tags: string[];
}

/** One language version with its latest text (the draft when an edit is pending). */
export interface ArticleVersion extends VersionContent {
  language: string;
  status: KnowledgeStatus;
  /** Latest saved revision: send it back as `expectedRevision` when saving, so concurrent edits are detected. */
  revision: number;
  /** Revision shoppers see (null: never published). */
  publishedRevision: number | null;
  /** Source-language revision this text was written from (null for the source version itself). */
  sourceRevision: number | null;
  /** The source version changed after this translation was written. */
  stale: boolean;
  updatedBy: string;
  updatedAt: number;
  publishedAt: number | null;
}

/** An article with all its language versions. */
export interface Article {
  id: string;
  /** The article id in links and imports (`shipping-europe`). */
  slug: string;
  category: string;
  sourceLanguage: string;
  createdAt: number;
  updatedAt: number;
  versions: ArticleVersion[];
}

/** One saved revision (history). */
export interface Revision extends VersionContent {
  revision: number;
  author: string;
  note: string;
  createdAt: number;
}

/** An audit-log entry. */
export interface AuditEntry {
  actor: string;
  action: string;
  articleSlug: string | null;
  language: string | null;
  details: Record<string, unknown> | null;
  createdAt: number;
}

/** Shoppers' ratings of one article's answers. */
export interface ArticleRatings {
  slug: string;
  helpful: number;
  notHelpful: number;
}

/** A published language version, ready for indexing. */
export interface PublishedVersion extends VersionContent {
  slug: string;
  category: string;
  language: string;
  /** The article's source language. */
  sourceLanguage: string;
  /** A translation whose source was edited after it was written (then the source is the better answer). */
  stale: boolean;
  revision: number;
}
