/**
 * Turns plain message text into text and link segments. The view renders segments with `textContent` and
 * `a.href`, never with HTML, so message content cannot inject markup; this module additionally guarantees that
 * only http(s) URLs ever become links (no `javascript:`, `data:` or `vbscript:`).
 *
 * Pure module: no DOM access, so it is unit-tested under Node.
 */

/** A run of plain text or a link, in reading order. */
export type TextSegment =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string };

/**
 * Candidate URLs: an explicit http(s) scheme or a bare `www.` host. The character class is printable ASCII on
 * purpose: Chinese, Japanese and Thai text often runs straight into a URL without a space ("访问https://x.cn查看"),
 * and the link must stop where the ASCII ends.
 */
const URL_CANDIDATE = /(?:\bhttps?:\/\/|\bwww\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+/gi;

/** Characters that end a sentence rather than a URL when they come last. */
const TRAILING_PUNCTUATION = /[.,:;!?'"*]+$/;

const CLOSERS: Readonly<Record<string, string>> = { ')': '(', ']': '[' };

/** Drops trailing punctuation, and closing brackets that have no opening partner inside the URL ("(see x.com)"). */
function trimCandidate(candidate: string): string {
  let url = candidate;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING_PUNCTUATION, '');
    const last = url.slice(-1);
    const opener = CLOSERS[last];
    if (opener !== undefined) {
      const opens = url.split(opener).length - 1;
      const closes = url.split(last).length - 1;
      if (closes > opens) url = url.slice(0, -1);
    }
    if (url === before) return url;
  }
}

/**
 * Returns the absolute URL when `raw` (resolved against `base`) is an http or https URL with a host, else
 * `undefined`. Used for links in text and for product card links and images, which come from catalogue data the
 * widget does not control.
 */
export function toSafeHttpUrl(raw: string | undefined, base?: string): string | undefined {
  if (!raw) return undefined;
  let url: URL;
  try {
    url = base === undefined ? new URL(raw) : new URL(raw, base);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname) return undefined;
  return url.href;
}

/**
 * Splits `text` into text and link segments. Adjacent text is merged; line breaks stay inside text segments (the
 * view keeps them with `white-space: pre-wrap`). Bare `www.` hosts link to https.
 */
export function linkify(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  const pushText = (value: string): void => {
    if (!value) return;
    const last = segments[segments.length - 1];
    if (last && last.kind === 'text') last.text += value;
    else segments.push({ kind: 'text', text: value });
  };

  let cursor = 0;
  for (const match of text.matchAll(URL_CANDIDATE)) {
    const start = match.index ?? 0;
    const candidate = trimCandidate(match[0]);
    const href = toSafeHttpUrl(/^www\./i.test(candidate) ? `https://${candidate}` : candidate);
    // A bare scheme ("http://") or an unparsable host stays plain text.
    if (!href || /^https?:\/\/$/i.test(candidate)) continue;
    pushText(text.slice(cursor, start));
    segments.push({ kind: 'link', text: candidate, href });
    cursor = start + candidate.length;
  }
  pushText(text.slice(cursor));
  return segments;
}
