/**
 * Renders a stored outgoing message (the channel-agnostic reply) for one channel's capabilities, degrading
 * instead of failing:
 * - quick replies: native buttons when they fit the channel's count (titles shortened to its limit), else a list
 *   picker where the channel has one, else a numbered list in the text that the shopper answers with "2"
 *   (the turn processor maps the number back, see bots/runtime/numbered-choice.ts);
 * - product cards: native cards (one carousel or one per message), else image + caption + link, else text;
 * - text: converted to the channel's Markdown dialect and split at the channel's length limit;
 * - an agent's message starts with the agent's name, since the shopper's app shows only the store's.
 */
import { messagePayload, type StoredMessage } from '../runtime/conversation-store';
import type { ProductCard, QuickReply } from '../runtime/reply';
import { templatesFor } from '../runtime/templates';
import type { ChannelCapabilities, OutboundPart, RenderedCard, RenderedChoice } from './channel-adapter';
import { formatForDialect, splitText } from './text-format';

/** What rendering needs of a stored message. */
export type RenderableMessage = Pick<StoredMessage, 'text' | 'language' | 'author' | 'author_name' | 'payload'>;

/** Renders `message` for a channel; the parts are sent in order. Never returns an empty list for a non-empty message. */
export function renderReply(message: RenderableMessage, capabilities: ChannelCapabilities): OutboundPart[] {
  const payload = messagePayload(message);
  const language = message.language ?? 'en';
  const texts = templatesFor(language);
  let body = message.text.trim() || payload.notice?.text.trim() || '';
  if (message.author === 'agent' && message.author_name) body = `**${escapeMarkdown(message.author_name)}**\n${body}`;

  const cards = payload.cards ?? [];
  const choices: RenderedChoice[] = (payload.quickReplies ?? []).map(toChoice);
  const nativeCards = capabilities.cards !== null;
  // Buttons on cards the channel cannot show as cards join the message's choices, named after their product.
  if (!nativeCards) {
    for (const card of cards) for (const action of card.actions ?? []) choices.push({ title: `${action.title}: ${card.title}`, payload: action.payload });
  }

  const parts: OutboundPart[] = [];
  const textParts = (text: string): string[] => (text ? splitText(formatForDialect(text, capabilities.markdown), capabilities.maxTextLength) : []);
  const quick = capabilities.quickReplies;
  const list = capabilities.choiceList;
  if (choices.length && quick && choices.length <= quick.max) {
    const pieces = textParts(body);
    const bodyLimit = quick.maxBodyLength ?? capabilities.maxTextLength;
    const last = pieces.pop() ?? '';
    for (const piece of pieces) parts.push({ kind: 'text', text: piece });
    const lastPieces = last ? splitText(last, bodyLimit) : [''];
    const carrier = lastPieces.pop() as string;
    for (const piece of lastPieces) parts.push({ kind: 'text', text: piece });
    parts.push({ kind: 'text', text: carrier, choices: choices.map((choice) => shorten(choice, quick.maxTitleLength)) });
  } else if (choices.length && list && choices.length <= list.max) {
    const pieces = textParts(body);
    const last = pieces.pop() ?? '';
    for (const piece of pieces) parts.push({ kind: 'text', text: piece });
    parts.push({
      kind: 'text',
      text: last,
      list: { button: clip(texts.channel.chooseOption, list.maxTitleLength), choices: choices.map((choice) => shorten(choice, list.maxTitleLength)) },
    });
  } else {
    for (const piece of textParts(body)) parts.push({ kind: 'text', text: piece });
  }

  if (cards.length) {
    const rendered = cards.map((card) => renderCard(card, language));
    if (capabilities.cards === 'carousel') parts.push({ kind: 'cards', cards: rendered });
    else if (capabilities.cards === 'single') for (const card of rendered) parts.push({ kind: 'cards', cards: [card] });
    else for (const card of rendered) parts.push(...degradedCard(card, capabilities, textParts));
  }

  const native = (quick && choices.length <= quick.max) || (list && choices.length <= list.max);
  if (choices.length && !native) {
    // Numbered list, last (after any products): "1. Track my order" ... and a hint; the shopper answers "2".
    const numbered = choices.map((choice, index) => `${index + 1}. ${escapeMarkdown(choice.title)}`).join('\n');
    const hint = `_${texts.channel.numberedHint}_`;
    for (const piece of textParts(`${numbered}\n\n${hint}`)) parts.push({ kind: 'text', text: piece });
  }
  return parts;
}

/** A card as image + caption (title, price, link), or as text where images are not possible. */
function degradedCard(card: RenderedCard, capabilities: ChannelCapabilities, textParts: (text: string) => string[]): OutboundPart[] {
  const lines = [`**${escapeMarkdown(card.title)}**`];
  if (card.subtitle) lines.push(escapeMarkdown(card.subtitle));
  if (card.price) lines.push(card.price);
  if (card.url) lines.push(card.url);
  const caption = lines.join('\n');
  if (capabilities.images && card.imageUrl) {
    const [first, ...more] = textParts(caption);
    return [{ kind: 'image', url: card.imageUrl, caption: first ?? '' }, ...more.map((text): OutboundPart => ({ kind: 'text', text }))];
  }
  return textParts(caption).map((text): OutboundPart => ({ kind: 'text', text }));
}

function renderCard(card: ProductCard, language: string): RenderedCard {
  const rendered: RenderedCard = { productId: card.productId, title: card.title, buttons: (card.actions ?? []).map(toChoice) };
  if (card.subtitle) rendered.subtitle = card.subtitle;
  if (card.price) rendered.price = formatPrice(card.price.amount, card.price.currency, language);
  if (card.imageUrl) rendered.imageUrl = card.imageUrl;
  if (card.url) rendered.url = card.url;
  return rendered;
}

/** A price in the message's language (`19,90 €` in Spanish, `€19.90` in English). */
export function formatPrice(amount: number, currency: string, language: string): string {
  try {
    return new Intl.NumberFormat(language, { style: 'currency', currency }).format(amount);
  } catch {
    return `${amount} ${currency}`;
  }
}

function toChoice(reply: QuickReply): RenderedChoice {
  return { title: reply.title, payload: reply.payload };
}

function shorten(choice: RenderedChoice, max: number): RenderedChoice {
  return { title: clip(choice.title, max), payload: choice.payload };
}

/** Cuts to `max` characters with an ellipsis, on a code-point boundary. */
export function clip(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, Math.max(0, max - 1)).join('')}…`;
}

function escapeMarkdown(text: string): string {
  return text.replace(/([\\*_~`[\]])/g, '\\$1');
}
