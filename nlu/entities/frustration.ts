/**
 * A frustration score for deciding when to hand a conversation to a person: per-language lexicons of threats,
 * insults, swearing and strong dissatisfaction, plus shouting cues (`!!!`, `???`, ALL-CAPS words, angry emoji).
 */
import { buildFrustrationIndex, findLexiconHits, type FrustrationIndex } from './frustration-index';
import { KIND_WEIGHTS } from './frustration-lexicon';

/**
 * Scores at or above this mean "escalate to a human": one threat, insult, swear word or strong phrase, or mild
 * annoyance together with several shouting cues. Polite messages about problems score 0.
 */
export const FRUSTRATION_ESCALATION_THRESHOLD = 0.6;

/** Result of {@link assessFrustration}. */
export interface FrustrationAssessment {
  /**
   * 0 (calm) to 1 (furious). `>= 0.6` ({@link FRUSTRATION_ESCALATION_THRESHOLD}): escalate; 0.3-0.6: irritated,
   * answer with care; below 0.3: nothing to act on.
   */
  score: number;
  /** What contributed, e.g. `threat:chargeback`, `anger:worst service`, `punctuation:!!!`, `caps:NEVER`. */
  signals: string[];
}

// Shouting cues and their weights.
const CUES = {
  exclamations: { pattern: /[!！]{3,}/u, weight: 0.25, signal: 'punctuation:!!!' },
  questions: { pattern: /[?？؟]{3,}/u, weight: 0.2, signal: 'punctuation:???' },
  interrobang: { pattern: /(?:[!！][?？؟]|[?？؟][!！])[!?！？؟]*/u, weight: 0.2, signal: 'punctuation:?!' },
  emoji: { pattern: /[😡🤬😠💢🖕]|😤/u, weight: 0.35, signal: 'emoji:angry' },
  elongation: { pattern: /(\p{L})\1{3,}/u, weight: 0.1, signal: 'elongation' },
} as const;
const CAPS_WORD = /(?<![\p{L}\p{N}])\p{Lu}{4,}(?![\p{L}\p{N}])/gu;
const CAPS_WEIGHTS = [0, 0.15, 0.25, 0.35];
// Upper-case words that are names, not shouting.
const ACRONYMS = new Set([
  'USPS', 'FEDEX', 'ASAP', 'HTTP', 'HTTPS', 'HTML', 'NASA', 'IKEA', 'ASUS', 'AVON', 'VISA', 'UNIQLO', 'ZARA', 'LEGO',
  'SHEIN', 'TEMU', 'ALIEXPRESS', 'EBAY', 'AMAZON', 'IPHONE', 'SIZE', 'XXXL',
]);

// Built on first use, then shared: it never changes after that.
let sharedIndex: FrustrationIndex | undefined;

function languageMask(index: FrustrationIndex, language: string | undefined): number {
  const base = language?.toLowerCase().split(/[-_]/)[0];
  const bit = base ? index.bits.get(base) : undefined;
  // Shoppers mix in English swearing and "chargeback" whatever their language; unknown language: all 16.
  return bit === undefined ? -1 : bit | (index.bits.get('en') ?? 0);
}

function shoutingSignals(text: string): Array<[string, number]> {
  const signals: Array<[string, number]> = [];
  for (const cue of Object.values(CUES)) if (cue.pattern.test(text)) signals.push([cue.signal, cue.weight]);
  const caps = [...new Set(text.match(CAPS_WORD) ?? [])].filter((w) => !ACRONYMS.has(w));
  if (caps.length) {
    const weight = CAPS_WEIGHTS[Math.min(caps.length, CAPS_WEIGHTS.length - 1)] ?? 0;
    signals.push([`caps:${caps.slice(0, 3).join(' ')}`, weight]);
  }
  return signals;
}

/**
 * Scores how frustrated a message sounds, combining the signals as independent evidence: `1 - Π(1 - w)`.
 * With a known language its lexicon and the English one are used; without, all 16.
 * @example
 * assessFrustration('Worst service ever, I will file a chargeback!!!', 'en');
 * // { score: 0.94, signals: ['anger:worst service', 'threat:chargeback', 'punctuation:!!!'] }
 * assessFrustration('my package is late, could you check?', 'en'); // { score: 0, signals: [] }
 */
export function assessFrustration(text: string, language?: string): FrustrationAssessment {
  sharedIndex ??= buildFrustrationIndex();
  const lexicon = new Map<string, number>();
  for (const hit of findLexiconHits(text, sharedIndex, languageMask(sharedIndex, language))) {
    lexicon.set(`${hit.kind}:${hit.phrase}`, KIND_WEIGHTS[hit.kind]);
  }
  const signals = [...lexicon, ...shoutingSignals(text)];
  const calm = signals.reduce((product, [, weight]) => product * (1 - weight), 1);
  return { score: Math.round((1 - calm) * 1000) / 1000, signals: signals.map(([name]) => name) };
}
