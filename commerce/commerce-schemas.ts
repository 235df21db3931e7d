/** Validation shared by the store, the importer and the routes: addresses, currencies, countries, attributes. */
import { isValid as isCountryCode } from 'i18n-iso-countries';
import { z } from 'zod';
import { isCurrency } from './money';

/** Optional text: absent, `null` and `""` all mean "not given"; otherwise trimmed and at most `max` characters. */
export function optionalText(max: number) {
  return z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z.string().trim().max(max).optional(),
  );
}

/** Required text, trimmed, 1..`max` characters. */
export function requiredText(max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`);
}

/** ISO 4217 currency code, any case in, upper case out. */
export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => code.length === 3 && isCurrency(code), 'must be an ISO 4217 currency code such as EUR or USD');

/** ISO 3166-1 alpha-2 country code, any case in, upper case out. */
export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((code) => code.length === 2 && isCountryCode(code), 'must be an ISO 3166-1 alpha-2 country code such as DE or CN');

/**
 * A language tag as the catalogue stores it: ISO 639-1/2 with an optional region or script, any case in, lower case
 * out (`es`, `pt-BR` -> `pt-br`, `zh-Hant` -> `zh-hant`).
 */
export const languageSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/, 'must be a language code such as en, es or pt-BR');

/** A shipping address. Unknown keys are refused so a misspelt field ("postCode") is not silently dropped. */
export const shippingAddressSchema = z
  .object({
    name: requiredText(200),
    line1: requiredText(300),
    line2: optionalText(300),
    postcode: optionalText(20),
    city: requiredText(100),
    region: optionalText(100),
    country: countrySchema,
    phone: optionalText(32),
  })
  .strict();

/** Product attributes: names to a string, number, boolean or list of strings (sizes, colours). */
export const attributesSchema = z.record(
  z.string().trim().min(1).max(64),
  z.union([z.string().max(500), z.number(), z.boolean(), z.array(z.string().max(100)).max(100)]),
);

/** Who made a change: `bot:<conversation id>`, `admin`, `import`... */
export const actorSchema = requiredText(100);

/** An e-mail address, trimmed and lower-cased (the store compares addresses case-insensitively). */
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email('must be an e-mail address').max(320));
