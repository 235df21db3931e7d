import { DisposableEmailDomains, IpCountryMap, RiskRuleError, RiskRules } from '../../../risk';
import { orderRequest } from '../risk-fixtures';

const ipCountries = IpCountryMap.fromRanges([[3221226240, 3221226495, 'Nigeria']]); // 192.0.3.0/24

describe('RiskRules', () => {
  describe('when nothing is blocked', () => {
    it('finds no hit', () => {
      expect(new RiskRules({}).evaluate(orderRequest())).toEqual([]);
    });
  });

  describe('blocklists', () => {
    const rules = new RiskRules(
      {
        blockedEmails: ['Fraud@Example.com'],
        blockedEmailDomains: ['bad.example'],
        blockedDevices: ['dev-evil'],
        blockedIps: ['198.51.100.7', '203.0.113.0/24'],
        blockedCountries: ['NG'],
      },
      { ipCountries },
    );

    it.each([
      ['an e-mail address (any case)', orderRequest({ customer: { id: 'c', createdAt: 0, email: 'fraud@example.COM' } }), 'blocked_email'],
      ['an e-mail domain and its sub-domains', orderRequest({ customer: { id: 'c', createdAt: 0, email: 'a@mx.bad.example' } }), 'blocked_email_domain'],
      ['a device', orderRequest({ device: { id: 'dev-evil' } }), 'blocked_device'],
      ['an exact IP', orderRequest({ device: { ip: '198.51.100.7' } }), 'blocked_ip'],
      ['an IP inside a CIDR range', orderRequest({ device: { ip: '203.0.113.200' } }), 'blocked_ip'],
      ['an IP in a blocked country', orderRequest({ device: { ip: '192.0.3.1' } }), 'blocked_country'],
      ['a shipping country given by name', orderRequest({ order: { value: 5, shippingCountry: 'Nigeria' } }), 'blocked_country'],
    ])('declines %s, naming the rule', (_what, request, rule) => {
      const hits = rules.evaluate(request);
      expect(hits.map((h) => h.rule)).toContain(rule);
      expect(hits.find((h) => h.rule === rule)).toMatchObject({ decision: 'decline', reason: expect.any(String) });
    });

    it('lets a neighbouring IP through', () => {
      expect(rules.evaluate(orderRequest({ device: { ip: '203.0.114.1' } }))).toEqual([]);
    });
  });

  describe('value limits', () => {
    const rules = new RiskRules({ reviewAboveValue: 500, declineAboveValue: 2000 });

    it('reviews above the review limit and declines above the decline limit', () => {
      expect(rules.evaluate(orderRequest({ order: { value: 800 } }))).toEqual([
        { rule: 'value_review_limit', decision: 'review', reason: 'the order value 800 is above the review limit of 500' },
      ]);
      expect(rules.evaluate(orderRequest({ order: { value: 2500 } }))[0]).toMatchObject({ rule: 'value_limit', decision: 'decline' });
      expect(rules.evaluate(orderRequest({ order: { value: 500 } }))).toEqual([]);
    });
  });

  describe('disposable e-mail', () => {
    it('forces the configured decision only when asked to', () => {
      const disposableDomains = new DisposableEmailDomains(['mailinator.com']);
      const request = orderRequest({ customer: { id: 'c', createdAt: 0, email: 'x@mailinator.com' } });
      expect(new RiskRules({}, { disposableDomains }).evaluate(request)).toEqual([]);
      expect(new RiskRules({ disposableEmail: 'review' }, { disposableDomains }).evaluate(request)[0]).toMatchObject({ rule: 'disposable_email', decision: 'review' });
    });
  });

  it('lists declines before reviews', () => {
    const rules = new RiskRules({ reviewAboveValue: 10, blockedDevices: ['dev-1'] });
    expect(rules.evaluate(orderRequest()).map((h) => h.decision)).toEqual(['decline', 'review']);
  });

  it('refuses a malformed range with how to write it', () => {
    expect(() => new RiskRules({ blockedIps: ['300.1.1.1/24'] })).toThrow(new RiskRuleError('"300.1.1.1/24" is not an IPv4 range; write it like 203.0.113.0/24'));
  });
});
