/**
 * The admin app's controller: signs in with an API token (checked against the server, kept in sessionStorage),
 * draws the frame (header, navigation, message area), and shows the screen for the address in `location.hash`.
 * Leaving a screen aborts its requests; leaving one with unsaved text asks first.
 */
import { ApiError, isAbort, KnowledgeApi, type FetchLike } from './api-client';
import { button, h, replaceChildren } from './dom';
import { explainError } from './error-messages';
import { Notices } from './notices';
import { parseRoute, routeHash, type Route } from './routes';
import { storedToken, storeToken, type Session, type StorageLike } from './session';
import { screenHeading, type View, type ViewContext } from './view-context';
import { activityView } from './views/activity-view';
import { channelsView } from './views/channels-view';
import { riskView } from './views/risk-view';
import { articleEditorView } from './views/article-editor-view';
import { articleListView } from './views/article-list-view';
import { compareView } from './views/compare-view';
import { historyView } from './views/history-view';
import { importExportView } from './views/import-export-view';
import { loginView } from './views/login-view';
import { newArticleView } from './views/new-article-view';
import { tryView } from './views/try-view';

/** What the app needs from the browser (injected so nothing here reaches for globals by itself). */
export interface AppEnvironment {
  /** Origin of the platform's API (the app is served by the platform: `location.origin`). */
  origin: string;
  fetch: FetchLike;
  /** sessionStorage, or undefined when the browser blocks it. */
  storage: StorageLike | undefined;
  /** The admin's locale, for dates and language names. */
  locale: string;
}

const SECTIONS: ReadonlyArray<{ label: string; hash: string; matches: ReadonlyArray<Route['name']> }> = [
  { label: 'Articles', hash: '#/articles', matches: ['articles', 'new-article', 'article', 'compare', 'history'] },
  { label: 'Try a question', hash: '#/try', matches: ['try'] },
  { label: 'Import and export', hash: '#/import', matches: ['import'] },
  { label: 'Activity', hash: '#/activity', matches: ['activity'] },
  { label: 'Channels', hash: '#/channels', matches: ['channels'] },
  { label: 'Risk', hash: '#/risk', matches: ['risk'] },
];

const LEAVE_QUESTION = 'You have unsaved changes on this screen. Leave without saving?';

/** The running app. */
export class AdminApp {
  private readonly notices = new Notices();
  private readonly main = h('main', { id: 'main', tabindex: -1, class: 'app-main' });
  private readonly nav = h('nav', { class: 'app-nav', 'aria-label': 'Sections' });
  private session: Session | undefined;
  private api: KnowledgeApi | undefined;
  private view: View | undefined;
  private viewAbort: AbortController | undefined;
  private currentHash = '';

  constructor(
    private readonly root: HTMLElement,
    private readonly env: AppEnvironment,
  ) {}

  /** Restores the session of this tab (or shows the login) and starts following the address. */
  async start(): Promise<void> {
    window.addEventListener('hashchange', () => this.onHashChange());
    window.addEventListener('beforeunload', (event) => {
      if (this.view?.hasUnsavedChanges?.()) event.preventDefault();
    });
    const token = storedToken(this.env.storage);
    if (!token) {
      this.showLogin();
      return;
    }
    try {
      await this.signIn(token);
    } catch (error) {
      this.showLogin(error instanceof Error ? error.message : undefined);
    }
  }

