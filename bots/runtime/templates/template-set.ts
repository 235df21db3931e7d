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
  /**
   * The shopper, still waiting for a person, left an e-mail address: thank them and say a person will also reply
   * to that address. Contains `{email}`.
   */
  emailSaved: string;
  /** A person handed the conversation back to the bot. */
  returnedToBot: string;
  /** Button titles. */
  quickReplies: { talkToPerson: string; noThanks: string };
  /** Sentences and labels the messaging channels need to fit the bot's answers to what they can show and send. */
  channel: {
    /** Title of the button that opens a list of choices, e.g. `Choose`; at most 20 characters. */
    chooseOption: string;
    /** One short sentence under a numbered list of options, on channels without buttons: reply with the number. */
    numberedHint: string;
    /** The shopper sent a file or image: received and kept for the team; please also describe the request in words. */
    attachmentReceived: string;
    /** The shopper sent a voice message: received and kept, but the assistant only reads text; please write it. */
    voiceNoteReceived: string;
    /** The shopper shared a location: thanks, it has been noted. */
    locationReceived: string;
    /** The shopper sent a kind of message the bot cannot read (sticker, contact card, ...): please write text. */
    unsupportedMessage: string;
  };
  /**
   * Greeting words and phrases, lowercase, without punctuation (e.g. `hello`, `good morning`, `你好`).
   * A message made only of these and of `greetingFillers` is a greeting.
   */
  greetings: string[];
  /** Words that may accompany a greeting without changing its meaning (`there`, `team`, `啊`, `everyone`). */
  greetingFillers: string[];
}
