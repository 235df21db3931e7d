/**
 * Keeps what must never be translated exactly as written: order and tracking numbers, e-mail addresses, phone
 * numbers, URLs, catalogue products (SKUs, names) and a workspace's glossary of brand and product names. Each is
 * swapped for a placeholder token that translation engines pass through untouched (`ZQX0`, `ZQX1`, ...: an unknown
 * "word" of capitals and digits), and swapped back afterwards. A placeholder the engine lost or mangled is reported,
 * so the caller can fall back to the original text instead of a translation with a missing order number.
 */
import { extractEntities, type EntityExtractionOptions } from '../entities';
import { escapeRegExp } from '../entities/text-folding';
import { TranslationError, type TranslationContext, type Translator } from './translator';

/** What to protect beyond the built-in kinds. */
export interface ProtectionOptions extends Pick<EntityExtractionOptions, 'orderNumberPatterns' | 'products'> {
  /** Brand and product names kept as written (matched case-insensitively, whole words). */
  glossary?: readonly string[];
}

/** A text with its protected spans replaced by placeholders. */
export interface ProtectedText {
  text: string;
  /** Placeholder -> the original span. */
  spans: Map<string, string>;
}

const PROTECTED_ENTITIES = new Set(['order_number', 'tracking_number', 'email', 'phone', 'product']);
const URL = /\bhttps?:\/\/[^\s<>"')\]]+/gi;

interface Span {
  start: number;
  end: number;
}

function placeholderPrefix(text: string): string {
  // A prefix the text does not contain, so restoring never touches the shopper's own words.
  let prefix = 'ZQX';
  while (text.includes(prefix)) prefix += 'Q';
  return prefix;
}

/** Replaces protected spans with placeholders. */
export function protectTerms(text: string, language: string, options: ProtectionOptions = {}): ProtectedText {
  const spans: Span[] = [];
  for (const entity of extractEntities(text, { language, ...options })) {
    if (PROTECTED_ENTITIES.has(entity.type)) spans.push({ start: entity.start, end: entity.end });
  }
  for (const match of text.matchAll(URL)) spans.push({ start: match.index, end: match.index + match[0].length });
  for (const term of options.glossary ?? []) {
    if (!term.trim()) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(term.trim())}(?![\\p{L}\\p{N}])`, 'giu');
    for (const match of text.matchAll(pattern)) spans.push({ start: match.index, end: match.index + match[0].length });
  }
  // Longest first, then keep the ones that overlap nothing kept.
  spans.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Span[] = [];
  for (const span of spans) if (kept.every((k) => span.end <= k.start || span.start >= k.end)) kept.push(span);
  kept.sort((a, b) => a.start - b.start);
  const prefix = placeholderPrefix(text);
  const map = new Map<string, string>();
  let out = '';
  let at = 0;
  kept.forEach((span, i) => {
    const token = `${prefix}${i}`;
    map.set(token, text.slice(span.start, span.end));
    out += text.slice(at, span.start) + token;
    at = span.end;
  });
  return { text: out + text.slice(at), spans: map };
}

/**
 * Puts the originals back. @throws TranslationError when a placeholder is missing from `translated` (the engine
 * dropped or changed it).
 */
export function restoreTerms(translated: string, spans: ReadonlyMap<string, string>): string {
  let out = translated;
  // Longest tokens first, so `ZQX1` never eats the start of `ZQX10`.
  for (const token of [...spans.keys()].sort((a, b) => b.length - a.length)) {
    const pattern = new RegExp(`${escapeRegExp(token)}(?!\\d)`, 'g');
    if (!pattern.test(out)) throw new TranslationError(`the translation lost the protected term "${spans.get(token)}"`);
    out = out.replace(pattern, () => spans.get(token)!);
  }
  return out;
}

/** A translator that protects terms around another one. */
export class TermProtectingTranslator implements Translator {
  readonly name: string;

  constructor(
    private readonly inner: Translator,
    private readonly protection: (from: string) => ProtectionOptions = () => ({}),
  ) {
    this.name = inner.name;
  }

  supports(from: string, to: string): boolean {
    return this.inner.supports(from, to);
  }

  async translate(text: string, from: string, to: string, context: TranslationContext = {}): Promise<string> {
    const own = this.protection(from);
    const glossary = [...(own.glossary ?? []), ...(context.glossary ?? [])];
    const guarded = protectTerms(text, from, { ...own, ...(glossary.length ? { glossary } : {}) });
    return restoreTerms(await this.inner.translate(guarded.text, from, to), guarded.spans);
  }

  close(): Promise<void> {
    return this.inner.close?.() ?? Promise.resolve();
  }
}