  /** Checks `token` with the server and opens the app; throws with a message for the login form. */
  private async signIn(token: string): Promise<void> {
    const api = new KnowledgeApi({ baseUrl: this.env.origin, token, fetch: this.env.fetch });
    let workspace;
    let role;
    try {
      workspace = (await api.workspace()).workspace;
      role = await api.role();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        storeToken(this.env.storage, undefined);
        throw new Error('This token is unknown or revoked. Check that you copied all of it.', { cause: error });
      }
      throw new Error(explainError(error, undefined).headline, { cause: error });
    }
    this.session = { token, role, workspaceName: workspace.name, defaultLanguage: workspace.defaultLanguage };
    this.api = api;
    storeToken(this.env.storage, token);
    this.showShell();
    this.currentHash = location.hash;
    this.renderRoute(true);
  }

  /** Forgets the token and shows the login with `message`. */
  private signOut(message?: string): void {
    this.viewAbort?.abort();
    this.view = undefined;
    this.session = undefined;
    this.api = undefined;
    storeToken(this.env.storage, undefined);
    this.showLogin(message);
  }

  private showLogin(message?: string): void {
    document.body.removeAttribute('data-role');
    document.title = 'Sign in · Knowledge base';
    const screen = loginView((token) => this.signIn(token), message);
    replaceChildren(this.root, screen);
    screen.querySelector('input')?.focus();
  }

  private showShell(): void {
    const session = this.session!;
    document.body.dataset.role = session.role;
    // A button, not `href="#main"`: the hash is the app's address, and a fragment link would navigate.
    const skip = button('Skip to content', () => this.main.focus(), { class: 'skip-link' });
    const who = h(
      'div',
      { class: 'who' },
      h('span', { class: `role-badge role-${session.role}`, 'data-testid': 'role-badge' }, session.role === 'admin' ? 'Admin' : 'Agent · read-only'),
      button('Log out', () => {
        if (this.view?.hasUnsavedChanges?.() && !window.confirm(LEAVE_QUESTION)) return;
        this.signOut('Signed out.');
      }, { 'data-testid': 'logout-button' }),
    );
    const header = h('header', { class: 'app-header' }, skip, h('p', { class: 'brand' }, 'Knowledge base', h('span', { class: 'workspace' }, ` · ${session.workspaceName}`)), this.nav, who);
    replaceChildren(this.root, header, this.notices.element, this.main);
  }

  private onHashChange(): void {
    if (!this.session || location.hash === this.currentHash) return;
    if (this.view?.hasUnsavedChanges?.() && !window.confirm(LEAVE_QUESTION)) {
      // Stay: put the address back without a second history entry.
      history.replaceState(null, '', this.currentHash || '#/articles');
      return;
    }
    this.currentHash = location.hash;
    this.renderRoute(false);
  }

  private navigate(route: Route, options: { replace?: boolean; render?: boolean } = {}): void {
    const hash = routeHash(route);
    if (options.render !== false && hash !== this.currentHash && this.view?.hasUnsavedChanges?.() && !window.confirm(LEAVE_QUESTION)) return;
    // pushState/replaceState fire no hashchange: the screen is drawn here, synchronously, so a status message set
    // right after navigating survives.
    if (options.replace) history.replaceState(null, '', hash);
    else history.pushState(null, '', hash);
    this.currentHash = hash;
    if (options.render !== false) this.renderRoute(false);
  }

  private renderRoute(first: boolean): void {
    if (!this.session || !this.api) return;
    this.viewAbort?.abort();
    const abort = new AbortController();
    this.viewAbort = abort;
    const route = parseRoute(location.hash);
    const ctx: ViewContext = {
      api: this.api.withSignal(abort.signal),
      session: this.session,
      notices: this.notices,
      signal: abort.signal,
      locale: this.env.locale,
      navigate: (next, options) => this.navigate(next, options),
      fail: (error, doing) => this.fail(error, doing),
    };
    this.notices.clear();
    this.view = this.createView(route, ctx);
    replaceChildren(this.main, this.view.element);
    document.title = `${this.view.title} · Knowledge base`;
    replaceChildren(
      this.nav,
      h(
        'ul',
        {},
        ...SECTIONS.map((section) =>
          h('li', {}, h('a', { href: section.hash, 'aria-current': section.matches.includes(route.name) ? 'page' : undefined, 'data-testid': `nav-${section.hash.slice(2)}` }, section.label)),
        ),
      ),
    );
    // Focus follows navigation so keyboard and screen-reader users start at the new screen's heading.
    if (!first) this.view.element.querySelector<HTMLElement>('h1')?.focus();
  }

  private createView(route: Route, ctx: ViewContext): View {
    switch (route.name) {
      case 'articles':
        return articleListView(ctx, route.filters);
      case 'new-article':
        return newArticleView(ctx);
      case 'article':
        return articleEditorView(ctx, route.slug, route.language);
      case 'compare':
        return compareView(ctx, route.slug, route.left, route.right);
      case 'history':
        return historyView(ctx, route.slug, route.language, route.from, route.to);
      case 'import':
        return importExportView(ctx);
      case 'try':
        return tryView(ctx);
      case 'activity':
        return activityView(ctx);
      case 'channels':
        return channelsView(ctx);
      case 'risk':
        return riskView(ctx);
      case 'not-found':
        return {
          title: 'Not found',
          element: h('section', { class: 'screen' }, screenHeading('Not found'), h('p', {}, 'There is no such page in the admin app. '), h('a', { href: '#/articles' }, 'Go to the articles')),
        };
    }
  }

  private fail(error: unknown, doing?: string): void {
    if (isAbort(error)) return;
    if (error instanceof ApiError && error.status === 401) {
      this.signOut('Your API token is no longer accepted (revoked or unknown). Sign in again.');
      return;
    }
    const explained = explainError(error, this.session?.role);
    this.notices.error(doing ? `${doing} failed. ${explained.headline}` : explained.headline, explained.detail);
  }
}
