/** The region a shopper language most often stands for, as a hint for phone numbers written without `+`. */

const LANGUAGE_REGIONS: Readonly<Record<string, string>> = {
  en: 'US', zh: 'CN', es: 'ES', fr: 'FR', de: 'DE', pt: 'BR', ru: 'RU', ar: 'SA',
  ja: 'JP', ko: 'KR', it: 'IT', tr: 'TR', vi: 'VN', id: 'ID', th: 'TH', pl: 'PL',
};

/** The 16 shopper languages the entity extractor has data for. */
export const SHOPPER_LANGUAGES: readonly string[] = Object.keys(LANGUAGE_REGIONS);

/**
 * ISO 3166-1 alpha-2 region for a language (`pt` -> `BR`: most Portuguese-speaking shoppers are Brazilian).
 * Accepts tags like `pt-PT` and `zh-Hans`, preferring an explicit region. Undefined when unknown.
 */
export function regionOfLanguage(language: string | undefined): string | undefined {
  if (!language) return undefined;
  const [base, ...rest] = language.split(/[-_]/);
  const explicit = rest.find((part) => /^[A-Za-z]{2}$/.test(part));
  if (explicit) return explicit.toUpperCase();
  return LANGUAGE_REGIONS[(base ?? '').toLowerCase()];
}
