/**
 * One conversation entry: bubble with linkified text, author name, product cards, quick replies, notice, and the
 * delivery status of the shopper's own messages.
 */
import { h } from './dom';
import { formatText } from './i18n';
import { formatTime } from './format';
import { linkify } from './linkify';
import type { ChatItem } from './message-store';
import { renderCards } from './render-cards';
import type { RenderContext } from './render-context';

/**
 * Appends `text` to `parent` as text nodes and safe links. Line breaks survive through the bubble's
 * `white-space: pre-wrap`, so no `<br>` (and no HTML parsing) is needed.
 */
export function appendLinkifiedText(parent: HTMLElement, text: string): void {
  for (const segment of linkify(text)) {
    if (segment.kind === 'text') {
      parent.append(document.createTextNode(segment.text));
      continue;
    }
    const link = h('a', { target: '_blank', rel: 'noopener noreferrer nofollow ugc' }, segment.text);
    link.href = segment.href;
    parent.append(link);
  }
}

/** The line under a shopper bubble: "Sending…", the refusal reason, or nothing once sent. */
export function deliveryText(item: ChatItem, context: RenderContext): string {
  if (item.status === 'sending') return context.strings.sending;
  if (item.status !== 'error') return '';
  if (item.error?.code === 'message_too_long' && item.error.limit !== undefined) {
    return formatText(context.strings.errorTooLong, { limit: item.error.limit });
  }
  return context.strings.errorGeneric;
}

function renderMeta(item: ChatItem, context: RenderContext): HTMLElement {
  const meta = h('div', { class: 'meta', 'data-role': 'delivery' });
  updateMeta(meta, item, context);
  return meta;
}

function updateMeta(meta: HTMLElement, item: ChatItem, context: RenderContext): void {
  const text = deliveryText(item, context);
  meta.textContent = text;
  meta.hidden = !text;
  meta.toggleAttribute('data-error', item.status === 'error');
}

/** Renders an entry. `quickRepliesActive` is false for all but the latest bot message. */
export function renderMessage(item: ChatItem, context: RenderContext, quickRepliesActive: boolean): HTMLElement {
  const element = h('div', {
    class: 'msg',
    'data-testid': 'message',
    'data-author': item.author,
    'data-status': item.author === 'shopper' ? item.status : undefined,
    'data-key': item.key,
  });

  if (item.author === 'agent') {
    element.append(h('div', { class: 'author', dir: 'auto' }, item.authorName || context.strings.agentName));
  }

  if (item.text) {
    const bubble = h('div', { class: 'bubble', dir: 'auto', lang: item.language });
    const time = formatTime(item.at, context.formatLocale);
    if (time) bubble.title = time;
    appendLinkifiedText(bubble, item.text);
    element.append(bubble);
  }

  if (item.cards?.length) element.append(renderCards(item.cards, context));

  if (quickRepliesActive && item.quickReplies?.length) {
    const group = h('div', { class: 'quick-replies', role: 'group' });
    for (const reply of item.quickReplies) {
      const button = h('button', { type: 'button', class: 'chip', 'data-testid': 'quick-reply', dir: 'auto' }, reply.title);
      button.addEventListener('click', () => context.onQuickReply(reply));
      group.append(button);
    }
    element.append(group);
  }

  if (item.notice) {
    element.append(
      h(
        'div',
        { class: 'notice', 'data-testid': 'notice', 'data-kind': item.notice.kind, role: 'note' },
        h('span', { dir: 'auto' }, item.notice.text),
      ),
    );
  }

  if (item.author === 'shopper') element.append(renderMeta(item, context));
  return element;
}

/**
 * Updates an element rendered for `previous` to show `next` without rebuilding it, when only the delivery state
 * changed (the common case: "sending" -> "sent"). Rebuilding would make screen readers announce the shopper's
 * own message again, since the list is a live region. Returns false when a full re-render is needed.
 */
export function patchDelivery(element: HTMLElement, previous: ChatItem, next: ChatItem, context: RenderContext): boolean {
  const sameContent =
    previous.author === next.author &&
    previous.text === next.text &&
    previous.authorName === next.authorName &&
    previous.language === next.language &&
    JSON.stringify([previous.cards, previous.quickReplies, previous.notice]) ===
      JSON.stringify([next.cards, next.quickReplies, next.notice]);
  if (!sameContent || next.author !== 'shopper') return false;
  const meta = element.querySelector<HTMLElement>('[data-role="delivery"]');
  if (!meta) return false;
  element.setAttribute('data-status', next.status);
  updateMeta(meta, next, context);
  return true;
}
