/**
 * The intent classifier as a registry component: its training data is the built-in data plus a workspace's own
 * examples, its primary metric the held-out in-scope accuracy, and training runs on worker threads.
 */
import { createHash } from 'node:crypto';
import type { TrainableComponent, TrainedArtefact, TrainingControl, TrainingSet } from '../../platform/models/trainable-component';
import type { IntentClassifier, IntentExample } from './intent-classifier';
import { intentTrainer } from './intent-trainers';
import { loadBuiltinIntentData } from './training-data';
import { trainIntentsInThread } from './train-in-thread';

/** Registry name of the intent classifier component. */
export const INTENT_COMPONENT = 'intent-classifier';

/** Bumped when the features or training change in a way that must retrain existing models. */
const TRAINING_REVISION = 2;

/** Settings of {@link IntentClassifierComponent}. */
export interface IntentComponentOptions {
  /** Classifier kind (`linear-svm` or `naive-bayes`). */
  kind: string;
  /** A workspace's own examples. */
  workspaceExamples: (workspaceId: string) => Promise<IntentExample[]>;
  /** The built-in examples (default: the YAML files shipped in nlu/data/intents). */
  builtinExamples?: () => IntentExample[];
}

/** Fingerprint of a training set: kind, revision and every example, order-independent. */
export function fingerprintExamples(kind: string, examples: readonly IntentExample[]): string {
  const lines = examples.map((e) => `${e.intent}\u0001${e.language ?? ''}\u0001${e.text}`).sort();
  const hash = createHash('sha256').update(`${kind}\u0002${TRAINING_REVISION}\u0002`);
  for (const line of lines) hash.update(line).update('\n');
  return hash.digest('hex');
}

/** See the file comment. */
export class IntentClassifierComponent implements TrainableComponent<IntentExample[], IntentClassifier> {
  readonly name = INTENT_COMPONENT;
  readonly primaryMetric = 'accuracy';
  private builtinCache?: IntentExample[];

  constructor(private readonly options: IntentComponentOptions) {}

  async collect(scope: string | null): Promise<TrainingSet<IntentExample[]>> {
    this.builtinCache ??= (this.options.builtinExamples ?? loadBuiltinIntentData)();
    const own = scope ? await this.options.workspaceExamples(scope) : [];
    const data = [...this.builtinCache, ...own];
    return { data, fingerprint: fingerprintExamples(this.options.kind, data), kind: this.options.kind };
  }

  async train(set: TrainingSet<IntentExample[]>, control: TrainingControl): Promise<TrainedArtefact> {
    const { artefact, metrics } = await trainIntentsInThread({ kind: set.kind, examples: set.data }, control);
    return { artefact, metrics: { ...metrics } };
  }

  load(kind: string, artefact: Buffer): IntentClassifier {
    return intentTrainer(kind).load(artefact);
  }
}
