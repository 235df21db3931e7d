/**
 * Reads intent data: the built-in YAML files (one per language), and the evaluation formats `npm run nlu:eval`
 * accepts: CSV (`text,category` or `text,intent`, optional `lang`), JSONL (`{"text","intent","lang"}`) and CLINC150's
 * `data_full.json`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { projectRoot } from '../../platform/paths';
import { OUT_OF_SCOPE, type IntentExample } from './intent-classifier';

/** The intents the built-in data covers, in the order of the YAML files. */
export const BUILTIN_INTENTS = [
  'greeting', 'goodbye', 'thanks', 'order_status', 'order_cancel', 'change_address', 'return_item', 'refund_status',
  'shipping_info', 'customs_duties', 'payment_issue', 'payment_methods', 'product_availability',
  'product_recommendation', 'size_guide', 'discount_code', 'damaged_or_wrong_item', 'package_not_received',
  'account_help', 'human_agent', 'complaint', 'invoice_request', 'warranty_repair',
] as const;

/** A built-in intent name. */
export type BuiltinIntent = (typeof BUILTIN_INTENTS)[number];

/** Folder of the built-in training data (`<lang>.yaml`). */
export const builtinIntentDataDir = join(projectRoot, 'nlu', 'data', 'intents');
/** Folder of the built-in held-out data (`<lang>.jsonl`), never used for training. */
export const builtinHeldoutDir = join(projectRoot, 'nlu', 'data', 'heldout');

/** Raised when a data file cannot be read; the message names the file and the problem. */
export class IntentDataError extends Error {
  override name = 'IntentDataError';
}

const builtinFileSchema = z.object({
  language: z.string().regex(/^[a-z]{2}$/),
  intents: z.record(z.string(), z.array(z.string().min(1))),
  out_of_scope: z.array(z.string().min(1)).default([]),
});

