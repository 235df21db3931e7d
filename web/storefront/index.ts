/**
 * Entry point of `storefront.js`, the tiny script a store embeds to send what shoppers do to the recommender:
 *
 *   <script src="https://desk.example.com/storefront.js" data-workspace="demo" data-key="pgd_..." async></script>
 *   <script>
 *     // Calls made before the script has loaded are queued and replayed.
 *     window.polyglotDesk = window.polyglotDesk || { q: [], track: function () { this.q.push(['track', arguments]); }, identify: function () { this.q.push(['identify', arguments]); } };
 *     polyglotDesk.track('view', { sku: 'RUN-1' });
 *   </script>
 *
 * API: `track(type, props)` with type `view`, `add_to_cart`, `purchase`, `recommendation_click` or `search`;
 * `identify({customerId, email})` when the shopper is known (kept in memory only); `flush()`.
 */
import { openStorage } from '../widget/storage';
import { readConfig } from './config';
import { EventQueue } from './event-queue';
import { randomId, sessionId, visitorId } from './identity';
import { Sender, type Transport } from './sender';
import { buildEvent, type Identity } from './track-input';

/** The page-level API. */
export interface StorefrontApi {
  track(type: string, props?: Record<string, unknown>): void;
  identify(identity: Identity): void;
  flush(): Promise<void>;
}

type QueuedCall = [string, ArrayLike<unknown>];

declare global {
  interface Window {
    /** The storefront script's API (or, before it loads, the page's queue of calls). */
    polyglotDesk?: Partial<StorefrontApi> & { q?: QueuedCall[]; ready?: boolean };
  }
}

/** Sends soon after the first event, or at once when this many wait. */
const FLUSH_DELAY_MS = 2000;
const FLUSH_COUNT = 10;

const ownScript = document.currentScript as HTMLScriptElement | null;

function boot(): void {
  const existing = window.polyglotDesk;
  if (existing?.ready) return;
  const result = readConfig(ownScript ?? document.querySelector<HTMLScriptElement>('script[data-key][src*="storefront"]'), location.href);
  if (!result.ok) {
    console.error(`[PolyglotDesk storefront] not started: ${result.error}.`);
    return;
  }
  const { workspace, key, endpoint } = result.config;
  const local = openStorage(() => window.localStorage);
  const session = openStorage(() => window.sessionStorage);
  const queue = new EventQueue(local, workspace);
  const transport: Transport = {
    post: (url, body) =>
      fetch(url, { method: 'POST', body, keepalive: body.length < 60_000, credentials: 'omit', headers: { 'Content-Type': 'text/plain' } }).then((r) => r.status),
    beacon: (url, body) => navigator.sendBeacon?.(url, new Blob([body], { type: 'text/plain' })) ?? false,
    now: () => Date.now(),
  };
  const sender = new Sender(queue, endpoint, key, transport, (message) => console.warn(`[PolyglotDesk storefront] ${message}`));
  let identity: Identity = {};
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (delay: number): void => {
    if (timer === undefined) {
      timer = setTimeout(() => {
        timer = undefined;
        void sender.flush().then(() => {
          if (queue.size > 0) schedule(Math.max(sender.nextAttemptAt - Date.now(), 250));
        });
      }, delay);
    }
  };

  const api: StorefrontApi = {
    track(type, props) {
      const now = Date.now();
      const built = buildEvent(type, props, { eventId: randomId(), visitorId: visitorId(local, workspace), sessionId: sessionId(session, workspace, now), now }, identity);
      if (!built.ok) {
        console.warn(`[PolyglotDesk storefront] ${built.error}`);
        return;
      }
      queue.add(built.event);
      schedule(queue.size >= FLUSH_COUNT ? 0 : FLUSH_DELAY_MS);
    },
    identify(next) {
      identity = {
        ...(typeof next?.customerId === 'string' && next.customerId ? { customerId: next.customerId } : {}),
        ...(typeof next?.email === 'string' && next.email ? { email: next.email } : {}),
      };
    },
    flush: () => sender.flush(),
  };

  // The page is going away (or to the background, where it may be killed without notice): beacon what waits.
  const leave = (): void => sender.beaconAll();
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') leave();
  });
  window.addEventListener('pagehide', leave);

  const queued = existing?.q ?? [];
  window.polyglotDesk = { ...api, ready: true };
  for (const [method, args] of queued) {
    if (method === 'track') api.track(args[0] as string, args[1] as Record<string, unknown>);
    else if (method === 'identify') api.identify(args[0] as Identity);
  }
  // Events a previous page could not send go now.
  if (queue.size > 0) schedule(0);
}

boot();
