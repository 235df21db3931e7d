import {
  DisposableEmailDomains,
  IpCountryMap,
  MemoryCounterStore,
  RiskFeatureBuilder,
  counterEventOf,
  entityKeysOf,
  type RiskRequest,
} from '../../../risk';
import { categoricalFeature, numericFeature } from '../../../risk/features/feature-builder';
import { replayFeatures } from '../../../risk/evaluation/replay';
import { orderRequest } from '../risk-fixtures';

const MIN = 60_000;
const T0 = Date.UTC(2025, 0, 15, 12, 0);
const ipCountries = IpCountryMap.fromRanges([
  [3221225472, 3221225727, 'Germany'], // 192.0.0.0/24
  [3221226240, 3221226495, 'Nigeria'], // 192.0.3.0/24
]);

describe('RiskFeatureBuilder', () => {
  const builder = new RiskFeatureBuilder({ ipCountries, disposableDomains: new DisposableEmailDomains(['mailinator.com']) });

  describe('when requests are replayed in time order', () => {
    const requests: RiskRequest[] = [
      // Given out of order on purpose: the replay sorts by time.
      orderRequest({ eventId: 'late', at: T0 + 30 * MIN, customer: { id: 'c3', createdAt: T0 + 29 * MIN } }),
      orderRequest({ eventId: 'first', at: T0, customer: { id: 'c1', createdAt: T0 - 86_400_000 } }),
      orderRequest({ eventId: 'second', at: T0 + 5 * MIN, customer: { id: 'c2', createdAt: T0 + 4 * MIN } }),
    ];

    it('gives each request the counts of the requests strictly before it', async () => {
      const features = await replayFeatures(requests, new MemoryCounterStore(), builder);
      expect(numericFeature(features[1]!, 'device_other_accounts')).toBe(0);
      expect(numericFeature(features[2]!, 'device_other_accounts')).toBe(1);
      expect(numericFeature(features[0]!, 'device_other_accounts')).toBe(2);
      expect(numericFeature(features[0]!, 'device_other_quick_accounts')).toBe(1);
      expect(numericFeature(features[0]!, 'device_events_last_hour')).toBe(2);
    });

    it('never lets a request see itself or anything after it', async () => {
      const alone = await replayFeatures([requests[1]!], new MemoryCounterStore(), builder);
      const together = await replayFeatures(requests, new MemoryCounterStore(), builder);
      expect(Array.from(together[1]!.numeric)).toEqual(Array.from(alone[0]!.numeric));
    });
  });

  describe('when a request is built', () => {
    async function build(request: RiskRequest) {
      const snapshot = await new MemoryCounterStore().observe(counterEventOf(request));
      return builder.build(request, snapshot);
    }

    it('measures time from sign-up, hour and weekday', async () => {
      const features = await build(orderRequest({ at: T0, customer: { id: 'c', createdAt: T0 - 4 * MIN } }));
      expect(numericFeature(features, 'minutes_since_signup')).toBe(4);
      expect(numericFeature(features, 'hour_of_day')).toBe(12);
      expect(numericFeature(features, 'day_of_week')).toBe(3); // 15 January 2025 was a Wednesday
    });

    it('compares the IP country with the billing and shipping countries', async () => {
      const features = await build(orderRequest({ device: { ip: '192.0.3.9' }, order: { value: 10, billingCountry: 'DE', shippingCountry: 'Germany' } }));
      expect(numericFeature(features, 'ip_billing_country_mismatch')).toBe(1);
      expect(numericFeature(features, 'ip_shipping_country_mismatch')).toBe(1);
      expect(numericFeature(features, 'billing_shipping_country_mismatch')).toBe(0);
      expect(categoricalFeature(features, 'ip_country')).toBe('NG');
    });

    it('flags disposable e-mail domains, sub-domains included', async () => {
      const features = await build(orderRequest({ customer: { id: 'c', createdAt: T0 - MIN, email: 'x@eu.mailinator.com' } }));
      expect(numericFeature(features, 'disposable_email')).toBe(1);
    });

    it('leaves what it does not know missing instead of guessing', async () => {
      const request: RiskRequest = { workspaceId: 'w', action: 'refund_request', eventId: 'r', at: T0, customer: { id: 'c', createdAt: T0 - MIN } };
      const features = await build(request);
      expect(numericFeature(features, 'order_value')).toBeNaN();
      expect(numericFeature(features, 'device_other_accounts')).toBeNaN();
      expect(numericFeature(features, 'disposable_email')).toBeNaN();
      expect(numericFeature(features, 'ip_country_known')).toBeNaN();
      expect(categoricalFeature(features, 'browser')).toBeUndefined();
      expect(categoricalFeature(features, 'action')).toBe('refund_request');
    });

    it('buckets the age and keeps any category as given', async () => {
      const features = await build(orderRequest({ customer: { id: 'c', createdAt: T0 - MIN, age: 19, sex: 'X' }, device: { browser: 'Brave' } }));
      expect(categoricalFeature(features, 'age_bucket')).toBe('18-24');
      expect(categoricalFeature(features, 'sex')).toBe('X');
      expect(categoricalFeature(features, 'browser')).toBe('Brave');
    });

    it('reads hour and weekday in the workspace time zone', async () => {
      const tokyo = new RiskFeatureBuilder({ timeZone: 'Asia/Tokyo' });
      const request = orderRequest({ at: Date.UTC(2025, 0, 15, 20, 0) });
      const features = tokyo.build(request, await new MemoryCounterStore().observe(counterEventOf(request)));
      expect(numericFeature(features, 'hour_of_day')).toBe(5);
      expect(numericFeature(features, 'day_of_week')).toBe(4);
    });
  });

  describe('entity keys', () => {
    it('normalise IPs and hash shipping addresses', () => {
      const keys = entityKeysOf(orderRequest({ device: { id: ' d ', ip: '3221225985' }, order: { value: 1, shippingAddress: '1 Main St., Springfield' } }));
      expect(keys.device).toBe('d');
      expect(keys.ip).toBe('192.0.2.1');
      expect(keys.address).toMatch(/^[0-9a-f]{40}$/);
      expect(entityKeysOf(orderRequest({ order: { value: 1, shippingAddress: '1 main st springfield' } })).address).toBe(keys.address);
    });
  });
});
