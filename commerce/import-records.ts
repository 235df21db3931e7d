/**
 * The import's validation: one JSON-shaped product or order at a time -> a normalised record (money in minor units,
 * times in epoch milliseconds, order number upper case) or the list of what is wrong with it, field by field.
 */
import { z } from 'zod';
import {
  attributesSchema,
  countrySchema,
  currencySchema,
  emailSchema,
  languageSchema,
  optionalText,
  requiredText,
  shippingAddressSchema,
} from './commerce-schemas';
import { ORDER_STATUSES, type OrderStatus, type ProductAttributes, type ShippingAddress } from './commerce-types';
import { toMinorUnits } from './money';
import { normalizeOrderNumber } from './order-numbers';

/** A product ready to be written. */
export interface ProductRecord {
  sku: string;
  name: string;
  description: string | null;
  category: string | null;
  priceMinor: number;
  currency: string;
  stock: number;
  attributes: ProductAttributes;
  url: string | null;
  imageUrl: string | null;
  brand: string | null;
  /** Language of `name` and `description`; null: the workspace's default language. */
  language: string | null;
  /** False: withdrawn from sale (kept for order history and training). */
  active: boolean;
  /** Countries it ships to (ISO alpha-2); null: everywhere; undefined: not given, the product keeps what it has. */
  shipsTo?: string[] | null;
  /** Name and description per other language; undefined: not given, the product keeps what it has. */
  translations?: ProductTranslationRecord[];
  /** Prices in other currencies than `currency`; undefined: not given, the product keeps what it has. */
  prices?: ProductPriceRecord[];
}

/** A product's texts in one more language. */
export interface ProductTranslationRecord {
  language: string;
  name: string;
  description: string | null;
}

/** A product's price in one more currency, in its minor units. */
export interface ProductPriceRecord {
  currency: string;
  priceMinor: number;
}

/** An order line ready to be written; `name` null means "take the catalogue's name, else the sku". */
export interface OrderLineRecord {
  sku: string;
  name: string | null;
  quantity: number;
  unitPriceMinor: number;
}

/** An order ready to be written. */
export interface OrderRecord {
  orderNumber: string;
  email: string;
  customerName: string | null;
  phone: string | null;
  status: OrderStatus;
  currency: string;
  items: OrderLineRecord[];
  totalMinor: number;
  carrier: string | null;
  trackingNumber: string | null;
  placedAt: number;
  shippedAt: number | null;
  expectedDeliveryAt: number | null;
  deliveredAt: number | null;
  shippingAddress: ShippingAddress | null;
}

/** One problem of one input field; `field` is a path into the JSON-shaped input (`items.1.quantity`). */
export interface FieldIssue {
  field: string;
  message: string;
}

/** A parsed record or its problems. */
export type Checked<T> = { ok: true; record: T } | { ok: false; issues: FieldIssue[] };

const amount = z.union([z.number().nonnegative('must not be negative'), z.string().trim().min(1, 'is required')], {
  error: 'must be an amount such as 19.99',
});

const optionalUrl = z.preprocess(
  (value) => (value === '' || value === null ? undefined : value),
  z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(2048).optional(),
);

/** ISO 8601 text (`2024-05-01`, `2024-05-01T10:00:00Z`) or epoch milliseconds. */
const timestamp = z.union([z.number().int().min(0), z.string().trim().min(1)]).transform((value, ctx) => {
  const ms = typeof value === 'number' ? value : Date.parse(value);
  if (!Number.isFinite(ms)) {
    ctx.addIssue({ code: 'custom', message: 'must be a date such as 2024-05-01 or 2024-05-01T10:00:00Z' });
    return z.NEVER;
  }
  return ms;
});
const optionalTimestamp = z.preprocess((value) => (value === '' || value === null ? undefined : value), timestamp.optional());

/** Status in any case, with spaces or dashes for underscores ("In transit" -> `in_transit`). */
const status = z
  .string()
  .trim()
  .toLowerCase()
  .transform((value) => value.replace(/[\s-]+/g, '_'))
  .pipe(z.enum(ORDER_STATUSES as [OrderStatus, ...OrderStatus[]], { error: `must be one of ${ORDER_STATUSES.join(', ')}` }));

const orderNumber = z
  .string()
  .trim()
  .refine((value) => normalizeOrderNumber(value) !== undefined, 'must be 1 to 64 letters, digits, "-" or "_"')
  .transform((value) => normalizeOrderNumber(value) ?? value);

const translationInputSchema = z
  .object({ name: requiredText(300), description: optionalText(5000) })
  .strict();

/** `{"es": {"name": ..., "description": ...}, ...}`: the product's texts in other languages. */
const translationsInputSchema = z
  .record(z.string(), translationInputSchema, { error: 'must be an object of languages, such as {"es": {"name": "Camiseta"}}' })
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!languageSchema.safeParse(key).success) ctx.addIssue({ code: 'custom', path: [key], message: 'is not a language code such as es or pt-BR' });
    }
  });

/** `{"USD": "29.90", ...}`: prices in other currencies, in major units. */
const pricesInputSchema = z
  .record(z.string(), amount, { error: 'must be an object of currencies, such as {"USD": "29.90"}' })
  .superRefine((value, ctx) => {
    for (const key of Object.keys(value)) {
      if (!currencySchema.safeParse(key).success) ctx.addIssue({ code: 'custom', path: [key], message: 'is not an ISO 4217 currency code such as USD' });
    }
  });

/** Countries the product ships to; `null` or `[]`: everywhere. */
const shipsToInputSchema = z
  .array(countrySchema, { error: 'must be a list of country codes such as ["DE", "FR"], or null for everywhere' })
  .max(250)
  .nullable();

