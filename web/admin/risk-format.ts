/**
 * Words and numbers of the admin app's risk screen (views/risk-view.ts): scores, the IP table in use, retraining
 * outcomes, and telling a gzipped upload from a CSV.
 *
 * Pure module, unit-tested under Node.
 */
import type { RiskIpTableInfo } from './api-types';
import { formatDateTime } from './format';

/** The score as a percentage ("–" when scoring failed). */
export function formatRiskScore(score: number | null): string {
  return score === null ? '–' : `${(score * 100).toFixed(score < 0.1 ? 1 : 0)} %`;
}

/** What the IP table panel says. */
export function ipTableSummary(info: RiskIpTableInfo, locale: string): string {
  if (info.source === 'workspace') {
    const when = info.updatedAt ? ` on ${formatDateTime(new Date(info.updatedAt).toISOString(), locale)}` : '';
    return `This store's own table: ${info.ranges.toLocaleString(locale)} ranges, loaded${when}${info.updatedBy ? ` by ${info.updatedBy}` : ''}.`;
  }
  if (info.source === 'deployment') return `The deployment's table (RISK_IP_COUNTRY_TABLE): ${info.ranges.toLocaleString(locale)} ranges. Upload one to use the store's own.`;
  return 'No IP-to-country table: IP countries are unknown, so country mismatches and country rules cannot fire. Upload one.';
}

/** True when the file starts with gzip's magic bytes. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** A retraining result in words (the training job returns `{outcome, version?, reason?}`). */
export function describeResult(result: unknown): string {
  if (!result || typeof result !== 'object') return 'done.';
  const r = result as Record<string, unknown>;
  const version = typeof r.version === 'string' ? `${r.version} ` : '';
  const reason = typeof r.reason === 'string' ? ` (${r.reason})` : '';
  if (r.outcome === 'promoted') return `the new model ${version}is live${reason}.`;
  if (r.outcome === 'rejected') return `the new model ${version}did not beat the live one${reason}; the live one stays.`;
  if (r.outcome === 'unchanged') return 'no new outcomes or decisions since the live model was trained; it stays.';
  return 'done.';
}
