/**
 * Reads the widget's settings from its own `<script>` tag.
 *
 * Takes a minimal view of the element instead of `HTMLScriptElement`, so it is unit-tested under Node.
 */

/** What the bootstrap needs from the script element. */
export interface ScriptLike {
  /** Absolute URL of the script (the `src` property, not the attribute). */
  readonly src: string;
  getAttribute(name: string): string | null;
}

/** Settings of one embedded widget. */
export interface WidgetConfig {
  /** Platform origin the socket connects to, e.g. `https://platform.example`. */
  origin: string;
  /** Workspace slug (`data-workspace`). */
  workspace: string;
  /** `data-open="true"`: open the window as soon as the page loads. */
  openAtLoad: boolean;
}

/** Result of {@link readConfig}: the settings, or why there are none. */
export type ConfigResult = { ok: true; config: WidgetConfig } | { ok: false; error: string };

function originOf(url: string, base?: string): string | undefined {
  try {
    const parsed = new URL(url, base);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return undefined;
    return parsed.origin;
  } catch {
    return undefined;
  }
}

/**
 * Builds the configuration. The platform origin is the origin the script itself was loaded from (the platform
 * serves `widget.js`), unless `data-server` names another one; only the origin of `data-server` is used, because
 * socket.io would read any path as a namespace. `pageUrl` resolves a relative `data-server`.
 */
export function readConfig(script: ScriptLike | null | undefined, pageUrl: string): ConfigResult {
  if (!script) return { ok: false, error: 'cannot find its own <script> element' };
  const workspace = script.getAttribute('data-workspace')?.trim();
  if (!workspace) return { ok: false, error: 'the <script> tag needs a data-workspace attribute' };

  const server = script.getAttribute('data-server')?.trim();
  const origin = server ? originOf(server, pageUrl) : originOf(script.src || pageUrl);
  if (!origin) return { ok: false, error: `cannot tell the platform address from "${server ?? script.src}"` };

  return { ok: true, config: { origin, workspace, openAtLoad: script.getAttribute('data-open') === 'true' } };
}
