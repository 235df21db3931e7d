/**
 * The built-in intent model for tests: trained once per machine (by jest's global set-up) into a cache folder that
 * every platform started by a test installs from, so no test waits for training.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IntentClassifierComponent } from '../../nlu/intents';
import { ArtefactCache } from '../../workers/model-registry/artefact-cache';

/** Shared by all test runs on this machine; entries are keyed by the training data's fingerprint. */
export const TEST_MODEL_CACHE_DIR = join(tmpdir(), 'polyglot-desk-test-model-cache');

/** Trains the built-in intent model into the cache unless it is there already. @returns whether it trained. */
export async function ensureTestIntentModel(): Promise<boolean> {
  const component = new IntentClassifierComponent({ kind: 'linear-svm', workspaceExamples: async () => [] });
  const cache = new ArtefactCache(TEST_MODEL_CACHE_DIR);
  const set = await component.collect(null);
  if (cache.read(component.name, set.fingerprint)) return false;
  const trained = await component.train(set, {});
  cache.write(component.name, set.fingerprint, { kind: set.kind, ...trained });
  return true;
}
