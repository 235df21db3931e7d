import { markdownBlocks } from '../../../knowledge/retrieval/markdown-blocks';

describe('markdownBlocks', () => {
  it('gives headings with their depth and paragraphs without formatting marks', () => {
    expect(markdownBlocks('# Title\n\n## Costs\n\nStandard is **EUR 5.90**, _free_ over `EUR 79`.')).toEqual([
      { kind: 'heading', depth: 1, text: 'Title' },
      { kind: 'heading', depth: 2, text: 'Costs' },
      { kind: 'paragraph', text: 'Standard is EUR 5.90, free over EUR 79.' },
    ]);
  });

  it('keeps the text of links and images, not their targets, and drops HTML tags', () => {
    expect(markdownBlocks('See [our returns page](https://example.com/returns) ![a box](box.png) <b>now</b>.')).toEqual([
      { kind: 'paragraph', text: 'See our returns page a box now.' },
    ]);
  });

  it('decodes HTML entities', () => {
    expect(markdownBlocks('Terms &amp; conditions &lt;2 days&gt;')).toEqual([{ kind: 'paragraph', text: 'Terms & conditions <2 days>' }]);
  });

  it('gives one line per list item, numbered lists numbered and nested items indented', () => {
    expect(markdownBlocks('- one\n- two\n  - two a\n\n3. third\n4. fourth')).toEqual([
      { kind: 'list', items: ['- one', '- two', '  - two a'] },
      { kind: 'list', items: ['3. third', '4. fourth'] },
    ]);
  });

  it('writes table rows as "Header: cell" pairs so a row read alone still makes sense', () => {
    expect(markdownBlocks('| Size | Chest |\n|---|---|\n| M | 94 |\n| L | |')).toEqual([{ kind: 'table', rows: ['Size: M; Chest: 94', 'Size: L'] }]);
  });

  it('takes the blocks inside block quotes and keeps code as it is', () => {
    expect(markdownBlocks('> Note: **keep** the receipt\n\n```\nSTOP\n```')).toEqual([
      { kind: 'paragraph', text: 'Note: keep the receipt' },
      { kind: 'code', text: 'STOP' },
    ]);
  });

  it('gives nothing for an empty text or rules only', () => {
    expect(markdownBlocks('')).toEqual([]);
    expect(markdownBlocks('---\n\n***')).toEqual([]);
  });
});
