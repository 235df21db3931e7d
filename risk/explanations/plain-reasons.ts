/**
 * Plain-words reasons from the model's feature contributions: the features that pushed the score up the most, each
 * described with its actual value ("3 other accounts used this device", "purchase 4 minutes after sign-up").
 */
import { ENTITY_KINDS, type EntityKind } from '../features/counter-store';
import { categoricalFeature, numericFeature, type CategoricalFeature, type NumericFeature, type RiskFeatures, CATEGORICAL_FEATURES } from '../features/feature-builder';
import type { FeatureContribution } from '../model/risk-model';

/** One reason behind a score. */
export interface RiskReason {
  /** The feature or rule (`device_other_accounts`, `rule:blocked_device`). */
  code: string;
  /** For the agent, in plain words. */
  text: string;
  /** Contribution in log-odds (model reasons; positive raises the risk). */
  weight?: number;
}

const ENTITY_WORDS: Record<EntityKind, string> = {
  device: 'this device',
  ip: 'this IP address',
  payment: 'this payment method',
  address: 'this shipping address',
};

const ACTION_WORDS: Record<string, string> = {
  order: 'orders',
  change_address: 'address changes',
  order_cancel: 'cancellations',
  refund_request: 'refund requests',
  package_not_received: '"not received" claims',
  payment_change: 'payment changes',
};

const REQUEST_WORDS: Record<string, string> = {
  change_address: 'address change',
  order_cancel: 'cancellation',
  refund_request: 'refund request',
  package_not_received: '"not received" claim',
  payment_change: 'payment change',
};

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function round(value: number, digits = 1): string {
  return String(Math.round(value * 10 ** digits) / 10 ** digits);
}

/** A duration in minutes as words. */
export function describeMinutes(minutes: number): string {
  if (minutes < 1) return 'less than a minute';
  if (minutes < 120) return plural(Math.round(minutes), 'minute');
  if (minutes < 48 * 60) return plural(Math.round(minutes / 60), 'hour');
  return plural(Math.round(minutes / 1440), 'day');
}

function describeEntity(kind: EntityKind, counter: string, value: number): string | undefined {
  const what = ENTITY_WORDS[kind];
  if (Number.isNaN(value)) return counter === 'minutes_since_last_seen' ? `${what} was never seen before` : undefined;
  switch (counter) {
    case 'other_accounts':
      return value > 0 ? `${plural(value, 'other account')} used ${what}` : `no other account used ${what}`;
    case 'other_accounts_last_day':
      return `${plural(value, 'other account')} used ${what} in the last day`;
    case 'events_last_hour':
      return `${plural(value, 'order or request', 'orders or requests')} from ${what} in the last hour`;
    case 'events_last_day':
      return `${plural(value, 'order or request', 'orders or requests')} from ${what} in the last day`;
    case 'minutes_since_last_seen':
      return `${what} was last seen ${describeMinutes(value)} ago`;
    case 'other_quick_accounts':
      return `${plural(value, 'other account')} on ${what} bought within minutes of signing up`;
    case 'other_accounts_created_near':
      return `${plural(value, 'other account')} on ${what} ${value === 1 ? 'was' : 'were'} created within an hour of this one`;
    case 'chargebacks':
      return `${plural(value, 'chargeback')} on ${what}`;
    default:
      return undefined;
  }
}

