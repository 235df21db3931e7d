/**
 * Reads a delivery address a shopper typed in chat ("Calle Mayor 5, 28013 Madrid", "上海市浦东新区世纪大道100号") into
 * the store's address shape. Deliberately conservative: without a house number or postcode, or without a second
 * part for the city, it returns nothing and the bot asks for the full address; the shopper confirms the result
 * before anything changes.
 */
import type { ShippingAddress } from '../../../commerce';
import { dominantScript } from '../../../nlu';

const POSTCODE = /\b(\d{3}-\d{4}|\d{5}-\d{3}|\d{2}-\d{3}|\d{4,6}|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2})\b/i;

/** The address in the message, the order's current one filling what the shopper did not say (name, country). */
export function parseAddressText(text: string, current: ShippingAddress | null, countryCode?: string): ShippingAddress | undefined {
  const trimmed = text.trim();
  if (!/\d/.test(trimmed) || trimmed.length < 6 || trimmed.length > 300) return undefined;
  const country = (countryCode ?? current?.country ?? '').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) return undefined;
  const name = current?.name ?? '';
  const script = dominantScript(trimmed);
  // Chinese, Japanese, Thai and Korean addresses are written largest unit first; keep them whole (a Korean comma
  // only sets off the unit, "테헤란로 152, 101동 202호"). Arabic ones are written with commas like Latin-script ones.
  if (script === 'han' || script === 'kana' || script === 'thai' || script === 'hangul') {
    if (trimmed.length < 8) return undefined;
    const postcode = trimmed.match(/\b\d{3}-?\d{4}\b|\b\d{5,6}\b/)?.[0];
    return { name, line1: trimmed, city: current?.city ?? '', country, ...(postcode ? { postcode } : {}) };
  }
  const parts = trimmed
    .split(/\s*(?:\n|,|，|、|،|;)\s*/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.length < 2) return undefined;
  const line1 = parts[0]!;
  let postcode: string | undefined;
  let city: string | undefined;
  for (const part of parts.slice(1)) {
    const match = part.match(POSTCODE);
    if (match && !postcode) {
      postcode = match[0];
      const rest = part.replace(match[0], '').trim();
      if (rest && !city) city = rest;
    } else if (!city && /\p{L}/u.test(part)) {
      city = part;
    }
  }
  if (!city) return undefined;
  return { name, line1, city, country, ...(postcode ? { postcode } : {}) };
}

/** One line: "Calle Mayor 5, 28013 Madrid, ES". */
export function formatAddress(address: ShippingAddress): string {
  return [address.line1, address.line2, [address.postcode, address.city].filter(Boolean).join(' '), address.country].filter(Boolean).join(', ');
}