/** A product as JSON imports (and CSV rows, once mapped) give it; `price` in major units. */
export const productInputSchema = z
  .object({
    sku: requiredText(64),
    name: requiredText(300),
    description: optionalText(5000),
    category: optionalText(100),
    price: amount,
    currency: currencySchema,
    stock: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(0).max(1_000_000_000).default(0),
    attributes: attributesSchema.default({}),
    url: optionalUrl,
    imageUrl: optionalUrl,
    brand: optionalText(100),
    /** Language of name and description; absent: the workspace's default language. */
    language: z.preprocess((value) => (value === '' || value === null ? undefined : value), languageSchema.optional()),
    active: z.boolean({ error: 'must be true or false' }).default(true),
    shipsTo: shipsToInputSchema.optional(),
    translations: translationsInputSchema.optional(),
    prices: pricesInputSchema.optional(),
  })
  .strict();

const orderItemInputSchema = z
  .object({
    sku: requiredText(64),
    name: optionalText(300),
    quantity: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1).max(100_000),
    unitPrice: amount,
  })
  .strict();

/** An order as JSON imports (and grouped CSV rows, once mapped) give it; prices in major units. */
export const orderInputSchema = z
  .object({
    orderNumber,
    email: emailSchema,
    customerName: optionalText(200),
    phone: optionalText(32),
    status,
    currency: currencySchema,
    items: z.array(orderItemInputSchema).min(1, 'an order needs at least one line').max(1000),
    /** Defaults to the sum of the lines (shipping and discounts included only when given). */
    total: amount.optional(),
    carrier: optionalText(100),
    trackingNumber: optionalText(100),
    placedAt: timestamp,
    shippedAt: optionalTimestamp,
    expectedDeliveryAt: optionalTimestamp,
    deliveredAt: optionalTimestamp,
    shippingAddress: shippingAddressSchema.nullable().optional(),
  })
  .strict();

function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : ''),
    message: issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message,
  }));
}

function money(value: string | number, currency: string, field: string, issues: FieldIssue[], max?: number): number {
  const minor = toMinorUnits(value, currency, max);
  if (minor === undefined) issues.push({ field, message: `must be an amount in ${currency} with at most its number of decimals, such as 19.99` });
  return minor ?? 0;
}

/** Validates one product. */
export function checkProduct(input: unknown): Checked<ProductRecord> {
  const parsed = productInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const p = parsed.data;
  const issues: FieldIssue[] = [];
  const priceMinor = money(p.price, p.currency, 'price', issues);
  const prices = p.prices
    ? Object.entries(p.prices).map(([code, value]) => {
        const currency = code.toUpperCase();
        if (currency === p.currency) issues.push({ field: `prices.${code}`, message: `is the product's own currency; its price is "price"` });
        return { currency, priceMinor: money(value, currency, `prices.${code}`, issues) };
      })
    : undefined;
  const translations = p.translations
    ? Object.entries(p.translations).map(([language, text]) => ({
        language: language.toLowerCase(),
        name: text.name,
        description: text.description ?? null,
      }))
    : undefined;
  for (const [list, what] of [[translations?.map((t) => t.language), 'translations'], [prices?.map((x) => x.currency), 'prices']] as const) {
    const repeated = list?.find((key, index) => list.indexOf(key) !== index);
    if (repeated) issues.push({ field: what, message: `names ${repeated} twice (keys differ only in case)` });
  }
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    record: {
      sku: p.sku,
      name: p.name,
      description: p.description ?? null,
      category: p.category ?? null,
      priceMinor,
      currency: p.currency,
      stock: p.stock,
      attributes: p.attributes,
      url: p.url ?? null,
      imageUrl: p.imageUrl ?? null,
      brand: p.brand ?? null,
      language: p.language ?? null,
      active: p.active,
      ...(p.shipsTo !== undefined ? { shipsTo: p.shipsTo && p.shipsTo.length ? [...new Set(p.shipsTo)].sort() : null } : {}),
      ...(translations ? { translations } : {}),
      ...(prices ? { prices } : {}),
    },
  };
}

/** Validates one order; lines are priced in the order's currency. */
export function checkOrder(input: unknown): Checked<OrderRecord> {
  const parsed = orderInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: zodIssues(parsed.error) };
  const o = parsed.data;
  const issues: FieldIssue[] = [];
  const items = o.items.map((item, index) => ({
    sku: item.sku,
    name: item.name ?? null,
    quantity: item.quantity,
    unitPriceMinor: money(item.unitPrice, o.currency, `items.${index}.unitPrice`, issues),
  }));
  const linesTotal = items.reduce((sum, item) => sum + item.quantity * item.unitPriceMinor, 0);
  const totalMinor = o.total === undefined ? linesTotal : money(o.total, o.currency, 'total', issues, Number.MAX_SAFE_INTEGER);
  if (totalMinor > Number.MAX_SAFE_INTEGER) issues.push({ field: 'total', message: 'is too large' });
  if (issues.length) return { ok: false, issues };
  return {
    ok: true,
    record: {
      orderNumber: o.orderNumber,
      email: o.email,
      customerName: o.customerName ?? null,
      phone: o.phone ?? null,
      status: o.status,
      currency: o.currency,
      items,
      totalMinor,
      carrier: o.carrier ?? null,
      trackingNumber: o.trackingNumber ?? null,
      placedAt: o.placedAt,
      shippedAt: o.shippedAt ?? null,
      expectedDeliveryAt: o.expectedDeliveryAt ?? null,
      deliveredAt: o.deliveredAt ?? null,
      shippingAddress: o.shippingAddress ?? null,
    },
  };
}
