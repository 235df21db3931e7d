/**
 * The live preview beside the Markdown editor. It shows exactly what shoppers would see: the server renders and
 * sanitises (`POST /api/knowledge/preview`), and this inserts only that HTML, filtered once more. Requests are
 * debounced while typing, and an answer that arrives after a newer request was sent is dropped.
 */
import type { KnowledgeApi } from '../api-client';
import { isAbort } from '../api-client';
import { debounce } from '../debounce';
import { h, uniqueId } from '../dom';
import { explainError } from '../error-messages';
import { insertSanitisedHtml } from '../safe-html';

/** Milliseconds of quiet typing before the preview is requested. */
export const PREVIEW_DEBOUNCE_MS = 350;

/** A preview pane. */
export interface MarkdownPreview {
  element: HTMLElement;
  /** Asks for a new rendering once typing pauses. */
  update(markdown: string): void;
  /** Renders now (first display). */
  renderNow(markdown: string): void;
}

/** Creates a preview pane; requests stop when `signal` aborts (the screen was left). */
export function markdownPreview(api: KnowledgeApi, signal: AbortSignal, label = 'Preview'): MarkdownPreview {
  const content = h('div', { class: 'preview-content markdown', 'data-testid': 'preview' });
  // Only failures are announced; "updating" on every pause in typing would drown a screen reader.
  const state = h('p', { class: 'preview-state', 'aria-live': 'polite' });
  const updating = h('span', { class: 'preview-updating', 'aria-hidden': 'true', hidden: true }, 'Updating…');
  const labelId = uniqueId('preview');
  const element = h('section', { class: 'preview', 'aria-labelledby': labelId }, h('h2', { id: labelId, class: 'pane-title' }, label, ' ', updating), state, content);
  let inFlight: AbortController | undefined;
  let renderedMarkdown: string | undefined;

  const render = (markdown: string): void => {
    if (signal.aborted) return;
    inFlight?.abort();
    if (markdown === renderedMarkdown) {
      // Typed back to what is shown: drop the request for the text in between.
      inFlight = undefined;
      updating.hidden = true;
      element.removeAttribute('aria-busy');
      return;
    }
    const controller = new AbortController();
    inFlight = controller;
    const abortWithScreen = (): void => controller.abort();
    signal.addEventListener('abort', abortWithScreen, { once: true });
    updating.hidden = false;
    element.setAttribute('aria-busy', 'true');
    api
      .withSignal(controller.signal)
      .preview(markdown)
      .then((html) => {
        if (controller !== inFlight) return;
        insertSanitisedHtml(content, html);
        renderedMarkdown = markdown;
        state.textContent = '';
      })
      .catch((error: unknown) => {
        if (isAbort(error) || controller !== inFlight) return;
        state.textContent = `Preview unavailable: ${explainError(error, undefined).headline}`;
      })
      .finally(() => {
        signal.removeEventListener('abort', abortWithScreen);
        if (controller !== inFlight) return;
        element.removeAttribute('aria-busy');
        updating.hidden = true;
      });
  };
  const typed = debounce(render, PREVIEW_DEBOUNCE_MS);
  signal.addEventListener('abort', () => typed.cancel(), { once: true });

  return {
    element,
    update: (markdown) => typed.schedule(markdown),
    renderNow: (markdown) => {
      typed.cancel();
      render(markdown);
    },
  };
}
