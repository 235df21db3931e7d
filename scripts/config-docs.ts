/**
 * Prints the configuration reference (Markdown table) from the schema, or with `--check README.md` fails when the
 * README's copy between the config-reference markers is out of date. `npm run docs:config -- --write README.md`
 * rewrites it in place.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { listSettings } from '../config';

const START = '<!-- config-reference:start -->';
const END = '<!-- config-reference:end -->';

/** The Markdown table of every setting. */
export function configReference(): string {
  const rows = listSettings().map((s) => {
    const value = s.defaultValue === undefined ? '(unset)' : `\`${String(s.defaultValue)}\``;
    return `| \`${s.env}\` | \`${s.path}\` | ${s.type} | ${value} | ${s.description.replace(/\|/g, '\\|')} |`;
  });
  return ['| Environment variable | Key in the config file | Type | Default | Meaning |', '|---|---|---|---|---|', ...rows].join('\n');
}

/** Replaces the marked section of a README text. */
export function withReference(readme: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README has no ${START} ... ${END} section`);
  return `${readme.slice(0, start + START.length)}\n${configReference()}\n${readme.slice(end)}`;
}

if (require.main === module) {
  const [flag, file] = process.argv.slice(2);
  if (flag === '--write' && file) writeFileSync(file, withReference(readFileSync(file, 'utf8')));
  else if (flag === '--check' && file) {
    const text = readFileSync(file, 'utf8');
    if (withReference(text) !== text) {
      process.stderr.write(`${file}: the configuration reference is out of date; run npm run docs:config -- --write ${file}\n`);
      process.exit(1);
    }
  } else process.stdout.write(`${configReference()}\n`);
}
