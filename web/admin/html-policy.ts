/**
 * Which tags and attributes the admin app lets through when it inserts the Markdown preview. The server already
 * sanitises (knowledge/markdown/render-markdown.ts, sanitize-html); this mirrors its allow-list as a second line
 * of defence, so a future server bug cannot turn an article into a script running with an admin's token.
 *
 * Pure module, unit-tested under Node.
 */

/** Tags the server's sanitiser allows. */
export const ALLOWED_TAGS: ReadonlySet<string> = new Set([
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code', 'strong', 'em', 'del', 's',
  'ul', 'ol', 'li', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img',
]);

const ALLOWED_ATTRIBUTES: Readonly<Record<string, ReadonlySet<string>>> = {
  a: new Set(['href', 'title', 'rel', 'target']),
  img: new Set(['src', 'alt', 'title']),
  th: new Set(['align']),
  td: new Set(['align']),
  ol: new Set(['start']),
};

/** Tags removed with everything inside them (their text is not article text). */
export const DROPPED_WITH_CONTENT: ReadonlySet<string> = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript', 'svg', 'math']);

/** True when the URL uses a scheme the preview may link or load: http(s) and mailto (https only for images). */
export function isSafeUrl(tag: string, url: string): boolean {
  const scheme = /^\s*([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (tag === 'img') return scheme === 'https';
  // Relative links (no scheme) stay within the platform; anything else must be a known-safe scheme.
  return scheme === undefined ? !/^\s*\/\//.test(url) : scheme === 'http' || scheme === 'https' || scheme === 'mailto';
}

/** True when `name="value"` may stay on a `tag` element. */
export function isAllowedAttribute(tag: string, name: string, value: string): boolean {
  if (!ALLOWED_ATTRIBUTES[tag]?.has(name)) return false;
  if (name === 'href' || name === 'src') return isSafeUrl(tag, value);
  return true;
}
