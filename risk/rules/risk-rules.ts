/**
 * Hard rules beside the model, set per workspace: blocklists (e-mail addresses and domains, devices, IPs and IPv4
 * ranges, countries) and order-value limits. Each hit is named, carries the decision it forces and a sentence for
 * the agent; the final decision is the most severe of the model's and the rules'.
 */
import { normaliseCountry } from '../features/countries';
import type { DisposableEmailDomains } from '../features/disposable-email-domains';
import { IpCountryMap, ipv4ToInteger } from '../features/ip-country-map';
import type { RiskRequest } from '../features/risk-request';

/** A forced outcome: rules never approve on their own. */
export type RuleDecision = 'review' | 'decline';

/** A workspace's rules; every list is optional and empty by default. */
export interface RiskRuleSet {
  /** Exact e-mail addresses (case-insensitive). */
  blockedEmails?: readonly string[];
  /** E-mail domains; sub-domains match too. */
  blockedEmailDomains?: readonly string[];
  /** Device fingerprints. */
  blockedDevices?: readonly string[];
  /** IP addresses, or IPv4 ranges in CIDR notation (`203.0.113.0/24`). */
  blockedIps?: readonly string[];
  /** Countries (ISO codes or names) matched against the IP's, the billing and the shipping country. */
  blockedCountries?: readonly string[];
  /** Orders above this value go to review. */
  reviewAboveValue?: number;
  /** Orders above this value are declined. */
  declineAboveValue?: number;
  /** What a disposable e-mail domain forces. @defaultValue 'none' (left to the model) */
  disposableEmail?: 'none' | RuleDecision;
}

/** One rule that fired. */
export interface RuleHit {
  /** Stable name (`blocked_device`, `value_limit`, ...). */
  rule: string;
  decision: RuleDecision;
  /** For the agent, in plain words. */
  reason: string;
}

/** Raised when a rule set is malformed; the message names the entry. */
export class RiskRuleError extends Error {
  override name = 'RiskRuleError';
}

interface Cidr {
  base: number;
  mask: number;
}

function parseCidr(text: string): Cidr | undefined {
  const match = /^([\d.]+)\/(\d{1,2})$/.exec(text.trim());
  if (!match) return undefined;
  const base = ipv4ToInteger(match[1]!);
  const bits = Number(match[2]);
  if (base === undefined || bits > 32) throw new RiskRuleError(`"${text}" is not an IPv4 range; write it like 203.0.113.0/24`);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return { base: (base & mask) >>> 0, mask };
}

/** Dependencies of the country and disposable-mail rules. */
export interface RiskRulesContext {
  ipCountries?: IpCountryMap;
  disposableDomains?: DisposableEmailDomains;
}

/** A workspace's compiled rules. */
export class RiskRules {
  private readonly emails: ReadonlySet<string>;
  private readonly domains: readonly string[];
  private readonly devices: ReadonlySet<string>;
  private readonly ips: ReadonlySet<string>;
  private readonly ranges: readonly Cidr[];
  private readonly countries: ReadonlySet<string>;
  private readonly ipCountries: IpCountryMap;

  /** @throws RiskRuleError when an IP range or a limit is malformed. */
  constructor(
    private readonly set: RiskRuleSet,
    private readonly context: RiskRulesContext = {},
  ) {
    this.emails = new Set((set.blockedEmails ?? []).map((e) => e.trim().toLowerCase()));
    this.domains = (set.blockedEmailDomains ?? []).map((d) => d.trim().toLowerCase().replace(/^@/, ''));
    this.devices = new Set((set.blockedDevices ?? []).map((d) => d.trim()));
    const ranges: Cidr[] = [];
    const ips = new Set<string>();
    for (const entry of set.blockedIps ?? []) {
      const cidr = parseCidr(entry);
      if (cidr) ranges.push(cidr);
      else ips.add(normaliseIp(entry));
    }
    this.ips = ips;
    this.ranges = ranges;
    this.countries = new Set((set.blockedCountries ?? []).map(normaliseCountry));
    for (const [name, value] of [['reviewAboveValue', set.reviewAboveValue], ['declineAboveValue', set.declineAboveValue]] as const) {
      if (value !== undefined && !(value >= 0)) throw new RiskRuleError(`${name} must be a non-negative number`);
    }
    this.ipCountries = context.ipCountries ?? IpCountryMap.empty();
  }

  /** The rules `request` breaks, most severe first. */
  evaluate(request: RiskRequest): RuleHit[] {
    const hits: RuleHit[] = [];
    const email = request.customer.email?.trim().toLowerCase();
    if (email) {
      if (this.emails.has(email)) hits.push({ rule: 'blocked_email', decision: 'decline', reason: 'the e-mail address is on the blocklist' });
      const domain = email.slice(email.lastIndexOf('@') + 1);
      if (this.domains.some((d) => domain === d || domain.endsWith(`.${d}`))) {
        hits.push({ rule: 'blocked_email_domain', decision: 'decline', reason: `the e-mail domain ${domain} is on the blocklist` });
      }
      const disposable = this.set.disposableEmail ?? 'none';
      if (disposable !== 'none' && this.context.disposableDomains?.isDisposable(email)) {
        hits.push({ rule: 'disposable_email', decision: disposable, reason: `the e-mail domain ${domain} is a disposable-mail service` });
      }
    }
    const device = request.device?.id?.trim();
    if (device && this.devices.has(device)) hits.push({ rule: 'blocked_device', decision: 'decline', reason: 'the device is on the blocklist' });
    const ip = request.device?.ip?.trim();
    if (ip) {
      const v4 = ipv4ToInteger(ip);
      const inRange = v4 !== undefined && this.ranges.some((r) => ((v4 & r.mask) >>> 0) === r.base);
      if (this.ips.has(normaliseIp(ip)) || inRange) hits.push({ rule: 'blocked_ip', decision: 'decline', reason: `the IP address ${ip} is on the blocklist` });
    }
    if (this.countries.size) {
      const ipCountry = ip ? this.ipCountries.lookup(ip) : undefined;
      const places: Array<[string, string | undefined]> = [
        ['IP address', ipCountry],
        ['billing address', request.order?.billingCountry],
        ['shipping address', request.order?.shippingCountry],
      ];
      for (const [what, country] of places) {
        if (country && this.countries.has(normaliseCountry(country))) {
          hits.push({ rule: 'blocked_country', decision: 'decline', reason: `the ${what} is in ${country}, a blocked country` });
        }
      }
    }
    const value = request.order?.value;
    if (value !== undefined) {
      if (this.set.declineAboveValue !== undefined && value > this.set.declineAboveValue) {
        hits.push({ rule: 'value_limit', decision: 'decline', reason: `the order value ${value} is above the limit of ${this.set.declineAboveValue}` });
      } else if (this.set.reviewAboveValue !== undefined && value > this.set.reviewAboveValue) {
        hits.push({ rule: 'value_review_limit', decision: 'review', reason: `the order value ${value} is above the review limit of ${this.set.reviewAboveValue}` });
      }
    }
    return hits.sort((a, b) => (a.decision === b.decision ? 0 : a.decision === 'decline' ? -1 : 1));
  }
}

function normaliseIp(ip: string): string {
  const v4 = ipv4ToInteger(ip);
  return v4 === undefined ? ip.trim().toLowerCase() : String(v4);
}
