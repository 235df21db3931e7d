/**
 * The bot's fixed sentences in one language. Until the NLU issue lands, the foundation answers greetings and
 * otherwise says honestly that it is still learning and offers a person. `{store}` is replaced with the
 * workspace's display name.
 */
export interface TemplateSet {
  /** ISO 639-1 code, e.g. `en`, `zh` (Simplified Chinese), `es`. */
  language: string;
  /** Name of the language in itself, e.g. `Español`. */
  endonym: string;
  /** Reply to a greeting. May contain `{store}`. */
  greeting: string;
  /** Reply to anything the bot cannot handle yet: honest that it is learning, offers a person. */
  fallback: string;
  /** The shopper asked for a person: say one is coming and will reply here. */
  handoffRequested: string;
  /** The shopper asked again while already waiting for a person. */
  handoffAlreadyWaiting: string;
  /** The shopper declined the offer of a person. */
  dismissed: string;
  /** Added to `handoffRequested` when the wait can be estimated: "Expected wait: about {minutes} min." */
  expectedWait: string;
  /** Nobody took the conversation in time: apologise and offer to reply by e-mail if the shopper leaves an address. */
  waitingTooLong: string;
  /** A person handed the conversation back to the bot. */
  returnedToBot: string;
  /** Button titles. */
  quickReplies: { talkToPerson: string; noThanks: string };
  /**
   * Greeting words and phrases, lowercase, without punctuation (e.g. `hello`, `good morning`, `你好`).
   * A message made only of these and of `greetingFillers` is a greeting.
   */
  greetings: string[];
  /** Words that may accompany a greeting without changing its meaning (`there`, `team`, `啊`, `everyone`). */
  greetingFillers: string[];
}
