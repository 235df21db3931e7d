/**
 * Locale-aware formatting of prices and times for the message list.
 *
 * Pure module (only `Intl`), unit-tested under Node.
 */
import type { Money } from '../../bots/runtime/reply';

/**
 * Formats a price with `Intl.NumberFormat(locale, { style: 'currency' })`. Falls back to `"19.9 EUR"` when the
 * currency code or locale is invalid: a product card with an odd price should still render.
 */
export function formatPrice(price: Money, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency: price.currency }).format(price.amount);
  } catch {
    try {
      return new Intl.NumberFormat('en', { style: 'currency', currency: price.currency }).format(price.amount);
    } catch {
      return `${price.amount} ${price.currency}`;
    }
  }
}

/** Formats a message time as a short local time ("14:05"), or "" for an unparsable timestamp. */
export function formatTime(iso: string, locale: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  try {
    return new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(date);
  } catch {
    return date.toISOString().slice(11, 16);
  }
}

/**
 * Chooses the locale for numbers and dates: the browser's own tag when it speaks the conversation's language
 * (keeps its region, e.g. `de-CH` prices), else the conversation language, else the browser's tag.
 */
export function formattingLocale(conversationLanguage: string | undefined, browserLocale: string | undefined): string {
  const primary = (tag: string): string => tag.toLowerCase().split(/[-_]/)[0] ?? '';
  if (browserLocale && (!conversationLanguage || primary(browserLocale) === primary(conversationLanguage))) {
    return browserLocale;
  }
  return conversationLanguage || browserLocale || 'en';
}
