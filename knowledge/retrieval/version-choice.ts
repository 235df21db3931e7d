/**
 * Which language version of an article to answer with: the shopper's language when the article has it, else the
 * knowledge base's main language (English by default), else the version that matched the question best. A question
 * may find an article through any version; the answer should still be in a language the shopper reads.
 */

/**
 * @param available languages the article is indexed in.
 * @param byMatch the article's versions in the order they matched the question (best first); may be empty.
 * @example
 * chooseVersion(['en', 'de'], 'fr', 'en', ['de']); // 'en'
 */
export function chooseVersion(available: readonly string[], shopperLanguage: string | undefined, mainLanguage: string, byMatch: readonly string[]): string | undefined {
  if (shopperLanguage && available.includes(shopperLanguage)) return shopperLanguage;
  if (available.includes(mainLanguage)) return mainLanguage;
  return byMatch.find((language) => available.includes(language)) ?? available[0];
}
