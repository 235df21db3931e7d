/**
 * The part of a message that says something about its language. E-mail addresses, links and codes such as order or
 * tracking numbers are written the same in every language (and look English to a language identifier), so
 * "someone.else@example.com" sent in a Chinese conversation must not switch the reply language.
 */
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/giu;
/** Tokens with both letters and digits (A1B2C3, SF1234567890123, ORD-58213) or digits only. */
const CODE = /(?<![\p{L}\p{N}])(?=[\p{L}\p{N}-]*\p{N})[\p{L}\p{N}][\p{L}\p{N}-]*(?![\p{L}\p{N}])/gu;

/** The message without addresses, links and codes, whitespace collapsed. */
export function textForLanguageIdentification(text: string): string {
  return text.replace(EMAIL, ' ').replace(URL, ' ').replace(CODE, ' ').replace(/\s+/g, ' ').trim();
}
