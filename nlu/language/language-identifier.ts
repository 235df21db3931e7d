/** What language identification returns, and the face every identifier shows. */

/** A language guess. */
export interface LanguageGuess {
  /** ISO 639-1 code where one exists (`es`, `zh`), else ISO 639-3. */
  language: string;
  /** Probability in [0, 1]. */
  confidence: number;
}

/** Identifies the language of a text. Implementations load their model once and are safe to call concurrently. */
export interface LanguageIdentifier {
  /** Registry name used in configuration and logs. */
  readonly name: string;
  /** Loads the model; called once at start-up so the first message is not slow. */
  load(): Promise<void>;
  /** The most likely language of `text`. */
  identify(text: string): Promise<LanguageGuess>;
}
