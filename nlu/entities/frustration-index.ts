/**
 * Dictionary look-up of the frustration lexicons. One big regular-expression alternation per language costs
 * ~15 µs a message in V8; indexing phrases by their first word (spaced languages) or first character (zh, ja, ko,
 * th) and walking the message once costs a few µs for all 16 languages together.
 */
import { FRUSTRATION_LEXICONS, type FrustrationKind } from './frustration-lexicon';
import { foldForLookup } from './text-folding';

interface SpacedTerm {
  kind: FrustrationKind;
  /** Words; a word ending in `*` matches any word starting with the rest. */
  words: readonly string[];
  languages: number;
}

interface LiteralTerm {
  kind: FrustrationKind;
  literal: string;
  languages: number;
}

interface WordIndex {
  exact: Map<string, SpacedTerm[]>;
  /** Terms whose first word is a `stem*`, by the stem's first three characters. */
  byStemStart: Map<string, SpacedTerm[]>;
}

/** The lexicons of the 16 languages, indexed; build once with {@link buildFrustrationIndex}. */
export interface FrustrationIndex {
  /** Bit of each language in the `languages` masks. */
  bits: ReadonlyMap<string, number>;
  folded: WordIndex;
  /** Languages matched with accents (Vietnamese). */
  accented: WordIndex;
  /** zh, ja, ko, th: by first character. */
  literals: Map<string, LiteralTerm[]>;
}

/** A lexicon entry cannot be indexed; the message names the entry and what to change. */
export class FrustrationLexiconError extends Error {
  override readonly name = 'FrustrationLexiconError';
}

/** A lexicon hit. */
export interface LexiconHit {
  kind: FrustrationKind;
  /** The phrase as found (folded). */
  phrase: string;
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const STEM_KEY = 3;

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function termWords(term: string, keepAccents: boolean): string[] {
  const wildcard = term.endsWith('*');
  const body = wildcard ? term.slice(0, -1) : term;
  const normalized = keepAccents ? body.normalize('NFC').toLowerCase() : foldForLookup(body);
  const words = normalized.match(WORD) ?? [];
  if (wildcard && words.length) words[words.length - 1] += '*';
  return words;
}

/** Indexes {@link FRUSTRATION_LEXICONS}; throws {@link FrustrationLexiconError} for a wildcard stem under 3 letters. */
export function buildFrustrationIndex(): FrustrationIndex {
  const bits = new Map(Object.keys(FRUSTRATION_LEXICONS).map((language, i) => [language, 1 << i]));
  const index: FrustrationIndex = {
    bits,
    folded: { exact: new Map(), byStemStart: new Map() },
    accented: { exact: new Map(), byStemStart: new Map() },
    literals: new Map(),
  };
  for (const [language, lexicon] of Object.entries(FRUSTRATION_LEXICONS)) {
    const languages = bits.get(language) ?? 0;
    for (const kind of ['threat', 'insult', 'profanity', 'anger', 'annoyance'] as const) {
      for (const term of lexicon[kind]) {
        if (lexicon.substring) {
          const literal = foldForLookup(term);
          add(index.literals, literal[0] ?? '', { kind, literal, languages });
          continue;
        }
        const words = termWords(term, lexicon.keepAccents ?? false);
        const first = words[0];
        if (!first) continue;
        const target = lexicon.keepAccents ? index.accented : index.folded;
        const entry = { kind, words, languages };
        if (first.endsWith('*')) {
          if (first.length - 1 < STEM_KEY) {
            throw new FrustrationLexiconError(
              `Frustration term "${term}" (${language}): a wildcard stem needs ${STEM_KEY}+ letters; write the word out instead.`,
            );
          }
          add(target.byStemStart, first.slice(0, STEM_KEY), entry);
        } else add(target.exact, first, entry);
      }
    }
  }
  const longestFirst = (a: { words?: readonly string[]; literal?: string }, b: typeof a): number =>
    (b.words?.length ?? 0) - (a.words?.length ?? 0) || (b.literal?.length ?? 0) - (a.literal?.length ?? 0);
  for (const map of [index.folded.exact, index.folded.byStemStart, index.accented.exact, index.accented.byStemStart, index.literals]) {
    for (const list of map.values()) list.sort(longestFirst);
  }
  return index;
}

const wordMatches = (pattern: string, word: string): boolean =>
  pattern.endsWith('*') ? word.startsWith(pattern.slice(0, -1)) : pattern === word;

function matchesAt(term: SpacedTerm, words: readonly string[], i: number): boolean {
  if (i + term.words.length > words.length) return false;
  return term.words.every((pattern, k) => wordMatches(pattern, words[i + k] as string));
}

function spacedHits(text: string, index: WordIndex, mask: number, hits: LexiconHit[]): void {
  const words = text.match(WORD);
  if (!words) return;
  for (let i = 0; i < words.length; ) {
    const word = words[i] as string;
    let best: SpacedTerm | undefined;
    for (const list of [index.exact.get(word), index.byStemStart.get(word.slice(0, STEM_KEY))]) {
      for (const term of list ?? []) {
        if ((term.languages & mask) === 0 || (best && best.words.length >= term.words.length)) continue;
        if (matchesAt(term, words, i)) best = term;
      }
    }
    if (best) {
      hits.push({ kind: best.kind, phrase: words.slice(i, i + best.words.length).join(' ') });
      i += best.words.length;
    } else i += 1;
  }
}

function literalHits(text: string, index: FrustrationIndex, mask: number, hits: LexiconHit[]): void {
  for (let i = 0; i < text.length; ) {
    const hit = index.literals.get(text[i] as string)?.find((t) => (t.languages & mask) !== 0 && text.startsWith(t.literal, i));
    if (hit) {
      hits.push({ kind: hit.kind, phrase: hit.literal });
      i += hit.literal.length;
    } else i += 1;
  }
}

/** The lexicon phrases of the languages in `mask` that occur in `text`, in order. */
export function findLexiconHits(text: string, index: FrustrationIndex, mask: number): LexiconHit[] {
  const hits: LexiconHit[] = [];
  const folded = foldForLookup(text);
  spacedHits(folded, index.folded, mask, hits);
  if (index.accented.exact.size && (mask & (index.bits.get('vi') ?? 0)) !== 0) {
    spacedHits(text.normalize('NFC').toLowerCase(), index.accented, mask, hits);
  }
  literalHits(folded, index, mask, hits);
  return hits;
}
