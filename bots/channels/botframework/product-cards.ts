/**
 * Product cards as Adaptive Cards (schema 1.2: what Teams on every client, Web Chat and Outlook render): the image,
 * the title, the subtitle and the price, the whole card opening the product page (`selectAction`), a link button
 * naming the shop's site, and one `Action.Submit` button per card action whose data is `{ payload, title }`, read
 * back by activity-mapper.ts when the shopper presses it.
 */
import type { RenderedCard } from '../channel-adapter';

/** An Adaptive Card element or action (a JSON object). */
type CardJson = Record<string, unknown>;

/** The Adaptive Card content type of a Bot Framework attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** The card's JSON (the `content` of an attachment of type {@link ADAPTIVE_CARD_CONTENT_TYPE}). */
export function productAdaptiveCard(card: RenderedCard): CardJson {
  const body: CardJson[] = [];
  if (card.imageUrl) body.push({ type: 'Image', url: card.imageUrl, size: 'Stretch', altText: card.title });
  body.push({ type: 'TextBlock', text: card.title, weight: 'Bolder', size: 'Medium', wrap: true });
  if (card.subtitle) body.push({ type: 'TextBlock', text: card.subtitle, isSubtle: true, wrap: true, spacing: 'None' });
  if (card.price) body.push({ type: 'TextBlock', text: card.price, weight: 'Bolder', color: 'Accent', spacing: 'Small' });
  const actions: CardJson[] = [];
  if (card.url) actions.push({ type: 'Action.OpenUrl', title: linkTitle(card.url), url: card.url });
  for (const button of card.buttons) actions.push({ type: 'Action.Submit', title: button.title, data: { payload: button.payload, title: button.title } });
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.2',
    body,
    ...(card.url ? { selectAction: { type: 'Action.OpenUrl', url: card.url } } : {}),
    ...(actions.length ? { actions } : {}),
  };
}

/**
 * The link button's title: the shop's host name (`shop.example ↗`), which needs no translation and tells the shopper
 * where the button leads.
 */
function linkTitle(url: string): string {
  try {
    return `${new URL(url).hostname.replace(/^www\./, '')} ↗`;
  } catch {
    return url;
  }
}
