/**
 * Reading a history file into events (see history-import.ts for the formats): JSON events, CSV rows, or the
 * sequence format, with every problem located by line (CSV, sequences) or position (JSON).
 */
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { CsvError, parse } from 'csv-parse/sync';
import { eventItemSchema } from './event-schema';
import type { EventInput, InteractionEventType } from './event-types';

/** One problem: the line (CSV and sequences, 1-based; CSV's header is line 1) or array position (JSON, 1-based). */
export interface HistoryIssue {
  row: number;
  field: string;
  message: string;
}

const CSV_COLUMNS: Record<string, keyof EventInput> = {
  type: 'type',
  sku: 'sku',
  product_id: 'productId',
  visitor_id: 'visitorId',
  customer_id: 'customerId',
  email: 'email',
  at: 'at',
  country: 'country',
  quantity: 'quantity',
  price: 'price',
  currency: 'currency',
  session_id: 'sessionId',
  event_id: 'eventId',
  source: 'source',
};
const FIELD_COLUMNS = Object.fromEntries(Object.entries(CSV_COLUMNS).map(([column, field]) => [field, column])) as Record<string, string>;
const ID_PATTERN = /^[A-Za-z0-9_.:-]{1,64}$/;
const YEAR_2000 = Date.UTC(2000, 0, 1);

/** An event read from the input, with where it came from. */
export interface ReadEvent {
  row: number;
  event: EventInput & { at: number };
}

/** A short, stable digest for deterministic event ids. */
export const digest = (text: string): string => createHash('sha1').update(text).digest('base64url');

/** Text of the input: a string, or bytes (gzipped or not). */
export function decodeHistory(data: string | Uint8Array): string {
  if (typeof data === 'string') return data;
  const bytes = Buffer.from(data);
  return (bytes[0] === 0x1f && bytes[1] === 0x8b ? gunzipSync(bytes) : bytes).toString('utf8');
}

/** Validates one JSON-shaped event (an `at` is required); `field`s are the input's. */
function checkEvent(input: unknown, row: number, issues: HistoryIssue[], column: (field: string) => string = (f) => f): ReadEvent | undefined {
  const parsed = eventItemSchema.safeParse(input);
  if (!parsed.success) {
    for (const issue of parsed.error.issues.slice(0, 5)) {
      const field = issue.path.map(String).join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : '');
      issues.push({ row, field: column(field), message: issue.code === 'unrecognized_keys' ? 'is not a known field' : issue.message });
    }
    return undefined;
  }
  if (parsed.data.at === undefined) {
    issues.push({ row, field: column('at'), message: 'is required for history (when it happened)' });
    return undefined;
  }
  const at = typeof parsed.data.at === 'number' ? parsed.data.at : Date.parse(parsed.data.at);
  if (at < YEAR_2000) {
    // Epoch seconds read as milliseconds land in January 1970.
    issues.push({ row, field: column('at'), message: 'is before 2000: give epoch milliseconds (not seconds) or an ISO 8601 time' });
    return undefined;
  }
  return { row, event: { ...parsed.data, at } as EventInput & { at: number } };
}

/** Events of a JSON history: an array, or `{"events": [...]}` (the document or its text). */
export function readJson(data: unknown, issues: HistoryIssue[]): ReadEvent[] {
  let document = data;
  if (typeof data === 'string') {
    try {
      document = JSON.parse(data);
    } catch (error) {
      issues.push({ row: 0, field: '', message: `The data is not valid JSON: ${(error as Error).message}` });
      return [];
    }
  }
  const list = Array.isArray(document) ? document : document && typeof document === 'object' ? (document as { events?: unknown }).events : undefined;
  if (!Array.isArray(list)) {
    issues.push({ row: 0, field: '', message: 'The data must be an array of events or {"events": [...]}.' });
    return [];
  }
  return list.flatMap((input, index) => checkEvent(input, index + 1, issues) ?? []);
}

/** Events of a CSV history, one per row; header problems end the reading with issues on line 1. */
export function readCsv(text: string, issues: HistoryIssue[]): ReadEvent[] {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  const header: string[] = [];
  try {
    records = parse(text, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      info: true,
      columns: (names: string[]) => {
        header.push(...names.map((name) => name.trim().toLowerCase()));
        return header;
      },
    });
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    issues.push({ row: (error as CsvError & { lines?: number }).lines ?? 0, field: '', message: `The file is not valid CSV: ${error.message}` });
    return [];
  }
  for (const name of header) {
    if (!(name in CSV_COLUMNS)) issues.push({ row: 1, field: name || '(empty)', message: `is not a known column (known: ${Object.keys(CSV_COLUMNS).join(', ')})` });
  }
  if (!header.includes('at')) issues.push({ row: 1, field: 'at', message: 'is a required column and is missing from the header' });
  if (!header.includes('sku') && !header.includes('product_id')) issues.push({ row: 1, field: 'sku', message: 'the header needs sku or product_id' });
  if (!['visitor_id', 'customer_id', 'email'].some((c) => header.includes(c))) {
    issues.push({ row: 1, field: 'visitor_id', message: 'the header needs visitor_id, customer_id or email' });
  }
  if (issues.length) return [];
  return records.flatMap(({ record, info }) => {
    const input: Record<string, unknown> = { type: 'purchase' };
    for (const [column, value] of Object.entries(record)) {
      if (value === '') continue;
      const field = CSV_COLUMNS[column] as string;
      input[field] = field === 'quantity' || (field === 'at' && /^\d{9,15}$/.test(value)) ? Number(value) : value;
    }
    return checkEvent(input, info.lines, issues, (field) => FIELD_COLUMNS[field.split('.')[0] ?? ''] ?? field) ?? [];
  });
}

/** Events of a sequence file: each line's items as the user's events, one second apart, ending at `now`. */
export function readSequences(text: string, type: InteractionEventType, now: number, issues: HistoryIssue[]): ReadEvent[] {
  const events: ReadEvent[] = [];
  const firstLine = new Map<string, number>();
  const lines = text.split('\n');
  for (let n = 0; n < lines.length; n++) {
    const fields = (lines[n] as string).trim().split(/\s+/).filter(Boolean);
    if (!fields.length) continue;
    const [user, ...items] = fields as [string, ...string[]];
    const row = n + 1;
    if (!ID_PATTERN.test(user)) {
      issues.push({ row, field: 'user', message: 'must be 1 to 64 letters, digits or "_.:-"' });
      continue;
    }
    const earlier = firstLine.get(user);
    if (earlier !== undefined) {
      issues.push({ row, field: 'user', message: `user ${user} already has a sequence on line ${earlier}; one line per user` });
      continue;
    }
    firstLine.set(user, row);
    items.forEach((sku, position) => {
      if (sku.length > 64) {
        issues.push({ row, field: `item ${position + 1}`, message: 'is longer than 64 characters (a sku)' });
        return;
      }
      events.push({
        row,
        event: { type, sku, visitorId: user, at: now - (items.length - position) * 1000, eventId: `seq:${digest(`${user}\n${position}\n${sku}`)}` },
      });
    });
  }
  return events;
}
