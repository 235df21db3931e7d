/**
 * Formatting and parsing helpers shared by the views: language names, dates, list fields, paging text.
 *
 * Pure module (only `Intl`), unit-tested under Node.
 */
import type { ArticleVersion, VersionStatus } from './api-types';

/** The languages the platform understands (README), offered in the language pickers. */
export const PLATFORM_LANGUAGES = ['en', 'zh', 'es', 'fr', 'de', 'pt', 'ru', 'ar', 'ja', 'ko', 'it', 'tr', 'vi', 'id', 'th', 'pl'] as const;

/** Languages written right to left, so side-by-side columns and editors get `dir="rtl"`. */
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/** `"German (de)"`, in the admin's own language; just the code when `Intl` does not know it. */
export function languageName(code: string, displayLocale = 'en'): string {
  try {
    const name = new Intl.DisplayNames([displayLocale, 'en'], { type: 'language' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** Writing direction of a language. */
export function textDirection(code: string): 'ltr' | 'rtl' {
  return RTL.has(code) ? 'rtl' : 'ltr';
}

/** A date and time in the admin's locale ("12 Mar 2025, 14:05"), or "" for a missing or unparsable one. */
export function formatDateTime(iso: string | null | undefined, locale = 'en'): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
  } catch {
    return date.toISOString().replace('T', ' ').slice(0, 16);
  }
}

/** The questions field: one question per line; blank lines and repeats dropped. */
export function parseLines(text: string): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || seen.has(line)) continue;
    seen.add(line);
    lines.push(line);
  }
  return lines;
}

/** The tags field: separated by commas (or new lines); blanks and repeats dropped. */
export function parseTags(text: string): string[] {
  return parseLines(text.replace(/,/g, '\n'));
}

/** Human label of a status. */
export function statusLabel(status: VersionStatus): string {
  return { draft: 'Draft', published: 'Published', archived: 'Archived' }[status];
}

/**
 * What a version's badge says: its status, "unpublished changes" when the latest revision is newer than the
 * published one, and "outdated translation" when its source changed since it was written.
 */
export function versionBadges(version: Pick<ArticleVersion, 'status' | 'revision' | 'publishedRevision' | 'stale'>): string[] {
  const badges = [statusLabel(version.status)];
  if (version.status === 'published' && version.publishedRevision !== null && version.publishedRevision < version.revision) badges.push('unpublished changes');
  if (version.stale) badges.push('outdated translation');
  return badges;
}

/** `"21–40 of 47"`, or `"No articles"`. */
export function pageSummary(offset: number, count: number, total: number): string {
  if (total === 0 || count === 0) return 'No articles';
  return `${offset + 1}–${offset + count} of ${total}`;
}

/** A file name safe on every system, with today's date: `knowledge-base-2025-03-12.json`. */
export function exportFileName(kind: 'json' | 'markdown', now: Date): string {
  const day = now.toISOString().slice(0, 10);
  return kind === 'json' ? `knowledge-base-${day}.json` : `knowledge-base-markdown-${day}.json`;
}

/** A score for display: three significant decimals, or "–" when missing. */
export function formatScore(score: number | undefined): string {
  if (score === undefined || !Number.isFinite(score)) return '–';
  return Math.abs(score) >= 100 ? score.toFixed(0) : score.toFixed(3);
}

/**
 * An article id from a title: lower-case ASCII letters, digits and hyphens, at most 64 characters (the API allows
 * 128). Accents are folded; scripts without Latin letters give "" and the admin types an id.
 * @example slugify('Zölle & Steuern') // 'zolle-steuern'
 */
export function slugify(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
}

/** Versions with the source language first, then by language code (the order translators think in). */
export function sourceFirst<V extends { language: string }>(versions: readonly V[], sourceLanguage: string): V[] {
  const rank = (language: string): number => (language === sourceLanguage ? 0 : 1);
  return [...versions].sort((a, b) => rank(a.language) - rank(b.language) || a.language.localeCompare(b.language));
}
