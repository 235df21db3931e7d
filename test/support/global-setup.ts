/**
 * Jest global set-up: the built-in intent model in the test cache (see model-cache.ts), and one apertium-apy service
 * shared by every test platform (TEST_APERTIUM_URL), instead of one Python service per platform a test starts.
 */
import { ApertiumApyTranslator } from '../../nlu/translation/apertium-apy-translator';
import { ensureTestIntentModel } from './model-cache';

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  if (await ensureTestIntentModel()) process.stdout.write(`\ntrained the built-in intent model for the tests in ${Date.now() - started} ms\n`);
  try {
    const apy = await ApertiumApyTranslator.start();
    process.env.TEST_APERTIUM_URL = apy.baseUrl;
    (globalThis as { testApertium?: ApertiumApyTranslator }).testApertium = apy;
  } catch (error) {
    // Without apertium-apy the platforms fall back to the apertium command; the APY tests say what is missing.
    process.stdout.write(`\napertium-apy not started for the tests: ${(error as Error).message}\n`);
  }
}
