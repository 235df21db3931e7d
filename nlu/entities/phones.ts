/**
 * Phone numbers, found and validated by libphonenumber-js with full metadata: only numbers that are valid for
 * their region are reported, so sizes, quantities and most order numbers never qualify.
 */
import { findNumbers, isSupportedCountry, type CountryCode } from 'libphonenumber-js/max';
import type { EntityOf } from './entity';
import { regionOfLanguage } from './language-regions';

/** Options of {@link findPhones}. */
export interface PhoneSearchOptions {
  /** Region for numbers written without `+` (ISO alpha-2). Wins over `language`. */
  defaultCountry?: string;
  /** Shopper language; its usual region is the fallback hint (`es` -> ES, `pt` -> BR, `zh` -> CN). */
  language?: string;
}

// libphonenumber accepts some dates as numbers ("2025-03-12" is a valid German landline); dates win.
const DATE_SHAPE = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})$/;
// A phone number is at least 7 digits in one run, with at most two separators between digits; messages without
// such a run skip libphonenumber, the second most expensive step of extraction.
const PHONE_LIKE_RUN = /\d(?:[\s().\-/]{0,2}\d){6,}/;

function regionHint(options: PhoneSearchOptions): CountryCode | undefined {
  const candidate = options.defaultCountry?.toUpperCase() ?? regionOfLanguage(options.language);
  return candidate && isSupportedCountry(candidate) ? candidate : undefined;
}

/**
 * Finds valid phone numbers; the value has the E.164 form and the number's region.
 * @example findPhones('call me at 612 34 56 78', { language: 'es' })[0].value // { e164: '+34612345678', country: 'ES' }
 */
export function findPhones(text: string, options: PhoneSearchOptions = {}): Array<EntityOf<'phone'>> {
  if (!PHONE_LIKE_RUN.test(text)) return [];
  const found: Array<EntityOf<'phone'>> = [];
  const defaultCountry = regionHint(options);
  for (const match of findNumbers(text, { defaultCountry, v2: true })) {
    const raw = text.slice(match.startsAt, match.endsAt);
    if (DATE_SHAPE.test(raw) || !match.number.isValid()) continue;
    const value = match.number.country
      ? { e164: match.number.number, country: match.number.country }
      : { e164: match.number.number };
    found.push({ type: 'phone', text: raw, start: match.startsAt, end: match.endsAt, value });
  }
  return found;
}
