/**
 * Routes each language pair to the first backend, in preference order, that supports it: e.g. Apertium where it has
 * the pair (fast, rule-based, predictable) and a transformer model for everything else.
 */
import { TranslationError, type Translator } from './translator';

/**
 * A translator over several backends, chosen per pair by `supports()` in the given order.
 *
 * @example
 * const translator = new TranslationRouter([apertium, transformers]);
 * translator.supports('de', 'en'); // true when the transformer model knows German
 */
export class TranslationRouter implements Translator {
  readonly name: string;

  /** @throws TranslationError when `backends` is empty. */
  constructor(private readonly backends: readonly Translator[]) {
    if (backends.length === 0) throw new TranslationError('TranslationRouter needs at least one backend');
    this.name = backends.map((backend) => backend.name).join('+');
  }

  /** The backend that translates `from` -> `to`, or undefined. */
  backendFor(from: string, to: string): Translator | undefined {
    return this.backends.find((backend) => backend.supports(from, to));
  }

  supports(from: string, to: string): boolean {
    return this.backendFor(from, to) !== undefined;
  }

  async translate(text: string, from: string, to: string): Promise<string> {
    const backend = this.backendFor(from, to);
    if (!backend) throw new TranslationError(`none of ${this.name} translates ${from} -> ${to}`);
    return backend.translate(text, from, to);
  }

  async close(): Promise<void> {
    await Promise.all(this.backends.map((backend) => backend.close?.()));
  }
}
