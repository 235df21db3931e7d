/** Jest global set-up: the built-in intent model in the test cache (see model-cache.ts). */
import { ensureTestIntentModel } from './model-cache';

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  if (await ensureTestIntentModel()) process.stdout.write(`\ntrained the built-in intent model for the tests in ${Date.now() - started} ms\n`);
}
