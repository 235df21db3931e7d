import { markdownToText, renderMarkdown } from '../../../knowledge/markdown/render-markdown';

describe('renderMarkdown', () => {
  it('renders headings, emphasis, lists, tables and links', () => {
    const html = renderMarkdown('## Costs\n\n**EUR 5.90**, free over EUR 79.\n\n- DHL\n- UPS\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[Returns](https://demo-store.example.com/returns)');
    expect(html).toContain('<h2>Costs</h2>');
    expect(html).toContain('<strong>EUR 5.90</strong>');
    expect(html).toContain('<li>DHL</li>');
    expect(html).toContain('<td>1</td>');
    expect(html).toContain('<a href="https://demo-store.example.com/returns" rel="noopener noreferrer nofollow" target="_blank">Returns</a>');
  });

  it.each([
    ['a script tag', '<script>alert(1)</script>hello', /<script/i],
    ['an event handler', '<img src="https://x.example/a.png" onerror="alert(1)">', /onerror/i],
    ['a javascript: link', '[click](javascript:alert(1))', /javascript:/i],
    ['a data: image', '![x](data:image/svg+xml;base64,PHN2Zz4=)', /data:/i],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['a style attribute', '<p style="background:url(javascript:alert(1))">x</p>', /style=/i],
  ])('strips %s', (_what, markdown, forbidden) => {
    expect(renderMarkdown(markdown)).not.toMatch(forbidden);
  });
});

describe('markdownToText', () => {
  it('gives one line per block, bullets for list items, cells joined, entities decoded, no tags', () => {
    expect(markdownToText('## Costs\n\nStandard: **EUR 5.90** & free over EUR 79.\n\n- DHL <Express>\n- UPS\n\n| Size | Chest |\n|---|---|\n| M | 94 cm |')).toBe(
      'Costs\nStandard: EUR 5.90 & free over EUR 79.\n• DHL\n• UPS\nSize | Chest\nM | 94 cm',
    );
  });
});
