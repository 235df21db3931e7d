/**
 * Product cards: a horizontally scrollable row under a bot message.
 */
import type { ProductCard } from '../../bots/runtime/reply';
import { h } from './dom';
import { formatPrice } from './format';
import { toSafeHttpUrl } from './linkify';
import type { RenderContext } from './render-context';

function placeholder(card: ProductCard): HTMLElement {
  // The first letter stands in for a missing or broken image, so the row keeps its rhythm.
  return h('div', { class: 'card-image card-placeholder', 'aria-hidden': 'true' }, Array.from(card.title)[0] ?? '?');
}

function renderImage(card: ProductCard, context: RenderContext): HTMLElement {
  const src = toSafeHttpUrl(card.imageUrl, context.assetBase);
  if (!src) return placeholder(card);
  const image = h('img', { class: 'card-image', alt: card.title, loading: 'lazy', decoding: 'async' });
  image.referrerPolicy = 'no-referrer';
  image.addEventListener('error', () => image.replaceWith(placeholder(card)), { once: true });
  image.src = src;
  return image;
}

/** Renders one card. The link opens in a new tab so the conversation stays where it is. */
export function renderCard(card: ProductCard, context: RenderContext): HTMLElement {
  const body = h(
    'div',
    { class: 'card-body' },
    h('p', { class: 'card-title', dir: 'auto' }, card.title),
    card.subtitle ? h('p', { class: 'card-subtitle', dir: 'auto' }, card.subtitle) : null,
    card.price ? h('p', { class: 'card-price' }, formatPrice(card.price, context.formatLocale)) : null,
  );

  const href = toSafeHttpUrl(card.url, context.pageBase);
  if (href) {
    const link = h('a', { class: 'card-link', target: '_blank', rel: 'noopener noreferrer' }, context.strings.viewProduct);
    link.href = href;
    // Screen readers hear which product "View product" belongs to.
    link.setAttribute('aria-label', `${context.strings.viewProduct}: ${card.title}`);
    body.append(link);
  }

  for (const action of card.actions ?? []) {
    const button = h('button', { type: 'button', class: 'chip', 'data-testid': 'card-action', dir: 'auto' }, action.title);
    button.addEventListener('click', () => context.onQuickReply(action));
    body.append(button);
  }

  return h('li', { class: 'card', 'data-testid': 'product-card' }, renderImage(card, context), body);
}

/** Renders the scrollable row of cards. */
export function renderCards(cards: readonly ProductCard[], context: RenderContext): HTMLElement {
  const row = h('ul', { class: 'cards', 'aria-label': context.strings.productsLabel });
  for (const card of cards) row.append(renderCard(card, context));
  return row;
}
