/** Jest global tear-down: stops the shared apertium-apy service of global-setup.ts. */
import type { ApertiumApyTranslator } from '../../nlu/translation/apertium-apy-translator';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { testApertium?: ApertiumApyTranslator }).testApertium?.close();
}
