/**
 * The entity model shared by every extractor: a typed span of the shopper's message. Offsets are UTF-16 code
 * unit indexes into the original string (what `String.prototype.slice` takes), `end` exclusive.
 */

/** Kinds of entity the extractor finds. */
export type EntityType =
  | 'order_number'
  | 'tracking_number'
  | 'email'
  | 'phone'
  | 'money'
  | 'date'
  | 'country'
  | 'product';

/** Value of an order or tracking number. */
export interface CodeValue {
  /** Upper case, without `#`, spaces or the surrounding words ("order #a1b2c3" -> `A1B2C3`). */
  normalized: string;
  /** Carrier slug for tracking numbers (`ups`, `usps`, `fedex`, `dhl`, `sf-express`, `cainiao`, `upu`). */
  carrier?: string;
}

/** Value of an e-mail address. */
export interface EmailValue {
  /** The address with its domain in lower case (local parts are case-sensitive in principle). */
  address: string;
}

/** Value of a phone number. */
export interface PhoneValue {
  /** E.164 form, e.g. `+14155552671`. */
  e164: string;
  /** ISO 3166-1 alpha-2 region of the number, when it can be told. */
  country?: string;
}

/** Value of an amount of money. */
export interface MoneyValue {
  /** The amount in major units (`1.299,00 EUR` -> 1299). */
  amount: number;
  /** ISO 4217 currency code. */
  currency: string;
}

/** Value of a calendar date. */
export interface DateValue {
  /** ISO `yyyy-mm-dd`, in the calendar of the reference date's local time zone. */
  date: string;
  /** True when the text names the date relative to the reference date ("yesterday", "in 2 weeks", "明天"). */
  relative: boolean;
}

/** Value of a country mention. */
export interface CountryValue {
  /** ISO 3166-1 alpha-2 code. */
  code: string;
}

/** Value of a catalogue product mention. */
export interface ProductValue {
  /** Catalogue id of the product. */
  productId: string;
  /** The product's SKU, when it has one. */
  sku?: string;
  /** The product's catalogue name. */
  name: string;
  /** Match quality in (0, 1]; 1 for an exact SKU. */
  score: number;
}

/** Value shape of each entity type. */
export interface EntityValues {
  order_number: CodeValue;
  tracking_number: CodeValue;
  email: EmailValue;
  phone: PhoneValue;
  money: MoneyValue;
  date: DateValue;
  country: CountryValue;
  product: ProductValue;
}

/** An entity of one given type; `Entity` is the union over all types, so `switch (e.type)` narrows `value`. */
export interface EntityOf<T extends EntityType> {
  type: T;
  /** The span as written in the message. */
  text: string;
  /** Start offset (UTF-16 code units) in the message. */
  start: number;
  /** End offset (exclusive). */
  end: number;
  value: EntityValues[T];
}

/**
 * An entity found in a message.
 * @example
 * const e: Entity = { type: 'money', text: '$25', start: 7, end: 10, value: { amount: 25, currency: 'USD' } };
 */
export type Entity = { [T in EntityType]: EntityOf<T> }[EntityType];
