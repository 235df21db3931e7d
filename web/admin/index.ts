/**
 * Entry point of `admin.js`, the knowledge-base admin app served by the platform at `/admin/`. It talks to the
 * platform's REST API on the same origin with the API token the admin signs in with.
 */
import { AdminApp } from './app';
import { h } from './dom';
import { openSessionStorage } from './browser-storage';

function boot(): void {
  const root = document.getElementById('app');
  if (!root) {
    document.body.append(h('p', {}, 'The admin app could not start: its page is missing the #app element.'));
    return;
  }
  const app = new AdminApp(root, {
    origin: location.origin,
    fetch: (url, init) => window.fetch(url, init),
    storage: openSessionStorage(),
    locale: navigator.language || 'en',
  });
  void app.start();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot, { once: true });
else boot();
