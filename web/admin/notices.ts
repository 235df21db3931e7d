/**
 * The app-wide message area under the header: one error (an alert, read out at once) and one status line (polite),
 * each replaced by the next. Errors can carry actions ("Reload", "Log in again").
 */
import { button, h, replaceChildren } from './dom';

/** A button offered with an error. */
export interface NoticeAction {
  label: string;
  run(): void;
}

/** The message area. */
export class Notices {
  /** The element to insert below the header. */
  readonly element: HTMLDivElement;
  private readonly errorBox: HTMLDivElement;
  private readonly statusBox: HTMLDivElement;

  constructor() {
    // Live regions must exist before their text changes, or screen readers miss the first message.
    this.errorBox = h('div', { class: 'notice notice-error', role: 'alert', 'data-testid': 'notice-error', hidden: true });
    this.statusBox = h('div', { class: 'notice notice-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'notice-status' });
    this.element = h('div', { class: 'notices' }, this.errorBox, this.statusBox);
  }

  /** Shows an error with an optional detail line and actions; clears the status line. */
  error(headline: string, detail?: string, actions: readonly NoticeAction[] = []): void {
    this.statusBox.textContent = '';
    const dismiss = button('Dismiss', () => this.clearError(), { class: 'link-button', 'aria-label': 'Dismiss this error' });
    replaceChildren(
      this.errorBox,
      h('p', { class: 'notice-headline' }, headline),
      detail && detail !== headline ? h('p', { class: 'notice-detail' }, detail) : null,
      h('div', { class: 'notice-actions' }, ...actions.map((action) => button(action.label, () => action.run())), dismiss),
    );
    this.errorBox.hidden = false;
  }

  /** Shows a short success or progress message; clears a previous error. */
  status(message: string): void {
    this.clearError();
    this.statusBox.textContent = message;
  }

  clearError(): void {
    this.errorBox.hidden = true;
    this.errorBox.replaceChildren();
  }

  /** Clears both (on navigation). */
  clear(): void {
    this.clearError();
    this.statusBox.textContent = '';
  }
}
