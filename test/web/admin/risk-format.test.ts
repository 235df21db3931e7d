import { describeResult, formatRiskScore, ipTableSummary, isGzip } from '../../../web/admin/risk-format';

describe('risk screen texts', () => {
  it('shows a score as a percentage, and a failed scoring as a dash', () => {
    expect(formatRiskScore(0.734)).toBe('73 %');
    expect(formatRiskScore(0.0123)).toBe('1.2 %');
    expect(formatRiskScore(null)).toBe('–');
  });

  it('says which IP table is used, and who loaded the store’s own', () => {
    expect(ipTableSummary({ source: 'workspace', ranges: 1234, updatedAt: Date.UTC(2026, 10, 23, 20, 44), updatedBy: 'token:ops', removed: false }, 'en-GB')).toMatch(
      /^This store's own table: 1,234 ranges, loaded on 23 Nov 2026.* by token:ops\.$/,
    );
    expect(ipTableSummary({ source: 'deployment', ranges: 10, updatedAt: null, updatedBy: null }, 'en')).toMatch(/deployment's table \(RISK_IP_COUNTRY_TABLE\): 10 ranges/);
    expect(ipTableSummary({ source: 'none', ranges: 0, updatedAt: null, updatedBy: null }, 'en')).toMatch(/^No IP-to-country table/);
  });

  it('tells gzip from text by its magic bytes', () => {
    expect(isGzip(new Uint8Array([0x1f, 0x8b, 8]))).toBe(true);
    expect(isGzip(new TextEncoder().encode('lower,upper,country'))).toBe(false);
    expect(isGzip(new Uint8Array([0x1f]))).toBe(false);
  });

  it('words each outcome of a retraining', () => {
    expect(describeResult({ outcome: 'promoted', version: '3', reason: 'window PR-AUC 0.71 > 0.69' })).toBe('the new model 3 is live (window PR-AUC 0.71 > 0.69).');
    expect(describeResult({ outcome: 'rejected', version: '4' })).toBe('the new model 4 did not beat the live one; the live one stays.');
    expect(describeResult({ outcome: 'unchanged', liveVersion: '2' })).toMatch(/^no new outcomes/);
    expect(describeResult(null)).toBe('done.');
  });
});
