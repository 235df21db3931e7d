// Appends the examples of a YAML file shaped like nlu/data/intents/<lang>.yaml to that file, keeping one file per
// language, and rewrites it in the canonical layout. Usage: node scripts/merge-intent-data.mjs <lang> <extra.yaml>
import { readFileSync, writeFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';

const [lang, extraPath] = process.argv.slice(2);
const path = `nlu/data/intents/${lang}.yaml`;
const text = readFileSync(path, 'utf8');
const header = text.split('\n').filter((line, i) => line.startsWith('#') && i < 5);
const base = parse(text);
const extra = parse(readFileSync(extraPath, 'utf8'));
for (const [intent, list] of Object.entries(extra.intents ?? {})) base.intents[intent] = [...(base.intents[intent] ?? []), ...list];
base.out_of_scope = [...(base.out_of_scope ?? []), ...(extra.out_of_scope ?? [])];
const body = stringify(base, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' });
writeFileSync(path, `${header.join('\n')}\n${body}`);
console.log(`${path}: merged ${Object.values(extra.intents ?? {}).flat().length + (extra.out_of_scope ?? []).length} examples`);
