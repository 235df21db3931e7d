/**
 * The widget's DOM: launcher, dialog window, message list and composer, all inside one open shadow root so host
 * page CSS cannot reach in and ours cannot leak out. The view holds no conversation state of its own: the widget
 * controller calls its setters, and it reports user intent through {@link ViewHandlers}.
 */
import type { ConnectionStatus } from './connection';
import { h, icon, ICONS } from './dom';
import { formatText, type WidgetLocale, type WidgetStrings } from './i18n';
import type { ChatItem, MessageState } from './message-store';
import type { RenderContext } from './render-context';
import { patchDelivery, renderMessage } from './render-message';
import { WIDGET_CSS } from './styles';

/** What the shopper asked the view to do. */
export interface ViewHandlers {
  /** Launcher pressed. */
  toggle(): void;
  /** Close button or Escape. */
  close(): void;
  /** Composer submitted with non-blank text. */
  submit(text: string): void;
  /** "Show earlier messages" pressed. */
  loadEarlier(): void;
}

/** How the message list should scroll after a render. */
export type ScrollMode = 'bottom' | 'follow' | 'keep-position';

interface RenderedItem {
  item: ChatItem;
  quickRepliesActive: boolean;
  /** {@link WidgetView.generation} at render time; a language change invalidates every bubble. */
  generation: number;
  element: HTMLElement;
}

/** Name of the host element; a custom element name so host CSS for `div` and friends never matches it. */
export const HOST_TAG = 'polyglot-desk-widget';

const WINDOW_ID = 'pgd-window';
const INPUT_ID = 'pgd-input';
const COUNTER_ID = 'pgd-counter';

/** Near the bottom means "following the conversation": new messages then scroll into view. */
const FOLLOW_THRESHOLD_PX = 48;

/** The widget's DOM and its event wiring. */
export class WidgetView {
  /** The element appended to `document.body`. */
  readonly host: HTMLElement;
  private readonly root: HTMLDivElement;
  private readonly launcher: HTMLButtonElement;
  private readonly badge: HTMLSpanElement;
  private readonly dialog: HTMLElement;
  private readonly title: HTMLHeadingElement;
  private readonly subtitle: HTMLParagraphElement;
  private readonly closeButton: HTMLButtonElement;
  private readonly status: HTMLDivElement;
  private readonly scroller: HTMLDivElement;
  private readonly earlier: HTMLButtonElement;
  private readonly welcome: HTMLParagraphElement;
  private readonly log: HTMLDivElement;
  private readonly typing: HTMLDivElement;
  private readonly typingText: HTMLSpanElement;
  private readonly form: HTMLFormElement;
  private readonly inputLabel: HTMLLabelElement;
  private readonly input: HTMLTextAreaElement;
  private readonly counter: HTMLDivElement;
  private readonly sendButton: HTMLButtonElement;

  private strings: WidgetStrings;
  private readonly rendered = new Map<string, RenderedItem>();
  private statusValue: ConnectionStatus = 'connecting';
  private maxLength: number | undefined;
  private composerEnabled = true;
  private generation = 0;
  private conversationEmpty = true;

