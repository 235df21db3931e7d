/**
 * The part of a message that says something about its language. E-mail addresses, links and codes such as order or
 * tracking numbers are written the same in every language (and look English to a language identifier), so
 * "someone.else@example.com" sent in a Chinese conversation must not switch the reply language.
 */
// Latin letters only, like codes below: "我的邮箱是li.wei@example.com的" keeps its Chinese words.
const EMAIL = /[\p{Script=Latin}\p{N}._%+-]+@[\p{Script=Latin}\p{N}.-]+\.\p{Script=Latin}{2,}/gu;
const URL = /\bhttps?:\/\/\S+|\bwww\.\S+/giu;
/**
 * Tokens of Latin letters with digits (A1B2C3, SF1234567890123, ORD-58213) or digits only. Only Latin letters count
 * as part of a code: Chinese and Japanese glue codes to the words around them ("我的订单A1B2C3到哪里了"), and those
 * words are what identifies the language.
 */
const CODE = /(?<![\p{Script=Latin}\p{N}])(?=[\p{Script=Latin}\p{N}-]*\p{N})[\p{Script=Latin}\p{N}][\p{Script=Latin}\p{N}-]*(?![\p{Script=Latin}\p{N}])/gu;

/** The message without addresses, links and codes, whitespace collapsed. */
export function textForLanguageIdentification(text: string): string {
  return text.replace(EMAIL, ' ').replace(URL, ' ').replace(CODE, ' ').replace(/\s+/g, ' ').trim();
}
