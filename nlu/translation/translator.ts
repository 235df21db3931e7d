/** The translation interface every backend implements, and its error. */

/** What a translation may depend on beyond its text and languages. */
export interface TranslationContext {
  /** The workspace's brand and product names, kept as written. */
  glossary?: readonly string[];
}

/** Translates text between two languages (ISO 639-1 codes). */
export interface Translator {
  /** Backend name for logs and the CLI (`apertium`, `apertium-apy`, ...). */
  readonly name: string;
  /** Whether `from` -> `to` can be translated (directly or through a pivot language). */
  supports(from: string, to: string): boolean;
  /** @throws TranslationError when the pair is not supported or the backend fails. */
  translate(text: string, from: string, to: string, context?: TranslationContext): Promise<string>;
  /** Frees processes and connections. */
  close?(): Promise<void>;
}

/** A backend failed, or the pair is not covered. */
export class TranslationError extends Error {
  override name = 'TranslationError';
}
