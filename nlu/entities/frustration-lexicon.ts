/**
 * The shape of the per-language frustration lexicons and their weights. The word lists live in
 * `frustration-lexicon-*.ts`, a few languages per file.
 */
import { ASIAN_LEXICONS } from './frustration-lexicon-asian';
import { EUROPEAN_LEXICONS } from './frustration-lexicon-european';
import { MIDDLE_LEXICONS } from './frustration-lexicon-middle';

/** Kinds of lexicon entry, strongest first. */
export type FrustrationKind = 'threat' | 'insult' | 'profanity' | 'anger' | 'annoyance';

/**
 * One language's phrases. Entries are lower case; accents are ignored when matching (except Vietnamese, where
 * they change the word); a trailing `*` accepts any ending ("idiot*" -> idiots, idiota). Spaced languages match
 * on word boundaries, zh/ja/ko/th as substrings, so their entries must not be common parts of other words.
 */
export interface FrustrationLexicon {
  /** Taking it outside the shop: lawyer, court, police, chargeback, consumer protection, public complaint. */
  threat: readonly string[];
  /** Insults at the shop, the bot or the agent ("useless bot", "idiots"). */
  insult: readonly string[];
  /** Swearing. */
  profanity: readonly string[];
  /** Strong dissatisfaction ("this is ridiculous", "worst service", "scam", "ふざけるな", "вы издеваетесь"). */
  anger: readonly string[];
  /**
   * Mild dissatisfaction that only adds up with other signals ("disappointed", "still waiting", "again"), and
   * words like "useless"/"inutile" that also say "no need" or describe a product rather than the service.
   */
  annoyance: readonly string[];
  /** Match with accents (Vietnamese: "ngu" is stupid, "ngủ" is sleep). @defaultValue false */
  keepAccents?: boolean;
  /** Match as substrings (languages written without spaces, and Korean, which glues endings on). @defaultValue false */
  substring?: boolean;
}

/**
 * Weight of one hit of each kind, combined as independent evidence (`1 - Π(1 - w)`). Any single threat, insult,
 * swear word or strong phrase reaches the escalation threshold (0.6) on its own; annoyance needs company.
 */
export const KIND_WEIGHTS: Readonly<Record<FrustrationKind, number>> = {
  threat: 0.8,
  insult: 0.7,
  profanity: 0.6,
  anger: 0.6,
  annoyance: 0.25,
};

/** Lexicons of the 16 shopper languages, by ISO 639-1 code. */
export const FRUSTRATION_LEXICONS: Readonly<Record<string, FrustrationLexicon>> = {
  ...EUROPEAN_LEXICONS,
  ...ASIAN_LEXICONS,
  ...MIDDLE_LEXICONS,
};
