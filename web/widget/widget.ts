/**
 * The controller: owns the conversation state and connects the socket ({@link Connection}), the pure message
 * store and the DOM ({@link WidgetView}). All decisions about what to show live here; the other modules each do
 * one job.
 */
import type { SessionEvent, TypingEvent, WireMessage, SendMessageAck } from '../../bots/channels/webchat/protocol-types';
import type { MessageAuthor, QuickReply } from '../../bots/runtime/reply';
import type { WidgetConfig } from './config';
import { Connection, type ConnectionStatus } from './connection';
import { formattingLocale } from './format';
import { getStrings, isRtl, resolveLocale, type WidgetLocale, type WidgetStrings } from './i18n';
import { newClientMessageId } from './ids';
import {
  EMPTY_STATE,
  activeQuickRepliesKey,
  addPending,
  applyAck,
  applyMessage,
  applyMessages,
  applySession,
  oldestSeq,
  type MessageState,
} from './message-store';
import { Outbox } from './outbox';
import { TabSync, acknowledgedMessage } from './tab-sync';
import type { RenderContext } from './render-context';
import { openStorage, readItem, storageKeys, writeItem, type StorageLike } from './storage';
import { WidgetView, type ScrollMode } from './view';

/** A typing indicator never outlives this, in case the server's "stopped typing" is lost. */
const TYPING_TIMEOUT_MS = 15_000;

/** The public API of the page-level `window.PolyglotDeskWidget`. */
export interface WidgetApi {
  open(): void;
  close(): void;
}

/** One embedded chat widget. */
export class ChatWidget implements WidgetApi {
  private state: MessageState = EMPTY_STATE;
  private readonly tabs: TabSync;
  private readonly view: WidgetView;
  private readonly connection: Connection;
  private readonly sessionStorage: StorageLike | undefined;
  private readonly browserLanguages: readonly string[];
  private locale: WidgetLocale;
  private strings: WidgetStrings;
  private conversationLanguage: string | undefined;
  private sessionSeen = false;
  private typingAuthor: MessageAuthor | undefined;
  private typingTimer: ReturnType<typeof setTimeout> | undefined;
  private lastAgentName: string | undefined;
  private loadingEarlier = false;

  constructor(private readonly config: WidgetConfig) {
    this.browserLanguages = [navigator.language, ...(navigator.languages ?? [])].filter(Boolean);
    this.locale = resolveLocale(...this.browserLanguages);
    this.strings = getStrings(this.locale);

    const localStorage = openStorage(() => window.localStorage);
    this.sessionStorage = openStorage(() => window.sessionStorage);
    const outbox = new Outbox(this.sessionStorage, storageKeys.outbox(config.workspace));

    this.view = new WidgetView(
      {
        toggle: () => (this.view.isOpen ? this.close() : this.open()),
        close: () => this.close(),
        submit: (text) => {
          this.send(text);
          this.view.clearInput();
        },
        loadEarlier: () => void this.loadEarlier(),
      },
      this.strings,
    );
    this.view.setStrings(this.locale, this.strings, isRtl(this.locale));

    this.connection = new Connection({
      origin: config.origin,
      workspace: config.workspace,
      locale: navigator.language,
      tokenStorage: localStorage,
      outbox,
      listener: {
        status: (status) => this.onStatus(status),
        session: (event) => this.onSession(event),
        message: (message) => this.onMessage(message),
        typing: (event) => this.onTyping(event),
        ack: (clientMessageId, ack) => this.onAck(clientMessageId, ack),
      },
    });

    this.tabs = new TabSync(config.workspace, (message) => this.onMessage(message));

    // Messages a previous page of this tab could not deliver are shown again right away, still "sending".
    for (const entry of outbox.entries()) {
      this.state = addPending(this.state, { clientMessageId: entry.clientMessageId, text: entry.text, at: entry.at });
    }
  }

  /** Attaches the DOM to `parent` (the page body) and connects. */
  mount(parent: HTMLElement): void {
    parent.append(this.view.host);
    this.render('bottom');
    this.connection.start();
    // Stay open across page navigations in the store, but never steal focus on page load.
    if (this.config.openAtLoad || readItem(this.sessionStorage, storageKeys.open(this.config.workspace)) === '1') {
      this.setOpen(true, false);
    }
  }

  /** Opens the window and puts the cursor in the composer. */
  open(): void {
    this.setOpen(true, true);
  }

  /** Closes the window and returns focus to the launcher. */
  close(): void {
    this.setOpen(false, true);
  }

