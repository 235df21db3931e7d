/**
 * `npm run translate -- --from es --to en "¿Dónde está mi pedido A1B2C3?"`: translates with the platform's own
 * translator (configuration, backends, protected terms), prints the translation on stdout. `--json` prints
 * `{translation, backend, from, to}`.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config';
import { runtimeOptionsFromConfig } from '../nlu/runtime';
import { createTranslator } from '../nlu/translation';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean', default: false }, glossary: { type: 'string', multiple: true } },
  });
  const text = positionals.join(' ').trim();
  const language = /^[a-z]{2}$/;
  if (!values.from || !values.to || !language.test(values.from) || !language.test(values.to) || !text) {
    process.stderr.write('usage: npm run translate -- --from es --to en [--glossary "Brand Name" ...] [--json] "text to translate"\n');
    return 2;
  }
  const config = loadConfig();
  // `auto` would quietly return nothing without a backend; the CLI names what is missing instead.
  const engine = config.translation.engine === 'auto' && !config.translation.model ? 'apertium' : config.translation.engine;
  const translator = await createTranslator(
    { ...config.translation, engine },
    { protection: () => ({ glossary: values.glossary ?? [] }), runtimeOptions: runtimeOptionsFromConfig(config) },
  );
  if (!translator) {
    process.stderr.write('Translation is switched off (TRANSLATION_ENGINE=none).\n');
    return 1;
  }
  try {
    if (!translator.supports(values.from, values.to)) {
      process.stderr.write(`${translator.name} cannot translate ${values.from} to ${values.to} here.\n`);
      return 1;
    }
    const translation = await translator.translate(text, values.from, values.to);
    process.stdout.write(values.json ? `${JSON.stringify({ translation, backend: translator.name, from: values.from, to: values.to })}\n` : `${translation}\n`);
    return 0;
  } finally {
    await translator.close?.();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`translate failed: ${(error as Error).message}\n`);
    process.exit(1);
  },
);
