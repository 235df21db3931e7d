/** Pure rules for localising a product: which translation stands for a wanted language, which price to show. */
import type { LocalizedPrice } from './catalogue-types';

/**
 * The tags to try for a wanted language, most specific first: `pt-BR` -> `pt-br`, `pt`.
 * @example languageCandidates('zh-Hant-TW') // ['zh-hant-tw', 'zh-hant', 'zh']
 */
export function languageCandidates(wanted: string): string[] {
  const parts = wanted.trim().toLowerCase().replace(/_/g, '-').split('-').filter(Boolean);
  const out: string[] = [];
  for (let n = parts.length; n >= 1; n--) out.push(parts.slice(0, n).join('-'));
  return out;
}

/**
 * The text for a wanted language: the exact tag, then less specific ones (`pt-br` -> `pt`), then the source text.
 * @param own the product's own text and its language.
 * @param translations texts by lower-case language tag.
 */
export function pickText<T>(own: { language: string; value: T }, translations: Readonly<Record<string, T>> | undefined, wanted?: string): { language: string; value: T } {
  if (!wanted) return own;
  for (const tag of languageCandidates(wanted)) {
    if (tag === own.language) return own;
    const value = translations?.[tag];
    if (value !== undefined) return { language: tag, value };
  }
  return own;
}

/**
 * The price to show: the store's price in the wanted currency when it set one, else the product's own price
 * (flagged, since the platform does not convert currencies).
 */
export function pickPrice(own: { amountMinor: number; currency: string }, prices: Readonly<Record<string, number>> | undefined, wanted?: string): LocalizedPrice {
  const currency = wanted?.trim().toUpperCase();
  if (!currency || currency === own.currency) return { amountMinor: own.amountMinor, currency: own.currency, inRequestedCurrency: true };
  const amount = prices?.[currency];
  if (amount !== undefined) return { amountMinor: amount, currency, inRequestedCurrency: true };
  return { amountMinor: own.amountMinor, currency: own.currency, inRequestedCurrency: false };
}

/** True when a product with these ship-to countries (null: everywhere) ships to `country`. */
export function shipsToCountry(shipsTo: readonly string[] | null, country: string | undefined): boolean {
  if (!country || shipsTo === null) return true;
  return shipsTo.includes(country.trim().toUpperCase());
}
