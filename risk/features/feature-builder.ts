/**
 * The risk features of one order or request, computed from the request and the counters' snapshot at scoring time.
 * The live scorer and the evaluation command both call {@link RiskFeatureBuilder.build}, so a model is trained on
 * exactly what it is later asked about. Pure: no I/O, no clock (the request carries its time).
 */
import { createHash } from 'node:crypto';
import { ENTITY_KINDS, type CounterEvent, type ValueRank, type CounterSnapshot, type EntityCounts, type EntityKind } from './counter-store';
import { normaliseCountry } from './countries';
import type { DisposableEmailDomains } from './disposable-email-domains';
import { IpCountryMap, integerToIpv4, ipv4ToInteger } from './ip-country-map';
import type { RiskRequest } from './risk-request';

/** Per-entity counters that become features, in order (`<entity>_<counter>`). */
export const ENTITY_COUNTERS = [
  'other_accounts',
  'other_accounts_last_day',
  'events_last_hour',
  'events_last_day',
  'minutes_since_last_seen',
  'other_quick_accounts',
  'other_accounts_created_near',
  'chargebacks',
] as const;

const ENTITY_COUNTER_FIELDS: Record<(typeof ENTITY_COUNTERS)[number], keyof EntityCounts> = {
  other_accounts: 'otherAccounts',
  other_accounts_last_day: 'otherAccountsLastDay',
  events_last_hour: 'eventsLastHour',
  events_last_day: 'eventsLastDay',
  minutes_since_last_seen: 'minutesSinceLastSeen',
  other_quick_accounts: 'otherQuickAccounts',
  other_accounts_created_near: 'otherAccountsCreatedNear',
  chargebacks: 'chargebacks',
};

/** Numeric features, in vector order. `NaN` means missing (XGBoost learns where missing values go). */
export const NUMERIC_FEATURES = [
  'minutes_since_signup',
  'order_value',
  'value_store_percentile',
  'value_store_zscore',
  'value_vs_customer_mean',
  'value_vs_customer_max',
  'customer_orders',
  'customer_orders_last_hour',
  'customer_orders_last_day',
  'customer_address_changes_last_day',
  'customer_refund_requests_last_day',
  'customer_cancellations_last_day',
  'customer_payment_changes_last_day',
  'customer_not_received_claims',
  'customer_chargebacks',
  'minutes_since_customer_last_event',
  ...ENTITY_KINDS.flatMap((kind) => ENTITY_COUNTERS.map((counter) => `${kind}_${counter}` as const)),
  'ip_country_known',
  'ip_billing_country_mismatch',
  'ip_shipping_country_mismatch',
  'billing_shipping_country_mismatch',
  'disposable_email',
  'hour_of_day',
  'day_of_week',
  'age',
  'store_orders_last_hour',
  'store_quick_order_share_last_day',
] as const;

/** One of {@link NUMERIC_FEATURES}. */
export type NumericFeature = (typeof NUMERIC_FEATURES)[number];

/** Categorical features; any value is accepted (unknown ones are encoded as `other`). */
export const CATEGORICAL_FEATURES = ['action', 'channel', 'source', 'browser', 'sex', 'age_bucket', 'ip_country'] as const;

/** One of {@link CATEGORICAL_FEATURES}. */
export type CategoricalFeature = (typeof CATEGORICAL_FEATURES)[number];

/** The features of one request, before encoding. */
export interface RiskFeatures {
  /** Indexed like {@link NUMERIC_FEATURES}. */
  numeric: Float64Array;
  /** Indexed like {@link CATEGORICAL_FEATURES}; undefined is missing. */
  categorical: Array<string | undefined>;
}

const NUMERIC_INDEX = new Map<string, number>(NUMERIC_FEATURES.map((name, i) => [name, i]));

/** The value of a numeric feature by name. */
export function numericFeature(features: RiskFeatures, name: NumericFeature): number {
  return features.numeric[NUMERIC_INDEX.get(name)!]!;
}

