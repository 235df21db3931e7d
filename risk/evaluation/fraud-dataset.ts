/**
 * Files shaped like the e-commerce fraud data set ("Fraud_Data.csv": user_id, signup_time, purchase_time,
 * purchase_value, device_id, source, browser, sex, age, ip_address, class), gzipped or not, read as scoring requests
 * with their labels. Times are `M/D/YYYY H:MM` (or with seconds, or ISO `YYYY-MM-DD HH:MM:SS`), read as UTC.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { parse as parseCsv } from 'csv-parse/sync';
import type { RiskRequest } from '../features/risk-request';
import { seededRandom, shuffleInPlace } from './seeded-random';

/** Columns the file must have. */
export const FRAUD_COLUMNS = ['user_id', 'signup_time', 'purchase_time', 'purchase_value', 'device_id', 'source', 'browser', 'sex', 'age', 'ip_address', 'class'] as const;

/** Raised when a data file does not fit; the message names the file, line and column. */
export class FraudDataError extends Error {
  override name = 'FraudDataError';
}

/** One labelled purchase. */
export interface LabelledRequest {
  request: RiskRequest;
  /** 1 = fraud. */
  label: 0 | 1;
  /** The shopper, for splitting by user. */
  userId: string;
}

/** Parses `M/D/YYYY H:MM[:SS]` or `YYYY-MM-DD HH:MM[:SS]` as UTC ms; NaN when it is neither. */
export function parseFraudTime(text: string): number {
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (us) return Date.UTC(Number(us[3]), Number(us[1]) - 1, Number(us[2]), Number(us[4]), Number(us[5]), Number(us[6] ?? 0));
  const iso = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?/.exec(text.trim());
  if (iso) return Date.UTC(Number(iso[1]), Number(iso[2]) - 1, Number(iso[3]), Number(iso[4]), Number(iso[5]), Number(iso[6] ?? 0));
  return Number.NaN;
}

/** Reads a file (gzip detected by its magic bytes) as labelled requests of workspace `workspaceId`. */
export function readFraudFile(path: string, workspaceId = 'evaluation'): LabelledRequest[] {
  const raw = readFileSync(path);
  const text = (raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw) : raw).toString('utf8');
  return parseFraudCsv(text, workspaceId, path);
}

/** Parses CSV text (see the file comment). */
export function parseFraudCsv(text: string, workspaceId = 'evaluation', source = 'the data'): LabelledRequest[] {
  const records = parseCsv(text, { columns: true, skip_empty_lines: true, trim: true }) as Array<Record<string, string>>;
  if (records.length === 0) throw new FraudDataError(`${source} has no rows`);
  const missing = FRAUD_COLUMNS.filter((c) => !(c in records[0]!));
  if (missing.length) throw new FraudDataError(`${source} lacks the column(s) ${missing.join(', ')}; expected ${FRAUD_COLUMNS.join(',')}`);
  return records.map((row, i) => {
    const line = i + 2;
    const fail = (column: string): never => {
      throw new FraudDataError(`${source}, line ${line}: ${column} "${row[column]}" is not valid`);
    };
    const signup = parseFraudTime(row.signup_time!);
    const purchase = parseFraudTime(row.purchase_time!);
    const value = Number(row.purchase_value);
    const label = row.class!.trim();
    if (!Number.isFinite(signup)) fail('signup_time');
    if (!Number.isFinite(purchase)) fail('purchase_time');
    if (!Number.isFinite(value) || value < 0) fail('purchase_value');
    if (label !== '0' && label !== '1') fail('class');
    const age = row.age ? Number(row.age) : undefined;
    const userId = row.user_id!;
    const request: RiskRequest = {
      workspaceId,
      action: 'order',
      eventId: `order-${userId}-${purchase}`,
      at: purchase,
      customer: {
        id: userId,
        createdAt: signup,
        ...(row.sex ? { sex: row.sex } : {}),
        ...(age !== undefined && Number.isFinite(age) ? { age } : {}),
      },
      order: { value },
      device: {
        ...(row.device_id ? { id: row.device_id } : {}),
        ...(row.ip_address ? { ip: row.ip_address } : {}),
        ...(row.browser ? { browser: row.browser } : {}),
      },
      ...(row.source ? { source: row.source } : {}),
    };
    return { request, label: label === '1' ? 1 : 0, userId };
  });
}

/** Splits rows by user: a `fraction` of the users (chosen with `seed`) and all their rows go to the second part. */
export function splitByUser<T extends { userId: string }>(rows: readonly T[], fraction: number, seed: number): { first: T[]; second: T[] } {
  if (!(fraction > 0 && fraction < 1)) throw new RangeError('The split fraction must be between 0 and 1');
  const users = [...new Set(rows.map((r) => r.userId))].sort();
  shuffleInPlace(users, seededRandom(seed));
  const chosen = new Set(users.slice(0, Math.round(users.length * fraction)));
  return { first: rows.filter((r) => !chosen.has(r.userId)), second: rows.filter((r) => chosen.has(r.userId)) };
}
