/**
 * Entry point of `widget.js`, the script stores embed:
 *
 *   <script src="https://platform.example/widget.js" data-workspace="demo" async></script>
 *
 * Optional attributes: `data-server` (platform origin, when it differs from the script's) and
 * `data-open="true"` (open the window at load). Exposes `window.PolyglotDeskWidget = { open(), close() }`.
 */
import { readConfig } from './config';
import { ChatWidget, type WidgetApi } from './widget';

declare global {
  interface Window {
    /** Page-level API of the embedded chat widget. */
    PolyglotDeskWidget?: WidgetApi;
  }
}

// Captured at evaluation time: `document.currentScript` is null as soon as this first synchronous run is over.
const ownScript = document.currentScript as HTMLScriptElement | null;

function findOwnScript(): HTMLScriptElement | null {
  // Fallback for loaders that inject the script in ways that leave `currentScript` empty.
  return ownScript ?? document.querySelector<HTMLScriptElement>('script[data-workspace][src*="widget"]');
}

function boot(): void {
  // A second copy of the tag (or a tag manager firing twice) must not draw a second launcher.
  if (window.PolyglotDeskWidget) return;

  const result = readConfig(findOwnScript(), location.href);
  if (!result.ok) {
    console.error(`[PolyglotDesk widget] not started: ${result.error}.`);
    return;
  }

  const widget = new ChatWidget(result.config);
  window.PolyglotDeskWidget = { open: () => widget.open(), close: () => widget.close() };

  const mount = (): void => widget.mount(document.body);
  if (document.body) mount();
  else document.addEventListener('DOMContentLoaded', mount, { once: true });
}

boot();