function describeNumeric(name: NumericFeature, value: number): string | undefined {
  for (const kind of ENTITY_KINDS) {
    if (name.startsWith(`${kind}_`)) return describeEntity(kind, name.slice(kind.length + 1), value);
  }
  const missing = Number.isNaN(value);
  switch (name) {
    case 'minutes_since_signup':
      return missing ? undefined : `purchase ${describeMinutes(value)} after sign-up`;
    case 'order_value':
      return missing ? undefined : `order value ${round(value, 2)}`;
    case 'value_store_percentile':
      return missing ? undefined : `order value higher than ${Math.round(value * 100)}% of the store's orders`;
    case 'value_store_zscore':
      return missing ? undefined : `order value ${round(Math.abs(value))} standard deviations ${value >= 0 ? 'above' : 'below'} the store's average`;
    case 'value_vs_customer_mean':
      return missing ? "no earlier orders from this shopper to compare with" : `order value ${round(value)}× the shopper's average`;
    case 'value_vs_customer_max':
      return missing ? undefined : `order value ${round(value)}× the shopper's largest earlier order`;
    case 'customer_orders':
      return value === 0 ? "the shopper's first order" : `the shopper has ${plural(value, 'earlier order')}`;
    case 'customer_orders_last_hour':
      return `${plural(value, 'order')} by this shopper in the last hour`;
    case 'customer_orders_last_day':
      return `${plural(value, 'order')} by this shopper in the last day`;
    case 'customer_address_changes_last_day':
      return `${plural(value, 'address change')} in the last day`;
    case 'customer_refund_requests_last_day':
      return `${plural(value, 'refund request')} in the last day`;
    case 'customer_cancellations_last_day':
      return `${plural(value, 'cancellation')} in the last day`;
    case 'customer_payment_changes_last_day':
      return `${plural(value, 'payment change')} in the last day`;
    case 'customer_not_received_claims':
      return `${plural(value, 'earlier "not received" claim')}`;
    case 'customer_chargebacks':
      return `${plural(value, 'earlier chargeback')}`;
    case 'minutes_since_customer_last_event':
      return missing ? "the shopper's first order or request" : `the shopper's last order or request was ${describeMinutes(value)} ago`;
    case 'ip_country_known':
      return value === 0 ? 'the IP address is not in the country table' : undefined;
    case 'ip_billing_country_mismatch':
      return value === 1 ? 'the IP country differs from the billing country' : undefined;
    case 'ip_shipping_country_mismatch':
      return value === 1 ? 'the IP country differs from the shipping country' : undefined;
    case 'billing_shipping_country_mismatch':
      return value === 1 ? 'billing and shipping countries differ' : undefined;
    case 'disposable_email':
      return value === 1 ? 'the e-mail uses a disposable-mail domain' : undefined;
    case 'hour_of_day':
      return missing ? undefined : `placed at ${String(value).padStart(2, '0')}:00`;
    case 'day_of_week':
      return missing ? undefined : `placed on a ${WEEKDAYS[value] ?? 'day'}`;
    case 'age':
      return missing ? undefined : `shopper aged ${value}`;
    case 'store_orders_last_hour':
      return `${plural(value, 'order')} in the store in the last hour`;
    case 'store_quick_order_share_last_day':
      return missing ? undefined : `${Math.round(value * 100)}% of the store's orders in the last day came within minutes of sign-up`;
    default:
      return undefined;
  }
}

const CATEGORY_WORDS: Record<CategoricalFeature, (value: string) => string> = {
  action: (v) => `request type: ${ACTION_WORDS[v] ? v.replace(/_/g, ' ') : v}`,
  channel: (v) => `channel: ${v}`,
  source: (v) => `traffic source: ${v}`,
  browser: (v) => `browser: ${v}`,
  sex: (v) => `sex: ${v}`,
  age_bucket: (v) => `age group ${v}`,
  ip_country: (v) => (v === 'not in table' ? 'the IP address is not in the country table' : `IP located in ${v}`),
};

/** The plain-words description of a feature's value in `features`, undefined when there is nothing to say. */
export function describeFeature(feature: string, features: RiskFeatures): string | undefined {
  if ((CATEGORICAL_FEATURES as readonly string[]).includes(feature)) {
    const name = feature as CategoricalFeature;
    const value = categoricalFeature(features, name);
    return value === undefined ? undefined : CATEGORY_WORDS[name](value);
  }
  const value = numericFeature(features, feature as NumericFeature);
  const action = categoricalFeature(features, 'action');
  // Only an order is a purchase: for a request about an order, the account's age is at the time of the request.
  if (feature === 'minutes_since_signup' && action !== undefined && action !== 'order' && !Number.isNaN(value)) {
    return `account opened ${describeMinutes(value)} before this ${REQUEST_WORDS[action] ?? 'request'}`;
  }
  return describeNumeric(feature as NumericFeature, value);
}

/**
 * Up to `max` reasons: the features that raised the score the most (contribution above `minWeight` log-odds); when
 * none did, the ones that lowered it the most, so a low score is explained too.
 */
export function topReasons(contributions: readonly FeatureContribution[], features: RiskFeatures, max = 3, minWeight = 0.05): RiskReason[] {
  const describe = (list: readonly FeatureContribution[]): RiskReason[] => {
    const out: RiskReason[] = [];
    for (const { feature, contribution } of list) {
      if (out.length >= max) break;
      const text = describeFeature(feature, features);
      if (text) out.push({ code: feature, text, weight: Math.round(contribution * 1000) / 1000 });
    }
    return out;
  };
  const raising = contributions.filter((c) => c.contribution > minWeight).sort((a, b) => b.contribution - a.contribution);
  if (raising.length) return describe(raising);
  return describe(contributions.filter((c) => c.contribution < -minWeight).sort((a, b) => a.contribution - b.contribution));
}
