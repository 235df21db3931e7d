/**
 * Reads the storefront script's settings from its own `<script>` tag:
 *
 *   <script src="https://desk.example.com/storefront.js" data-workspace="demo" data-key="pgd_..." async></script>
 *
 * `data-key` is the workspace's events key (write-only: it can add events, nothing else). The events go to the
 * origin the script was loaded from, unless `data-endpoint` names another URL. Takes a minimal view of the element,
 * so it is unit-tested under Node.
 */

/** What the bootstrap needs from the script element. */
export interface ScriptLike {
  /** Absolute URL of the script (the `src` property). */
  readonly src: string;
  getAttribute(name: string): string | null;
}

/** Settings of the embedded script. */
export interface StorefrontConfig {
  /** Workspace slug: namespaces what the script keeps in the browser. */
  workspace: string;
  /** The events key. */
  key: string;
  /** Absolute URL of the events API. */
  endpoint: string;
}

/** The settings, or why there are none. */
export type ConfigResult = { ok: true; config: StorefrontConfig } | { ok: false; error: string };

/** Builds the configuration; `pageUrl` resolves a relative `data-endpoint`. */
export function readConfig(script: ScriptLike | null | undefined, pageUrl: string): ConfigResult {
  if (!script) return { ok: false, error: 'cannot find its own <script> element' };
  const workspace = script.getAttribute('data-workspace')?.trim();
  if (!workspace) return { ok: false, error: 'the <script> tag needs a data-workspace attribute' };
  const key = script.getAttribute('data-key')?.trim();
  if (!key) return { ok: false, error: 'the <script> tag needs a data-key attribute (the workspace’s events key)' };
  const given = script.getAttribute('data-endpoint')?.trim();
  let endpoint: URL;
  try {
    endpoint = new URL(given || '/api/events', given ? pageUrl : script.src || pageUrl);
  } catch {
    return { ok: false, error: `cannot tell the events address from "${given ?? script.src}"` };
  }
  if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:') return { ok: false, error: `the events address must be http(s), not ${endpoint.protocol}` };
  return { ok: true, config: { workspace, key, endpoint: endpoint.href } };
}
