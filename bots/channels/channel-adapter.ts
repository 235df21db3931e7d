/**
 * The contract every channel adapter meets. An adapter declares what its channel can show
 * ({@link ChannelCapabilities}); the runtime's channel-agnostic reply is rendered for those capabilities by
 * `renderReply` (render-reply.ts), degrading gracefully (quick replies beyond the channel's limit become a numbered
 * list the shopper answers with "2", product cards become image + caption + link). The adapter then sends the
 * rendered parts in order. One conformance suite (test/bots/channels/adapter-conformance.ts) runs against every
 * adapter.
 */
import type { ChannelDelivery } from '../runtime/channel-delivery';

/** The light Markdown a channel understands natively; reply text is converted to it (text-format.ts). */
export type MarkdownDialect =
  /** CommonMark (Bot Framework / Teams, the web widget). */
  | 'markdown'
  /** WhatsApp's `*bold*`, `_italic_`, `~strike~`, ```` ```mono``` ````; links as plain URLs. */
  | 'whatsapp'
  /** No formatting: Markdown is stripped to plain text, links written as `text (url)`. */
  | 'plain';

/** What a channel can show. Limits are the channel's own (documented by the provider). */
export interface ChannelCapabilities {
  /**
   * Native quick replies / reply buttons: how many one message may carry, the longest title, and the longest text
   * a message with buttons may have (WhatsApp: 1024). `null`: none (the choices become a numbered list in the text).
   */
  quickReplies: { max: number; maxTitleLength: number; maxBodyLength?: number } | null;
  /**
   * A list picker for more choices than `quickReplies.max` (WhatsApp interactive list: 10 rows, 24-character titles).
   * `null`: more choices than buttons become a numbered list.
   */
  choiceList: { max: number; maxTitleLength: number } | null;
  /** Product cards: `carousel` (several in one message), `single` (one card per message), or `null` (image + caption + link). */
  cards: 'carousel' | 'single' | null;
  /** Can send images (by URL). */
  images: boolean;
  /**
   * Longest text of one message; longer texts are split at paragraph, sentence or word boundaries. `Infinity` for a
   * channel without a limit (the web widget).
   */
  maxTextLength: number;
  markdown: MarkdownDialect;
  /** Has a typing indicator the bot can show. */
  typingIndicator: boolean;
  /** Reports delivery / read receipts of outbound messages. */
  readReceipts: boolean;
}

/** A choice offered to the shopper (a quick reply after rendering). */
export interface RenderedChoice {
  title: string;
  payload: string;
}

/** A product card, as rendered for a channel that shows cards. */
export interface RenderedCard {
  productId: string;
  title: string;
  subtitle?: string;
  /** Price already formatted in the message's language (`19,90 €`). */
  price?: string;
  imageUrl?: string;
  url?: string;
  buttons: RenderedChoice[];
}

/** One thing to send, in order. Text is already in the channel's Markdown dialect and within its length limit. */
export type OutboundPart =
  /** Text, with native quick replies when the channel has them (`choices`), or a list picker (`list`). */
  | { kind: 'text'; text: string; choices?: RenderedChoice[]; list?: { button: string; choices: RenderedChoice[] } }
  /** An image with an optional caption (a degraded product card, or an image reply). */
  | { kind: 'image'; url: string; caption?: string }
  /** Cards the channel shows natively (`carousel`: all in one message; `single`: one part per card). */
  | { kind: 'cards'; cards: RenderedCard[] };

/** A channel adapter: delivery of stored messages (through the outbound queue) plus what the channel can show. */
export interface ChannelAdapter extends ChannelDelivery {
  readonly capabilities: ChannelCapabilities;
}
