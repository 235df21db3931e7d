/**
 * Tiny DOM helpers. Text from the API is only ever set through `textContent` and properties, never HTML strings;
 * the one exception, the server-sanitised Markdown preview, goes through `safe-html.ts`.
 */

/** Attributes for {@link h}; `undefined`/`false` values are skipped, `true` sets an empty attribute. */
export type Attributes = Readonly<Record<string, string | number | boolean | undefined>>;

/** A child of {@link h}: nodes, text, or nothing. */
export type Child = Node | string | null | undefined | false;

/** Creates an element with attributes and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: ReadonlyArray<Child | ReadonlyArray<Child>>): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

/** Appends children (strings become text nodes; arrays are flattened). */
export function append(parent: Element | DocumentFragment, ...children: ReadonlyArray<Child | ReadonlyArray<Child>>): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces an element's children. */
export function replaceChildren(parent: Element, ...children: ReadonlyArray<Child | ReadonlyArray<Child>>): void {
  parent.replaceChildren();
  append(parent, ...children);
}

let nextId = 0;

/** A document-unique id for label/aria wiring: `kb-title-3`. */
export function uniqueId(prefix: string): string {
  nextId += 1;
  return `kb-${prefix}-${nextId}`;
}

/** A labelled form control with an optional hint and a slot for its error, wired with `aria-describedby`. */
export interface Field<C extends HTMLElement> {
  /** The wrapper to insert. */
  element: HTMLDivElement;
  control: C;
  /** Shows (or, with undefined, clears) the field's error and marks the control `aria-invalid`. */
  setError(message: string | undefined): void;
}

/** Wraps `control` with a `<label>`, an optional hint and an error slot. */
export function field<C extends HTMLElement>(label: string, control: C, hint?: string): Field<C> {
  if (!control.id) control.id = uniqueId('field');
  const hintId = hint ? `${control.id}-hint` : undefined;
  const errorId = `${control.id}-error`;
  const error = h('p', { class: 'field-error', id: errorId, hidden: true });
  control.setAttribute('aria-describedby', [hintId, errorId].filter(Boolean).join(' '));
  const element = h('div', { class: 'field' }, h('label', { for: control.id }, label), hint ? h('p', { class: 'hint', id: hintId }, hint) : null, control, error);
  return {
    element,
    control,
    setError(message) {
      error.textContent = message ?? '';
      error.hidden = !message;
      if (message) control.setAttribute('aria-invalid', 'true');
      else control.removeAttribute('aria-invalid');
    },
  };
}

/** A `<button type="button">` that runs `onClick`. */
export function button(label: string, onClick: (event: MouseEvent) => void, attributes: Attributes = {}): HTMLButtonElement {
  const element = h('button', { type: 'button', ...attributes }, label);
  element.addEventListener('click', onClick);
  return element;
}

/** A `<select>` with `[value, label]` options and one selected. */
export function select(options: ReadonlyArray<readonly [string, string]>, selected: string, attributes: Attributes = {}): HTMLSelectElement {
  const element = h('select', attributes);
  for (const [value, label] of options) {
    const option = h('option', { value }, label);
    option.selected = value === selected;
    element.append(option);
  }
  return element;
}

/**
 * Runs `work` with `control` disabled and `aria-busy` set, so a double click cannot send a save twice; restores the
 * control afterwards whatever happens.
 */
export async function whileBusy<T>(control: HTMLButtonElement | HTMLFieldSetElement, work: () => Promise<T>): Promise<T> {
  const wasDisabled = control.disabled;
  control.disabled = true;
  control.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    control.disabled = wasDisabled;
    control.removeAttribute('aria-busy');
  }
}

/** A data table with a caption and column headers (`data-testid` for tests), rows given ready-made. */
export function dataTable(caption: string, headers: readonly string[], rows: readonly HTMLTableRowElement[], testId: string): HTMLTableElement {
  return h(
    'table',
    { 'data-testid': testId },
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, ...headers.map((label) => h('th', { scope: 'col' }, label)))),
    h('tbody', {}, ...rows),
  );
}
