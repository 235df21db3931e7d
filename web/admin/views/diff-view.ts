/**
 * Draws a {@link DiffModel}: added text in `<ins>`, removed text in `<del>` (so the meaning survives without colour
 * and screen readers announce it), the body as numbered lines with `+`/`-` markers and folded unchanged stretches.
 */
import { h } from '../dom';
import type { DiffModel, DiffRow, DiffSegment } from '../diff-model';

function segment(part: DiffSegment): HTMLElement | Text {
  if (part.kind === 'added') return h('ins', {}, part.text);
  if (part.kind === 'removed') return h('del', {}, part.text);
  return document.createTextNode(part.text);
}

function bodyRow(row: DiffRow): HTMLTableRowElement {
  if (row.kind === 'skipped') {
    return h('tr', { class: 'diff-skipped' }, h('td', { colspan: 4 }, `… ${row.count} unchanged line${row.count === 1 ? '' : 's'}`));
  }
  const marker = row.kind === 'added' ? '+' : row.kind === 'removed' ? '−' : '';
  const text = row.text === '' ? '\u00a0' : row.text;
  return h(
    'tr',
    { class: `diff-${row.kind}`, 'data-testid': `diff-${row.kind}` },
    h('td', { class: 'line-number' }, row.oldNumber === undefined ? '' : String(row.oldNumber)),
    h('td', { class: 'line-number' }, row.newNumber === undefined ? '' : String(row.newNumber)),
    h('td', { class: 'diff-marker', 'aria-hidden': 'true' }, marker),
    h('td', { class: 'diff-text' }, row.kind === 'added' ? h('ins', {}, text) : row.kind === 'removed' ? h('del', {}, text) : text),
  );
}

function items(label: string, parts: readonly DiffSegment[]): HTMLElement | null {
  if (!parts.some((p) => p.kind !== 'same')) return null;
  return h('div', { class: 'diff-items' }, h('h3', {}, label), h('ul', {}, ...parts.map((p) => h('li', { class: `diff-${p.kind}` }, segment(p)))));
}

/** The diff of two revisions as a section. */
export function diffView(model: DiffModel): HTMLElement {
  const headingText = `Changes from revision ${model.from} to revision ${model.to}`;
  if (!model.changed) return h('section', { class: 'diff', 'data-testid': 'diff' }, h('h2', {}, headingText), h('p', {}, 'The two revisions have the same text.'));
  const titleChanged = model.title.some((p) => p.kind !== 'same');
  const bodyChanged = model.body.some((row) => row.kind === 'added' || row.kind === 'removed');
  return h(
    'section',
    { class: 'diff', 'data-testid': 'diff' },
    h('h2', {}, headingText),
    titleChanged ? h('div', {}, h('h3', {}, 'Title'), h('p', { class: 'diff-inline' }, ...model.title.map(segment))) : null,
    bodyChanged
      ? h(
          'div',
          {},
          h('h3', {}, 'Text'),
          h(
            'table',
            { class: 'diff-lines' },
            h('caption', { class: 'visually-hidden' }, 'Changed lines: old line number, new line number, change, text'),
            h('thead', { class: 'visually-hidden' }, h('tr', {}, h('th', { scope: 'col' }, 'Old line'), h('th', { scope: 'col' }, 'New line'), h('th', { scope: 'col' }, 'Change'), h('th', { scope: 'col' }, 'Text'))),
            h('tbody', {}, ...model.body.map(bodyRow)),
          ),
        )
      : null,
    items('Questions', model.questions),
    items('Tags', model.tags),
  );
}