  private setOpen(open: boolean, moveFocus: boolean): void {
    this.view.setOpen(open);
    writeItem(this.sessionStorage, storageKeys.open(this.config.workspace), open ? '1' : undefined);
    if (open) this.view.setUnread(false);
    if (!moveFocus) return;
    if (open) this.view.focusInput();
    else this.view.focusLauncher();
  }

  private send(text: string, quickReplyPayload?: string): void {
    const entry = { clientMessageId: newClientMessageId(), text, at: new Date().toISOString() };
    this.state = addPending(this.state, entry);
    this.render('bottom');
    // An empty payload would fail the server's validation; the title alone still tells the bot what was meant.
    this.connection.send(quickReplyPayload ? { ...entry, quickReplyPayload } : entry);
  }

  private onQuickReply(reply: QuickReply): void {
    this.send(reply.title, reply.payload);
    // The pressed button disappears with its row; keep keyboard users in the conversation.
    this.view.focusInput();
  }

  private onStatus(status: ConnectionStatus): void {
    this.view.setStatus(status);
    if (status !== 'online') this.setTyping(undefined);
  }

  private onSession(event: SessionEvent): void {
    const first = !this.sessionSeen;
    this.sessionSeen = true;
    this.state = applySession(this.state, event);
    this.conversationLanguage = event.language || undefined;
    for (const message of event.history) if (message.author === 'agent' && message.authorName) this.lastAgentName = message.authorName;
    this.applyLocale();
    this.view.setMaxLength(event.maxMessageLength);
    this.setTyping(undefined);
    this.render(first ? 'bottom' : 'follow');
  }

  private onMessage(message: WireMessage): void {
    this.state = applyMessage(this.state, message);
    if (message.author !== 'shopper') {
      // The reply is here: whoever was typing has finished.
      this.setTyping(undefined);
      if (!this.view.isOpen) this.view.setUnread(true);
    }
    if (message.author === 'agent' && message.authorName) this.lastAgentName = message.authorName;
    if (message.language && message.author !== 'shopper' && !this.conversationLanguage) {
      this.conversationLanguage = message.language;
      this.applyLocale();
    }
    this.render('follow');
  }

  private onTyping(event: TypingEvent): void {
    if (event.author === 'shopper') return; // the shopper typing in another tab is not news to the shopper
    this.setTyping(event.isTyping ? event.author : undefined);
  }

  private onAck(clientMessageId: string, ack: SendMessageAck): void {
    const sent = this.state.items.find((item) => item.clientMessageId === clientMessageId);
    this.state = applyAck(this.state, clientMessageId, ack);
    if (ack.ok && !ack.duplicate && sent) this.tabs.announce(acknowledgedMessage({ clientMessageId, text: sent.text, at: sent.at }, ack));
    this.render('follow');
  }

  private async loadEarlier(): Promise<void> {
    const before = oldestSeq(this.state);
    if (this.loadingEarlier || before === undefined) return;
    this.loadingEarlier = true;
    try {
      const ack = await this.connection.requestHistory(before);
      if (ack.ok) {
        this.state = applyMessages(this.state, ack.messages, ack.hasMore);
        this.render('keep-position');
      }
    } finally {
      this.loadingEarlier = false;
    }
  }

  private setTyping(author: MessageAuthor | undefined): void {
    clearTimeout(this.typingTimer);
    this.typingAuthor = author;
    this.view.setTyping(this.typingName());
    if (author !== undefined) this.typingTimer = setTimeout(() => this.setTyping(undefined), TYPING_TIMEOUT_MS);
  }

  private typingName(): string | undefined {
    if (this.typingAuthor === undefined) return undefined;
    return this.typingAuthor === 'agent' ? (this.lastAgentName ?? this.strings.agentName) : this.strings.botName;
  }

  /** Chrome language: the conversation's if we speak it, else the browser's, else English. */
  private applyLocale(): void {
    const locale = resolveLocale(this.conversationLanguage, ...this.browserLanguages);
    if (locale === this.locale) return;
    this.locale = locale;
    this.strings = getStrings(locale);
    this.view.setStrings(locale, this.strings, isRtl(locale));
    this.view.setTyping(this.typingName());
  }

  private render(scroll: ScrollMode): void {
    const context: RenderContext = {
      strings: this.strings,
      formatLocale: formattingLocale(this.conversationLanguage, navigator.language),
      assetBase: this.config.origin,
      pageBase: location.href,
      onQuickReply: (reply) => this.onQuickReply(reply),
    };
    this.view.renderMessages(this.state, context, activeQuickRepliesKey(this.state), scroll);
  }
}