/** Parses one built-in YAML file's text. */
export function parseBuiltinIntentFile(text: string, source: string): IntentExample[] {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (error) {
    throw new IntentDataError(`${source}: not valid YAML (${(error as Error).message})`);
  }
  const parsed = builtinFileSchema.safeParse(value);
  if (!parsed.success) throw new IntentDataError(`${source}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const { language, intents, out_of_scope: outOfScope } = parsed.data;
  const examples: IntentExample[] = [];
  for (const [intent, texts] of Object.entries(intents)) {
    if (!(BUILTIN_INTENTS as readonly string[]).includes(intent)) throw new IntentDataError(`${source}: unknown intent "${intent}"`);
    for (const text of texts) examples.push({ text, intent, language });
  }
  for (const text of outOfScope) examples.push({ text, intent: OUT_OF_SCOPE, language });
  return examples;
}

/** Every built-in training example, all languages (or only `languages`). */
export function loadBuiltinIntentData(languages?: readonly string[], dir = builtinIntentDataDir): IntentExample[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
  return files
    .filter((f) => !languages || languages.includes(f.slice(0, -'.yaml'.length)))
    .flatMap((f) => parseBuiltinIntentFile(readFileSync(join(dir, f), 'utf8'), join(dir, f)));
}

/** Every built-in held-out example. */
export function loadBuiltinHeldout(dir = builtinHeldoutDir): IntentExample[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()
    .flatMap((f) => parseJsonl(readFileSync(join(dir, f), 'utf8'), join(dir, f)));
}

/** Maps dataset-specific out-of-scope labels to {@link OUT_OF_SCOPE}. */
function normaliseLabel(label: string): string {
  return label === 'oos' || label === 'out-of-scope' ? OUT_OF_SCOPE : label;
}

const jsonlRowSchema = z.object({
  text: z.string().min(1),
  intent: z.string().min(1),
  lang: z.string().optional(),
  language: z.string().optional(),
});

/** Parses JSONL rows `{"text","intent","lang"}`. */
export function parseJsonl(text: string, source: string): IntentExample[] {
  const examples: IntentExample[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new IntentDataError(`${source}:${index + 1}: not valid JSON`);
    }
    const row = jsonlRowSchema.safeParse(value);
    if (!row.success) throw new IntentDataError(`${source}:${index + 1}: needs "text" and "intent" strings`);
    const language = row.data.lang ?? row.data.language;
    examples.push({ text: row.data.text, intent: normaliseLabel(row.data.intent), ...(language ? { language } : {}) });
  });
  return examples;
}

/** Parses CSV with a header naming `text` and `category` or `intent` (and optionally `lang` or `language`). */
export function parseCsvExamples(text: string, source: string): IntentExample[] {
  let rows: Array<Record<string, string>>;
  try {
    rows = parseCsv(text, { columns: true, skip_empty_lines: true, trim: false, bom: true }) as Array<Record<string, string>>;
  } catch (error) {
    throw new IntentDataError(`${source}: not valid CSV (${(error as Error).message})`);
  }
  if (rows.length === 0) return [];
  const header = Object.keys(rows[0]!);
  const label = header.includes('intent') ? 'intent' : header.includes('category') ? 'category' : undefined;
  if (!header.includes('text') || !label) throw new IntentDataError(`${source}: the CSV header must name "text" and "intent" (or "category")`);
  const languageColumn = header.includes('lang') ? 'lang' : header.includes('language') ? 'language' : undefined;
  return rows.map((row, index) => {
    const textValue = row.text ?? '';
    const intent = row[label] ?? '';
    if (!textValue.trim() || !intent.trim()) throw new IntentDataError(`${source}: row ${index + 2} has an empty text or intent`);
    const language = languageColumn ? row[languageColumn] : undefined;
    return { text: textValue, intent: normaliseLabel(intent.trim()), ...(language ? { language } : {}) };
  });
}

/** The splits of CLINC150's `data_full.json`, mapped to this project's labels. */
export interface ClincSplits {
  train: IntentExample[];
  validation: IntentExample[];
  test: IntentExample[];
}

const clincSchema = z.object({
  train: z.array(z.tuple([z.string(), z.string()])),
  val: z.array(z.tuple([z.string(), z.string()])),
  test: z.array(z.tuple([z.string(), z.string()])),
  oos_train: z.array(z.tuple([z.string(), z.string()])),
  oos_val: z.array(z.tuple([z.string(), z.string()])),
  oos_test: z.array(z.tuple([z.string(), z.string()])),
});

/** True when the parsed JSON looks like CLINC150's `data_full.json`. */
export function isClincData(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'oos_train' in value && 'train' in value;
}

/** CLINC150 as the dataset's paper uses it: train + oos_train, val + oos_val, test + oos_test. */
export function parseClinc(value: unknown, source: string): ClincSplits {
  const parsed = clincSchema.safeParse(value);
  if (!parsed.success) throw new IntentDataError(`${source}: not a CLINC150 data_full.json (needs train/val/test and oos_* splits)`);
  const map = (rows: Array<[string, string]>): IntentExample[] =>
    rows.map(([text, intent]) => ({ text, intent: normaliseLabel(intent), language: 'en' }));
  const d = parsed.data;
  return { train: map([...d.train, ...d.oos_train]), validation: map([...d.val, ...d.oos_val]), test: map([...d.test, ...d.oos_test]) };
}

/** What a data file holds: plain examples, or CLINC150's three splits. */
export type IntentDataFile = { kind: 'examples'; examples: IntentExample[] } | { kind: 'clinc'; splits: ClincSplits };

/** Reads a CSV, JSONL, JSON (CLINC150 or an array of examples) or built-in YAML file, by extension and content. */
export function readIntentDataFile(path: string): IntentDataFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new IntentDataError(`Cannot read ${path}: ${(error as Error).message}`);
  }
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return { kind: 'examples', examples: parseCsvExamples(text, path) };
  if (extension === '.jsonl') return { kind: 'examples', examples: parseJsonl(text, path) };
  if (extension === '.yaml' || extension === '.yml') return { kind: 'examples', examples: parseBuiltinIntentFile(text, path) };
  if (extension === '.json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new IntentDataError(`${path}: not valid JSON (${(error as Error).message})`);
    }
    if (isClincData(value)) return { kind: 'clinc', splits: parseClinc(value, path) };
    if (Array.isArray(value)) return { kind: 'examples', examples: parseJsonl(value.map((v) => JSON.stringify(v)).join('\n'), path) };
  }
  throw new IntentDataError(`${path}: unsupported file; use .csv (text,intent[,lang]), .jsonl, CLINC150 data_full.json or a built-in .yaml`);
}