/** The value of a categorical feature by name. */
export function categoricalFeature(features: RiskFeatures, name: CategoricalFeature): string | undefined {
  return features.categorical[CATEGORICAL_FEATURES.indexOf(name)];
}

/** Age groups of the `age_bucket` feature. */
export function ageBucket(age: number | undefined): string | undefined {
  if (age === undefined || !Number.isFinite(age)) return undefined;
  if (age < 18) return 'under 18';
  if (age < 25) return '18-24';
  if (age < 35) return '25-34';
  if (age < 45) return '35-44';
  if (age < 55) return '45-54';
  if (age < 65) return '55-64';
  return '65+';
}

/** Normalised entity keys of a request (IPv4 as a dotted quad, the shipping address hashed). */
export function entityKeysOf(request: RiskRequest): Partial<Record<EntityKind, string>> {
  const keys: Partial<Record<EntityKind, string>> = {};
  const device = request.device?.id?.trim();
  if (device) keys.device = device;
  const ip = request.device?.ip?.trim();
  if (ip) {
    const v4 = ipv4ToInteger(ip);
    keys.ip = v4 === undefined ? ip.toLowerCase() : integerToIpv4(v4);
  }
  const payment = request.order?.paymentFingerprint?.trim();
  if (payment) keys.payment = payment;
  const address = request.order?.shippingAddress?.trim();
  if (address) {
    const normal = address.toLowerCase().normalize('NFKC').replace(/[\s,.;#-]+/g, ' ').trim();
    keys.address = createHash('sha1').update(normal).digest('hex');
  }
  return keys;
}

/** What the counters record about a request. */
export function counterEventOf(request: RiskRequest): CounterEvent {
  return {
    workspaceId: request.workspaceId,
    eventId: request.eventId,
    at: request.at,
    action: request.action,
    customerId: request.customer.id,
    customerCreatedAt: request.customer.createdAt,
    ...(request.order ? { value: request.order.value } : {}),
    entities: entityKeysOf(request),
  };
}

/** Minimum store orders before value percentiles and z-scores mean anything. */
const MIN_STORE_ORDERS = 20;

/** Percentile (0..1) of a value from its rank in the store's histogram: orders in lower buckets plus half of its bucket. */
export function rankPercentile(rank: ValueRank): number {
  return rank.total > 0 ? (rank.below + 0.5 * rank.same) / rank.total : Number.NaN;
}

/** Settings of the builder. */
export interface FeatureBuilderOptions {
  /** IP-to-country table of the workspace. @defaultValue an empty map (no countries) */
  ipCountries?: IpCountryMap;
  /** Disposable e-mail domains. @defaultValue none (the `disposable_email` feature is then missing) */
  disposableDomains?: DisposableEmailDomains;
  /** IANA time zone for hour of day and day of week. @defaultValue 'UTC' */
  timeZone?: string;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** See the file comment. */
export class RiskFeatureBuilder {
  private readonly ipCountries: IpCountryMap;
  private readonly disposable: DisposableEmailDomains | undefined;
  private readonly clock: Intl.DateTimeFormat | undefined;

  constructor(options: FeatureBuilderOptions = {}) {
    this.ipCountries = options.ipCountries ?? IpCountryMap.empty();
    this.disposable = options.disposableDomains;
    const zone = options.timeZone ?? 'UTC';
    this.clock = zone === 'UTC' ? undefined : new Intl.DateTimeFormat('en-US', { timeZone: zone, hour: 'numeric', hourCycle: 'h23', weekday: 'short' });
  }

  private hourAndWeekday(at: number): [number, number] {
    if (!this.clock) {
      const date = new Date(at);
      return [date.getUTCHours(), date.getUTCDay()];
    }
    const parts = this.clock.formatToParts(at);
    const hour = Number(parts.find((p) => p.type === 'hour')?.value);
    const weekday = WEEKDAYS.indexOf(parts.find((p) => p.type === 'weekday')?.value ?? '');
    return [hour, weekday];
  }

  /** The features of `request` given the counts of everything before it. */
  build(request: RiskRequest, snapshot: CounterSnapshot): RiskFeatures {
    const numeric = new Float64Array(NUMERIC_FEATURES.length).fill(Number.NaN);
    const set = (name: NumericFeature, value: number): void => {
      numeric[NUMERIC_INDEX.get(name)!] = value;
    };
    const { customer, store } = snapshot;
    set('minutes_since_signup', (request.at - request.customer.createdAt) / 60_000);
    const value = request.order?.value;
    if (value !== undefined) {
      set('order_value', value);
      if (store.orders >= MIN_STORE_ORDERS) {
        set('value_store_percentile', rankPercentile(store.valueRank));
        const mean = store.valueSum / store.orders;
        const variance = Math.max(0, store.valueSumSquares / store.orders - mean * mean);
        if (variance > 0) set('value_store_zscore', (value - mean) / Math.sqrt(variance));
      }
      if (customer.orders > 0) {
        set('value_vs_customer_mean', value / Math.max(1e-9, customer.valueSum / customer.orders));
        set('value_vs_customer_max', value / Math.max(1e-9, customer.maxValue));
      }
    }
    set('customer_orders', customer.orders);
    set('customer_orders_last_hour', customer.lastHour.order ?? 0);
    set('customer_orders_last_day', customer.lastDay.order ?? 0);
    set('customer_address_changes_last_day', customer.lastDay.change_address ?? 0);
    set('customer_refund_requests_last_day', customer.lastDay.refund_request ?? 0);
    set('customer_cancellations_last_day', customer.lastDay.order_cancel ?? 0);
    set('customer_payment_changes_last_day', customer.lastDay.payment_change ?? 0);
    set('customer_not_received_claims', customer.notReceivedClaims);
    set('customer_chargebacks', customer.chargebacks);
    set('minutes_since_customer_last_event', customer.minutesSinceLastEvent);
    for (const kind of ENTITY_KINDS) {
      const counts = snapshot.entities[kind];
      if (!counts) continue;
      for (const counter of ENTITY_COUNTERS) set(`${kind}_${counter}`, counts[ENTITY_COUNTER_FIELDS[counter]]);
    }
    const ip = request.device?.ip;
    const ipCountry = ip ? this.ipCountries.lookup(ip) : undefined;
    const ipKey = ipCountry === undefined ? undefined : normaliseCountry(ipCountry);
    if (ip) set('ip_country_known', ipCountry === undefined ? 0 : 1);
    const billing = request.order?.billingCountry ? normaliseCountry(request.order.billingCountry) : undefined;
    const shipping = request.order?.shippingCountry ? normaliseCountry(request.order.shippingCountry) : undefined;
    if (ipKey && billing) set('ip_billing_country_mismatch', ipKey === billing ? 0 : 1);
    if (ipKey && shipping) set('ip_shipping_country_mismatch', ipKey === shipping ? 0 : 1);
    if (billing && shipping) set('billing_shipping_country_mismatch', billing === shipping ? 0 : 1);
    if (request.customer.email && this.disposable) set('disposable_email', this.disposable.isDisposable(request.customer.email) ? 1 : 0);
    const [hour, weekday] = this.hourAndWeekday(request.at);
    set('hour_of_day', hour);
    set('day_of_week', weekday);
    if (request.customer.age !== undefined) set('age', request.customer.age);
    set('store_orders_last_hour', store.ordersLastHour);
    if (store.ordersLastDay > 0) set('store_quick_order_share_last_day', store.quickOrdersLastDay / store.ordersLastDay);
    const categorical: Array<string | undefined> = [
      request.action,
      clean(request.channel),
      clean(request.source),
      clean(request.device?.browser),
      clean(request.customer.sex),
      ageBucket(request.customer.age),
      ipKey ?? (ip && this.ipCountries.size > 0 ? 'not in table' : undefined),
    ];
    return { numeric, categorical };
  }
}

function clean(value: string | undefined): string | undefined {
  const text = value?.trim();
  return text ? text : undefined;
}
