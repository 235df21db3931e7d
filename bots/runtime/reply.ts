/**
 * The channel-agnostic reply model. Skills produce a {@link Reply}; each channel adapter renders it for its own
 * capabilities (buttons, cards, text length), degrading gracefully instead of failing.
 */

/** A button that sends `payload` back as the shopper's next message when pressed. */
export interface QuickReply {
  /** Text shown on the button, already in the shopper's language. */
  title: string;
  /** Machine-readable value sent back to the bot (for example `human_agent`). */
  payload: string;
}

/** A price in minor-unit-free decimal form, e.g. `{ amount: 19.9, currency: 'EUR' }`. */
export interface Money {
  amount: number;
  /** ISO 4217 code. */
  currency: string;
}

/** A product shown as a card (image, title, price, link, optional buttons). */
export interface ProductCard {
  productId: string;
  title: string;
  subtitle?: string;
  price?: Money;
  imageUrl?: string;
  url?: string;
  actions?: QuickReply[];
}

/** A system notice shown apart from ordinary bubbles (for example "a person will take over"). */
export interface Notice {
  kind: 'handoff' | 'info' | 'warning';
  text: string;
}

/** What the bot (or an agent) says, independent of any channel. */
export interface Reply {
  /** Main text, in `language`. May be empty when only cards are sent. */
  text: string;
  /** BCP-47 primary language code the text is written in (e.g. `es`, `zh`). */
  language: string;
  quickReplies?: QuickReply[];
  cards?: ProductCard[];
  notice?: Notice;
}

/** Who wrote a message: the shopper, the bot, or a human agent. */
export type MessageAuthor = 'shopper' | 'bot' | 'agent';
