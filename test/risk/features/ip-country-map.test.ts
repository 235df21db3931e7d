import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { IpCountryMap, IpCountryMapError, ipv4ToInteger } from '../../../risk';

const TABLE = [
  'lower_bound_ip_address,upper_bound_ip_address,country',
  '16777216,16777471,Australia',
  '16777472,16777727,China',
  // a gap follows: 16777728..16778239 is in no range
  '16778240,16779263,"Korea Republic of"',
  '3221225472,3221225727,United States',
].join('\n');

describe('IpCountryMap', () => {
  const map = IpCountryMap.parse(TABLE);

  describe('when looking up an address', () => {
    it('finds the range holding it, bounds included', () => {
      expect(map.lookup(16777216)).toBe('Australia');
      expect(map.lookup(16777471)).toBe('Australia');
      expect(map.lookup(16777472)).toBe('China');
      expect(map.lookup('16779263')).toBe('Korea Republic of');
    });

    it('reads dotted quads, integers and integers written as floats alike', () => {
      expect(map.lookup('192.0.0.1')).toBe('United States');
      expect(map.lookup('3221225473')).toBe('United States');
      expect(map.lookup('3221225473.9')).toBe('United States');
    });

    it('answers nothing below the first range, in a gap and above the last range', () => {
      expect(map.lookup(16777215)).toBeUndefined();
      expect(map.lookup(16777728)).toBeUndefined();
      expect(map.lookup(3221225728)).toBeUndefined();
      expect(map.lookup('255.255.255.255')).toBeUndefined();
    });

    it('answers nothing for IPv6, garbage and out-of-range numbers, without throwing', () => {
      expect(map.lookup('2001:db8::1')).toBeUndefined();
      expect(map.lookup('not an ip')).toBeUndefined();
      expect(map.lookup('300.1.1.1')).toBeUndefined();
      expect(map.lookup(2 ** 32)).toBeUndefined();
      expect(map.lookup(-1)).toBeUndefined();
    });

    it('normalises the country for comparison with billing countries', () => {
      expect(map.lookupNormalised(16778240)).toBe('KR');
      expect(map.lookupNormalised('192.0.0.1')).toBe('US');
    });
  });

  describe('when the table has spreadsheet damage', () => {
    it('starts an overlapping or inverted range right after the previous one and counts the repair', () => {
      const damaged = IpCountryMap.parse(['lower,upper,country', '100,199,A', '1.5E+02,250,B', '3.0E+02,260,C', '261,300,D'].join('\n'));
      expect(damaged.lookup(150)).toBe('A');
      expect(damaged.lookup(200)).toBe('B');
      expect(damaged.lookup(255)).toBe('C');
      expect(damaged.lookup(280)).toBe('D');
      expect(damaged.repaired).toBe(2);
    });

    it('names the line that is not lower,upper,country', () => {
      expect(() => IpCountryMap.parse('lower,upper,country\n1,2,A\nnonsense')).toThrow(new IpCountryMapError('Line 3 of the IP range table is not "lower,upper,country": nonsense'));
    });
  });

  describe('when read from a file', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'ip-map-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('reads gzipped and plain tables the same', () => {
      writeFileSync(join(dir, 'map.csv'), TABLE);
      writeFileSync(join(dir, 'map.csv.gz'), gzipSync(TABLE));
      const plain = IpCountryMap.readFile(join(dir, 'map.csv'));
      const zipped = IpCountryMap.readFile(join(dir, 'map.csv.gz'));
      expect(plain.size).toBe(4);
      expect(zipped.lookup(16777300)).toBe(plain.lookup(16777300));
    });
  });

  it('an empty map knows no country', () => {
    expect(IpCountryMap.empty().lookup('192.0.0.1')).toBeUndefined();
  });

  it('converts dotted quads to integers', () => {
    expect(ipv4ToInteger('1.0.0.0')).toBe(16777216);
    expect(ipv4ToInteger(' 255.255.255.255 ')).toBe(4294967295);
  });
});
