/**
 * What a Bot Framework conversation can show. One set for every Bot Framework channel, chosen so that nothing is
 * lost on the strictest one the platform targets, Microsoft Teams:
 * - quick replies: `imBack` suggested actions, at most 3, because Teams shows only the first three suggested actions
 *   and silently drops the rest (more choices become a numbered list, which every channel shows whole). Titles are
 *   kept to 40 characters, about what a suggested-action pill shows on a phone without cutting it;
 * - no list picker (Bot Framework has none);
 * - product cards: one carousel of Adaptive Cards (image, title, price, link, buttons) per message;
 * - text: CommonMark, at most 4,000 characters per message. Teams refuses activities over about 28 KB (text, cards
 *   and envelope together, in UTF-8): 4,000 characters stay under 16 KB even in 4-byte scripts, leaving room for
 *   suggested actions; Telegram, which Azure Bot Service also bridges, stops at 4,096;
 * - a typing indicator (`typing` activity); no read receipts (the Bot Connector reports none).
 */
import type { ChannelCapabilities } from '../channel-adapter';

/** See the file comment. */
export const BOTFRAMEWORK_CAPABILITIES: ChannelCapabilities = Object.freeze({
  quickReplies: Object.freeze({ max: 3, maxTitleLength: 40 }),
  choiceList: null,
  cards: 'carousel',
  images: true,
  maxTextLength: 4000,
  markdown: 'markdown',
  typingIndicator: true,
  readReceipts: false,
});

/** Most cards one carousel message carries (Teams shows up to 10); more go out in further messages. */
export const MAX_CAROUSEL_CARDS = 10;