  constructor(
    private readonly handlers: ViewHandlers,
    strings: WidgetStrings,
  ) {
    this.strings = strings;
    this.host = document.createElement(HOST_TAG);
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = WIDGET_CSS;

    this.badge = h('span', { class: 'badge', hidden: true });
    this.launcher = h(
      'button',
      { type: 'button', class: 'launcher', 'data-testid': 'launcher', 'aria-expanded': 'false', 'aria-controls': WINDOW_ID },
      icon(ICONS.chat, 'icon-chat'),
      icon(ICONS.chevronDown, 'icon-close'),
      this.badge,
    );

    this.title = h('h2', { class: 'title' });
    this.subtitle = h('p', { class: 'subtitle' });
    this.closeButton = h('button', { type: 'button', class: 'close' }, icon(ICONS.close));
    const header = h(
      'div',
      { class: 'header' },
      h('div', { class: 'avatar', 'aria-hidden': 'true' }, icon(ICONS.chat)),
      h('div', { class: 'titles' }, this.title, this.subtitle),
      this.closeButton,
    );

    this.status = h('div', { class: 'status', 'data-testid': 'connection-status', role: 'status', hidden: true });
    this.earlier = h('button', { type: 'button', class: 'earlier', hidden: true });
    this.welcome = h('p', { class: 'welcome', dir: 'auto', hidden: true });
    this.log = h('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'data-testid': 'message-list' });
    // The scroller is focusable so keyboard users can scroll the history with the arrow keys.
    this.scroller = h('div', { class: 'scroller', tabindex: 0 }, this.earlier, this.welcome, this.log);

    this.typingText = h('span', {});
    this.typing = h(
      'div',
      { class: 'typing', 'data-testid': 'typing-indicator', role: 'status', hidden: true },
      h('span', { class: 'dots', 'aria-hidden': 'true' }, h('i'), h('i'), h('i')),
      this.typingText,
    );

    this.inputLabel = h('label', { class: 'visually-hidden', for: INPUT_ID });
    this.input = h('textarea', {
      id: INPUT_ID,
      class: 'input',
      rows: 1,
      'data-testid': 'composer-input',
      autocomplete: 'off',
      'aria-describedby': COUNTER_ID,
    });
    this.counter = h('div', { class: 'counter', id: COUNTER_ID, hidden: true });
    this.sendButton = h('button', { type: 'submit', class: 'send', 'data-testid': 'send-button', disabled: true }, icon(ICONS.send));
    this.form = h(
      'form',
      { class: 'composer', novalidate: true },
      h('div', { class: 'field' }, this.inputLabel, this.input, this.counter),
      this.sendButton,
    );

    this.dialog = h(
      'section',
      { class: 'window', id: WINDOW_ID, role: 'dialog', 'data-testid': 'chat-window', hidden: true },
      header,
      this.status,
      this.scroller,
      this.typing,
      this.form,
    );

    // The window comes first in the DOM so that, when open, Tab goes from the page into the conversation and the
    // launcher (now a "minimise" button) comes last.
    this.root = h('div', { class: 'root', 'data-status': 'connecting' }, this.dialog, this.launcher);
    shadow.append(style, this.root);

    this.wireEvents();
    this.setStrings('en', strings, false);
  }

  /** Applies a chrome language; re-renders messages so their status lines follow. */
  setStrings(locale: WidgetLocale, strings: WidgetStrings, rtl: boolean): void {
    this.strings = strings;
    this.root.lang = locale;
    this.root.dir = rtl ? 'rtl' : 'ltr';
    this.launcher.setAttribute('aria-label', strings.openChat);
    this.dialog.setAttribute('aria-label', strings.title);
    this.title.textContent = strings.title;
    this.subtitle.textContent = strings.subtitle;
    this.closeButton.setAttribute('aria-label', strings.closeChat);
    this.closeButton.title = strings.closeChat;
    this.log.setAttribute('aria-label', strings.messagesLabel);
    this.scroller.setAttribute('aria-label', strings.messagesLabel);
    this.earlier.textContent = strings.loadEarlier;
    this.welcome.textContent = strings.welcome;
    this.inputLabel.textContent = strings.inputLabel;
    this.input.placeholder = strings.placeholder;
    this.sendButton.setAttribute('aria-label', strings.send);
    this.sendButton.title = strings.send;
    this.setStatus(this.statusValue);
    this.updateCounter();
    // Rebuild every bubble on the next render: "Sending…" and friends are localised.
    this.generation++;
  }

  /** Whether the window is showing. */
  get isOpen(): boolean {
    return !this.dialog.hidden;
  }

  /** Shows or hides the window; the caller decides where focus goes. */
  setOpen(open: boolean): void {
    this.dialog.hidden = !open;
    this.root.toggleAttribute('data-open', open);
    this.launcher.setAttribute('aria-expanded', String(open));
    this.launcher.setAttribute('aria-label', open ? this.strings.closeChat : this.strings.openChat);
    if (open) {
      this.badge.hidden = true;
      this.scrollToBottom();
    }
  }

  /** Moves focus into the composer (on open). */
  focusInput(): void {
    this.input.focus({ preventScroll: true });
  }

  /** Returns focus to the launcher (on close, so keyboard users are not dropped at the top of the page). */
  focusLauncher(): void {
    this.launcher.focus({ preventScroll: true });
  }

  /** Marks unseen replies on the launcher while the window is closed. */
  setUnread(unread: boolean): void {
    this.badge.hidden = !unread || this.isOpen;
  }

  /** Shows the link state: nothing when online, a subtle line while (re)connecting, an error when unavailable. */
  setStatus(status: ConnectionStatus): void {
    this.statusValue = status;
    this.root.setAttribute('data-status', status);
    this.status.setAttribute('data-state', status);
    const text =
      status === 'connecting'
        ? this.strings.connecting
        : status === 'reconnecting'
          ? this.strings.reconnecting
          : status === 'unavailable'
            ? this.strings.unavailable
            : '';
    this.status.textContent = text;
    this.status.hidden = !text;
    this.composerEnabled = status !== 'unavailable';
    this.input.disabled = !this.composerEnabled;
    this.updateSendButton();
    this.updateWelcome();
  }

  /** Shows the typing indicator with `name` ("Assistant is typing…"), or hides it for `undefined`. */
  setTyping(name: string | undefined): void {
    const wasFollowing = this.isFollowing();
    this.typing.hidden = name === undefined;
    this.typingText.textContent = name === undefined ? '' : formatText(this.strings.typing, { name });
    if (wasFollowing) this.scrollToBottom();
  }

  /** Applies the server's length limit to the composer. */
  setMaxLength(maxLength: number | undefined): void {
    this.maxLength = maxLength && maxLength > 0 ? maxLength : undefined;
    if (this.maxLength === undefined) this.input.removeAttribute('maxlength');
    else this.input.maxLength = this.maxLength;
    this.updateCounter();
  }

  /**
   * Brings the message list up to date with `state`, reusing the element of every item whose object did not
   * change (the store never mutates items), so focus and scroll positions inside the list survive.
   */
  renderMessages(state: MessageState, context: RenderContext, activeQuickReplies: string | undefined, scroll: ScrollMode): void {
    const following = this.isFollowing();
    const fromBottom = this.scroller.scrollHeight - this.scroller.scrollTop;
    const keys = new Set<string>();
    let previousElement: Element | null = null;

    for (const item of state.items) {
      keys.add(item.key);
      const active = item.key === activeQuickReplies;
      const existing = this.rendered.get(item.key);
      let element: HTMLElement;
      const reusable = existing && existing.quickRepliesActive === active && existing.generation === this.generation;
      if (reusable && existing.item === item) {
        element = existing.element;
      } else if (reusable && patchDelivery(existing.element, existing.item, item, context)) {
        element = existing.element;
      } else {
        element = renderMessage(item, context, active);
        existing?.element.replaceWith(element);
      }
      this.rendered.set(item.key, { item, quickRepliesActive: active, generation: this.generation, element });
      const expectedPosition: Element | null = previousElement ? previousElement.nextElementSibling : this.log.firstElementChild;
      if (expectedPosition !== element) {
        if (previousElement) previousElement.after(element);
        else this.log.prepend(element);
      }
      previousElement = element;
    }

    for (const [key, entry] of this.rendered) {
      if (keys.has(key)) continue;
      entry.element.remove();
      this.rendered.delete(key);
    }

    this.earlier.hidden = !state.hasMore;
    this.conversationEmpty = state.items.length === 0 && !state.hasMore;
    this.updateWelcome();

    if (scroll === 'bottom' || (scroll === 'follow' && following)) this.scrollToBottom();
    else if (scroll === 'keep-position') this.scroller.scrollTop = this.scroller.scrollHeight - fromBottom;
  }

  /** Empties the composer after a send. */
  clearInput(): void {
    this.input.value = '';
    this.autosize();
    this.updateCounter();
    this.updateSendButton();
  }

  private wireEvents(): void {
    this.launcher.addEventListener('click', () => this.handlers.toggle());
    this.closeButton.addEventListener('click', () => this.handlers.close());
    this.earlier.addEventListener('click', () => this.handlers.loadEarlier());
    this.root.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.isOpen) {
        event.stopPropagation();
        this.handlers.close();
      }
    });
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('keydown', (event) => {
      // While an IME is composing (Chinese, Japanese, Korean input), Enter confirms the composition; it must
      // not send. keyCode 229 covers Safari, which reports isComposing late.
      if (event.key !== 'Enter' || event.shiftKey || event.isComposing || event.keyCode === 229) return;
      event.preventDefault();
      this.submit();
    });
    this.input.addEventListener('input', () => {
      this.autosize();
      this.updateCounter();
      this.updateSendButton();
    });
  }

  private submit(): void {
    if (!this.composerEnabled) return;
    const text = this.input.value.trim();
    if (!text) return;
    this.handlers.submit(text);
  }

  private autosize(): void {
    this.input.style.height = 'auto';
    this.input.style.height = `${Math.min(this.input.scrollHeight + 2, 140)}px`;
  }

  private updateCounter(): void {
    const max = this.maxLength;
    const length = this.input.value.length;
    // Only near the limit: a permanent counter is noise for the usual one-line question.
    const threshold = max === undefined ? 0 : Math.max(20, Math.floor(max * 0.2));
    if (max === undefined || max - length > threshold) {
      this.counter.hidden = true;
      return;
    }
    const left = Math.max(0, max - length);
    this.counter.hidden = false;
    this.counter.textContent = formatText(this.strings.charactersLeft, { count: left });
    this.counter.toggleAttribute('data-full', left === 0);
  }

  private updateSendButton(): void {
    this.sendButton.disabled = !this.composerEnabled || !this.input.value.trim();
  }

  /** The greeting only opens an empty conversation, and not when chat is unavailable. */
  private updateWelcome(): void {
    this.welcome.hidden = !this.conversationEmpty || this.statusValue === 'unavailable';
  }

  private isFollowing(): boolean {
    const { scrollHeight, scrollTop, clientHeight } = this.scroller;
    return scrollHeight - scrollTop - clientHeight < FOLLOW_THRESHOLD_PX;
  }

  private scrollToBottom(): void {
    this.scroller.scrollTop = this.scroller.scrollHeight;
  }
}
