/**
 * Tiny DOM helpers. Content is only ever set through `textContent` and properties, never HTML strings, so
 * nothing coming from the server or the catalogue can inject markup into the widget or the host page.
 */

/** Attributes for {@link h}; `undefined`/`false` values are skipped, `true` sets an empty attribute. */
export type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

/** Creates an element with attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: ReadonlyArray<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * Builds a decorative 24x24 stroke icon from path data (constant strings in this bundle, never server data).
 * Icons are `aria-hidden`: the buttons carrying them have their own accessible names.
 */
export function icon(paths: readonly string[], className?: string): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '2');
  svg.setAttribute('stroke-linecap', 'round');
  svg.setAttribute('stroke-linejoin', 'round');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  if (className) svg.setAttribute('class', className);
  for (const d of paths) {
    const path = document.createElementNS(SVG_NS, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

/** Icon path data. */
export const ICONS = {
  chat: ['M21 12a8 8 0 0 1-11.6 7.1L4 20.5l1.4-4.9A8 8 0 1 1 21 12Z', 'M8.5 12h.01M12 12h.01M15.5 12h.01'],
  close: ['M6 6l12 12', 'M18 6L6 18'],
  chevronDown: ['M6 9l6 6 6-6'],
  send: ['M4 12l16-8-6 16-2.5-6.5L4 12Z', 'M11.5 13.5L20 4'],
} as const;
