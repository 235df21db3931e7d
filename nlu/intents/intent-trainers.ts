/** Intent classifiers by registry name; configuration picks one (`NLU_INTENT_CLASSIFIER`). */
import type { IntentClassifierTrainer } from './intent-classifier';
import { linearSvmIntentTrainer, naiveBayesIntentTrainer } from './linear-intent-classifier';

/** Registry of intent classifier kinds. `linear-svm` is the default (see README for the comparison). */
export const intentTrainers: Readonly<Record<string, IntentClassifierTrainer>> = {
  'linear-svm': linearSvmIntentTrainer,
  'naive-bayes': naiveBayesIntentTrainer,
};

/** The trainer of a kind, or a clear error listing the known ones. */
export function intentTrainer(kind: string): IntentClassifierTrainer {
  const trainer = intentTrainers[kind];
  if (!trainer) throw new Error(`Unknown intent classifier "${kind}"; choose one of ${Object.keys(intentTrainers).join(', ')}`);
  return trainer;
}
