// Checks one language's built-in intent data (training YAML + held-out JSONL) for shape, counts and duplicates.
// Usage: node scripts/check-intent-data.mjs <lang> [<lang> ...]
import { readFileSync, existsSync } from 'node:fs';
import { parse } from 'yaml';

export const INTENTS = ['greeting', 'goodbye', 'thanks', 'order_status', 'order_cancel', 'change_address', 'return_item',
  'refund_status', 'shipping_info', 'customs_duties', 'payment_issue', 'payment_methods', 'product_availability',
  'product_recommendation', 'size_guide', 'discount_code', 'damaged_or_wrong_item', 'package_not_received',
  'account_help', 'human_agent', 'complaint', 'invoice_request', 'warranty_repair'];
const MIN_PER_INTENT = 60, MIN_OOS = 120, MIN_HELDOUT_PER_INTENT = 15, MIN_HELDOUT_OOS = 40;
const norm = (t) => t.toLowerCase().normalize('NFKC').replace(/[\s\p{P}]+/gu, ' ').trim();

let failed = false;
const fail = (m) => { failed = true; console.error('  FAIL ' + m); };
for (const lang of process.argv.slice(2)) {
  console.log(`== ${lang}`);
  const trainPath = `nlu/data/intents/${lang}.yaml`, heldPath = `nlu/data/heldout/${lang}.jsonl`;
  const seen = new Map();
  if (!existsSync(trainPath)) { fail(`${trainPath} missing`); continue; }
  const doc = parse(readFileSync(trainPath, 'utf8'));
  if (doc.language !== lang) fail(`language: must be ${lang}`);
  const keys = Object.keys(doc.intents ?? {});
  for (const k of keys) if (!INTENTS.includes(k)) fail(`unknown intent ${k}`);
  const check = (where, label, list, min) => {
    if (!Array.isArray(list)) return fail(`${where}: ${label} is not a list`);
    if (list.length < min) fail(`${where}: ${label} has ${list.length} examples, needs >= ${min}`);
    for (const t of list) {
      if (typeof t !== 'string' || !t.trim()) { fail(`${where}: ${label}: empty or non-string example ${JSON.stringify(t)}`); continue; }
      const n = norm(t);
      if (seen.has(n)) fail(`${where}: duplicate "${t}" (${label}, first in ${seen.get(n)})`); else seen.set(n, `${where}:${label}`);
    }
  };
  for (const intent of INTENTS) check('train', intent, doc.intents?.[intent], MIN_PER_INTENT);
  check('train', 'out_of_scope', doc.out_of_scope, MIN_OOS);
  if (!existsSync(heldPath)) { fail(`${heldPath} missing`); continue; }
  const counts = {};
  readFileSync(heldPath, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    let row; try { row = JSON.parse(line); } catch { return fail(`heldout line ${i + 1}: not JSON`); }
    if (row.lang !== lang) fail(`heldout line ${i + 1}: lang must be ${lang}`);
    if (row.intent !== 'out_of_scope' && !INTENTS.includes(row.intent)) fail(`heldout line ${i + 1}: unknown intent ${row.intent}`);
    counts[row.intent] = (counts[row.intent] ?? 0) + 1;
    check('heldout', row.intent, [row.text], 0);
  });
  for (const intent of INTENTS) if ((counts[intent] ?? 0) < MIN_HELDOUT_PER_INTENT) fail(`heldout: ${intent} has ${counts[intent] ?? 0}, needs >= ${MIN_HELDOUT_PER_INTENT}`);
  if ((counts.out_of_scope ?? 0) < MIN_HELDOUT_OOS) fail(`heldout: out_of_scope has ${counts.out_of_scope ?? 0}, needs >= ${MIN_HELDOUT_OOS}`);
  const total = INTENTS.reduce((s, i) => s + (doc.intents?.[i]?.length ?? 0), 0) + (doc.out_of_scope?.length ?? 0);
  console.log(`  train examples: ${total}, heldout lines: ${Object.values(counts).reduce((a, b) => a + b, 0)}`);
}
if (failed) { console.error('FAILED'); process.exit(1); } else console.log('OK');
