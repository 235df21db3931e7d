/**
 * The NLU step every shopper message goes through: intent (with out-of-scope detection), entities and a
 * frustration signal. Language identification runs before it (the runtime decides the reply language from the
 * whole conversation), so the language comes in as a hint.
 */
import { assessFrustration, extractEntities, type Entity, type EntityExtractionOptions, type FrustrationAssessment } from './entities';
import type { IntentClassifier, IntentPrediction } from './intents';

/** What the platform understood of one message. */
export interface Understanding {
  intent: IntentPrediction;
  entities: Entity[];
  frustration: FrustrationAssessment;
}

/** Per-message context. */
export interface UnderstandOptions extends Omit<EntityExtractionOptions, 'language'> {
  /** The message's language, when known. */
  language?: string | undefined;
}

/** Parts of the pipeline. */
export interface NluPipelineParts {
  classifier: IntentClassifier;
}

/** Runs the NLU components on one message. Synchronous and allocation-light: p99 well under 5 ms on one core. */
export class NluPipeline {
  constructor(private readonly parts: NluPipelineParts) {}

  /** The classifier in use (swapped by the model registry when a new version goes live). */
  get classifier(): IntentClassifier {
    return this.parts.classifier;
  }

  understand(text: string, options: UnderstandOptions = {}): Understanding {
    const { language, ...entityOptions } = options;
    return {
      intent: this.parts.classifier.predict(text),
      entities: extractEntities(text, { ...entityOptions, ...(language ? { language } : {}) }),
      frustration: assessFrustration(text, language),
    };
  }
}
