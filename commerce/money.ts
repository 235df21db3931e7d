/**
 * Money amounts typed by people ("19.99", "1 299,00" is not accepted: one format, the decimal point) turned into
 * integer minor units of their currency, exactly: no floating point on the way.
 */

const KNOWN_CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** True for an ISO 4217 code this runtime knows (upper case). */
export function isCurrency(code: string): boolean {
  return KNOWN_CURRENCIES.has(code);
}

/**
 * How many decimals the currency's minor unit has: 2 for EUR, 0 for JPY and KRW, 3 for KWD.
 * @example currencyExponent('JPY') // 0
 */
export function currencyExponent(currency: string): number {
  // Building a NumberFormat costs tens of microseconds; imports and cards ask for the same few currencies often.
  let exponent = EXPONENTS.get(currency);
  if (exponent === undefined) {
    exponent = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    if (EXPONENTS.size < 512) EXPONENTS.set(currency, exponent);
  }
  return exponent;
}

const EXPONENTS = new Map<string, number>();

/** The largest price a column holds: PostgreSQL `integer` is 32-bit. */
export const MAX_PRICE_MINOR = 2_147_483_647;

/**
 * An amount in major units ("19.99", 19.99, "20") -> integer minor units of `currency` (1999), or undefined when it
 * is negative, not a plain decimal number, has more decimals than the currency has, or is above `max`.
 * @param max largest result allowed. @defaultValue {@link MAX_PRICE_MINOR}
 * @example toMinorUnits('19.9', 'EUR') // 1990
 */
export function toMinorUnits(amount: string | number, currency: string, max: number = MAX_PRICE_MINOR): number | undefined {
  // String(19.99) is "19.99": JavaScript prints the shortest decimal that reads back as the same number.
  const text = typeof amount === 'number' ? (Number.isFinite(amount) ? String(amount) : '') : amount.trim();
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const exponent = currencyExponent(currency);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > exponent) return undefined;
  const minor = Number(`${match[1]}${fraction.padEnd(exponent, '0')}`);
  return minor <= max ? minor : undefined;
}
