/**
 * Where the shopper is and which currency they pay in, from what the platform already knows: the country of their
 * latest order's delivery address (where things reach them), the country code of their phone (WhatsApp numbers,
 * a phone on the customer record), the region of the locale their browser or app reports (`es-ES`), and last the
 * region a language most often stands for. The currency follows the country.
 */
import { findPhones, regionOfLanguage } from '../../../nlu/entities';
import { messagePayload } from '../conversation-store';
import type { Turn } from './skill';

/** The shopper's country and currency, and where the country came from (for logs and tests). */
export interface ShopperPlace {
  /** ISO 3166-1 alpha-2; undefined when nothing hints at one. */
  country?: string;
  /** ISO 4217. */
  currency: string;
  source: 'order' | 'phone' | 'locale' | 'language' | 'none';
}

const EURO_COUNTRIES = ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SK', 'SI', 'AD', 'MC', 'SM', 'VA', 'ME', 'XK'];
const CURRENCIES: Readonly<Record<string, string>> = {
  ...Object.fromEntries(EURO_COUNTRIES.map((country) => [country, 'EUR'])),
  US: 'USD', PR: 'USD', EC: 'USD', SV: 'USD', PA: 'USD', GB: 'GBP', CH: 'CHF', LI: 'CHF', CA: 'CAD', AU: 'AUD', NZ: 'NZD',
  MX: 'MXN', BR: 'BRL', AR: 'ARS', CL: 'CLP', CO: 'COP', PE: 'PEN', UY: 'UYU', JP: 'JPY', CN: 'CNY', HK: 'HKD', TW: 'TWD',
  KR: 'KRW', IN: 'INR', SG: 'SGD', SE: 'SEK', NO: 'NOK', DK: 'DKK', IS: 'ISK', PL: 'PLN', CZ: 'CZK', HU: 'HUF', RO: 'RON',
  BG: 'BGN', TR: 'TRY', RU: 'RUB', UA: 'UAH', KZ: 'KZT', SA: 'SAR', AE: 'AED', QA: 'QAR', KW: 'KWD', BH: 'BHD', OM: 'OMR',
  JO: 'JOD', EG: 'EGP', MA: 'MAD', IL: 'ILS', ZA: 'ZAR', NG: 'NGN', TH: 'THB', VN: 'VND', ID: 'IDR', MY: 'MYR', PH: 'PHP',
};

/**
 * The currency of a country, or `fallback` for a country not in the table.
 * @example currencyOfCountry('ES') // 'EUR'
 */
export function currencyOfCountry(country: string | undefined, fallback = 'EUR'): string {
  return (country && CURRENCIES[country.toUpperCase()]) ?? fallback;
}

/** The region of a locale tag with one (`es-ES` -> `ES`, `zh-Hant-TW` -> `TW`); undefined for `es`. */
export function regionOfLocale(locale: string | undefined): string | undefined {
  const region = locale?.split(/[-_]/).slice(1).find((part) => /^[A-Za-z]{2}$/.test(part));
  return region?.toUpperCase();
}

/** The country of a phone number written with or without `+` (WhatsApp ids are digits only). */
function phoneCountry(phone: string | null | undefined): string | undefined {
  if (!phone) return undefined;
  const digits = phone.replace(/[^\d+]/g, '');
  if (digits.replace(/\D/g, '').length < 8) return undefined;
  const found = findPhones(digits.startsWith('+') ? digits : `+${digits}`)[0];
  return found?.value.country;
}

/** See the file comment. `fallbackCurrency` is used when no country is known or the table lacks it. */
export async function shopperPlace(turn: Turn, fallbackCurrency = 'EUR'): Promise<ShopperPlace> {
  const place = (country: string | undefined, source: ShopperPlace['source']): ShopperPlace | undefined =>
    country ? { country, currency: currencyOfCountry(country, fallbackCurrency), source } : undefined;
  const { conversation } = turn;
  const commerce = turn.services.commerce;
  if (commerce) {
    const [latest] = await commerce.ordersOfCustomer(conversation.workspace_id, conversation.customer_id, 1).catch(() => []);
    const fromOrder = place(latest?.shippingAddress?.country?.toUpperCase(), 'order');
    if (fromOrder) return fromOrder;
  }
  const whatsapp = conversation.channel.startsWith('whatsapp') ? phoneCountry(conversation.conversation_key) : undefined;
  const customerPhone = whatsapp ?? (commerce ? phoneCountry((await commerce.getCustomer(conversation.workspace_id, conversation.customer_id).catch(() => undefined))?.phone) : undefined);
  return (
    place(customerPhone, 'phone') ??
    place(regionOfLocale(messagePayload(turn.message).locale), 'locale') ??
    place(regionOfLanguage(turn.language), 'language') ?? { currency: fallbackCurrency, source: 'none' }
  );
}
