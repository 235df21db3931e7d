/**
 * IP-to-country lookup from a table of IPv4 ranges (`lower_bound_ip_address,upper_bound_ip_address,country`, the
 * bounds as 32-bit integers, optionally written as floats), such as MaxMind-style exports or the
 * `IpAddress_to_Country.csv` of the e-commerce fraud data set. A workspace loads its own table; lookups are a binary
 * search over the sorted lower bounds (no allocation per lookup).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { normaliseCountry } from './countries';

/** Raised when a range table cannot be read; the message names the line and what is wrong. */
export class IpCountryMapError extends Error {
  override name = 'IpCountryMapError';
}

/**
 * The 32-bit integer of an IPv4 address written as a dotted quad (`192.0.2.1`) or as its integer (`3221225985`,
 * also with a fraction, which is dropped); undefined for anything else (IPv6, garbage, out of range).
 */
export function ipv4ToInteger(ip: string | number): number | undefined {
  if (typeof ip === 'number') return Number.isFinite(ip) && ip >= 0 && ip < 2 ** 32 ? Math.floor(ip) : undefined;
  const text = ip.trim();
  const quad = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (quad) {
    const parts = quad.slice(1).map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return ((parts[0]! * 256 + parts[1]!) * 256 + parts[2]!) * 256 + parts[3]!;
  }
  if (/^\d+(\.\d+)?$/.test(text)) return ipv4ToInteger(Number(text));
  return undefined;
}

/** The dotted quad of a 32-bit integer. */
export function integerToIpv4(value: number): string {
  return [value >>> 24, (value >>> 16) & 255, (value >>> 8) & 255, value & 255].join('.');
}

/** A sorted, non-overlapping table of IPv4 ranges with their countries. */
export class IpCountryMap {
  private constructor(
    private readonly lower: Float64Array,
    private readonly upper: Float64Array,
    private readonly countryIndex: Uint16Array,
    private readonly countries: readonly string[],
    /** Overlapping ranges clipped or dropped while building (see {@link IpCountryMap.fromRanges}). */
    readonly repaired = 0,
  ) {}

  /** An empty map: every lookup is undefined (a workspace that loaded no table). */
  static empty(): IpCountryMap {
    return new IpCountryMap(new Float64Array(0), new Float64Array(0), new Uint16Array(0), []);
  }

  /**
   * Builds the map from `[lower, upper, country]` ranges (any order; sorted here). A range that overlaps the one
   * before it, or whose lower bound lies past its upper bound, starts right after the previous one instead (tables
   * re-saved by spreadsheets carry bounds rounded like `1.02E+09`); one that the previous range covers entirely is
   * dropped. {@link IpCountryMap.repaired} counts them.
   */
  static fromRanges(ranges: ReadonlyArray<readonly [number, number, string]>): IpCountryMap {
    // By upper bound: the same order as by lower bound for sound ranges, and the right place for a damaged lower bound.
    const sorted = [...ranges].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
    const names = new Map<string, number>();
    const lower: number[] = [];
    const upper: number[] = [];
    const index: number[] = [];
    let repaired = 0;
    for (const [lo, hi, country] of sorted) {
      let start = Math.floor(lo);
      const end = Math.floor(hi);
      const previousEnd = upper.length ? upper[upper.length - 1]! : -1;
      if (start <= previousEnd || start > end) {
        // Overlapping, or a lower bound rounded past its upper bound: the range starts after the previous one.
        repaired++;
        if (end <= previousEnd) continue;
        start = previousEnd + 1;
      }
      let id = names.get(country);
      if (id === undefined) {
        id = names.size;
        names.set(country, id);
      }
      lower.push(start);
      upper.push(end);
      index.push(id);
    }
    return new IpCountryMap(Float64Array.from(lower), Float64Array.from(upper), Uint16Array.from(index), [...names.keys()], repaired);
  }

  /**
   * Parses a CSV table: a header line, then `lower,upper,country` (the country may be quoted and contain commas).
   * @throws IpCountryMapError naming the first bad line.
   */
  static parse(csv: string): IpCountryMap {
    const ranges: Array<[number, number, string]> = [];
    const lines = csv.split(/\r?\n/);
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      if (!line.trim()) continue;
      const first = line.indexOf(',');
      const second = line.indexOf(',', first + 1);
      const lo = Number(line.slice(0, first));
      const hi = Number(line.slice(first + 1, second));
      const country = line.slice(second + 1).trim().replace(/^"(.*)"$/, '$1').replace(/""/g, '"');
      if (first < 0 || second < 0 || !Number.isFinite(lo) || !Number.isFinite(hi) || !country) {
        throw new IpCountryMapError(`Line ${i + 1} of the IP range table is not "lower,upper,country": ${line.slice(0, 80)}`);
      }
      ranges.push([lo, hi, country]);
    }
    return IpCountryMap.fromRanges(ranges);
  }

  /** Reads a CSV table from a file, gzipped or not. */
  static readFile(path: string): IpCountryMap {
    return IpCountryMap.parse(csvText(readFileSync(path)));
  }

  /** Number of ranges. */
  get size(): number {
    return this.lower.length;
  }

  /** The country of `ip` as the table names it, undefined when no range holds it or it is not IPv4. */
  lookup(ip: string | number): string | undefined {
    const value = ipv4ToInteger(ip);
    if (value === undefined) return undefined;
    // The last range whose lower bound is <= value.
    let lo = 0;
    let hi = this.lower.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.lower[mid]! <= value) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0 || value > this.upper[found]!) return undefined;
    return this.countries[this.countryIndex[found]!];
  }

  /** The country of `ip` normalised for comparison with billing and shipping countries (see `normaliseCountry`). */
  lookupNormalised(ip: string | number): string | undefined {
    const name = this.lookup(ip);
    return name === undefined ? undefined : normaliseCountry(name);
  }
}

/**
 * The text of a CSV table given as bytes, gunzipped when it starts with gzip's magic number.
 * @throws IpCountryMapError when it looks gzipped but cannot be inflated.
 */
export function csvText(raw: Buffer): string {
  if (raw[0] !== 0x1f || raw[1] !== 0x8b) return raw.toString('utf8');
  try {
    return gunzipSync(raw).toString('utf8');
  } catch (error) {
    throw new IpCountryMapError(`The IP range table looks gzipped but cannot be read: ${(error as Error).message}`);
  }
}
