/**
 * What every screen gets from the app, and what it gives back. Screens are plain functions from a context and a
 * route to a {@link View}; they load their data themselves and never outlive their `signal`.
 */
import type { KnowledgeApi } from './api-client';
import { h } from './dom';
import type { Notices } from './notices';
import type { Route } from './routes';
import type { Session } from './session';

/** Services of the app, for one screen. */
export interface ViewContext {
  /** API client whose calls are aborted when the screen is left. */
  api: KnowledgeApi;
  session: Session;
  notices: Notices;
  /** Aborted when the screen is left: late answers must not touch the page. */
  signal: AbortSignal;
  /** The admin's locale for dates and language names. */
  locale: string;
  /**
   * Goes to another screen (pushes a history entry unless `replace`). With `render: false` only the address
   * changes: the list uses it to keep its filters in the URL without rebuilding itself under the cursor.
   */
  navigate(route: Route, options?: { replace?: boolean; render?: boolean }): void;
  /**
   * Reports a failure: a 401 signs out, an abort is ignored, anything else is explained in the error area.
   * `doing` names what failed ("Saving").
   */
  fail(error: unknown, doing?: string): void;
}

/** A screen. */
export interface View {
  element: HTMLElement;
  /** Document title and the screen's heading. */
  title: string;
  /** True while there is typed text that leaving would lose; the app asks before leaving then. */
  hasUnsavedChanges?(): boolean;
}

/** The screen's `<h1>`, focusable so the app can move focus to it on navigation (screen readers announce it). */
export function screenHeading(text: string): HTMLHeadingElement {
  return h('h1', { tabindex: -1, class: 'screen-title' }, text);
}

/** A hash link to a route, as an ordinary `<a>` (keyboard, middle click and "copy link" all work). */
export function routeLink(hash: string, label: string, attributes: Record<string, string> = {}): HTMLAnchorElement {
  return h('a', { href: hash, ...attributes }, label);
}
