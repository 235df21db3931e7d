import { linkify, toSafeHttpUrl, type TextSegment } from '../../../web/widget/linkify';

const links = (segments: TextSegment[]) =>
  segments.filter((s): s is Extract<TextSegment, { kind: 'link' }> => s.kind === 'link').map((s) => s.href);

describe('linkify', () => {
  it('returns plain text as a single text segment', () => {
    expect(linkify('Hello there')).toEqual([{ kind: 'text', text: 'Hello there' }]);
  });

  it('returns nothing for an empty string', () => {
    expect(linkify('')).toEqual([]);
  });

  it('links an https URL in the middle of a sentence', () => {
    expect(linkify('Track it at https://shop.example/track?id=42 today')).toEqual([
      { kind: 'text', text: 'Track it at ' },
      { kind: 'link', text: 'https://shop.example/track?id=42', href: 'https://shop.example/track?id=42' },
      { kind: 'text', text: ' today' },
    ]);
  });

  it('links bare www hosts over https', () => {
    expect(links(linkify('See www.example.com for details'))).toEqual(['https://www.example.com/']);
  });

  it('leaves sentence punctuation after a URL outside the link', () => {
    const segments = linkify('Go to https://example.com/faq. Or https://example.com/help!');
    expect(links(segments)).toEqual(['https://example.com/faq', 'https://example.com/help']);
    expect(segments.at(-1)).toEqual({ kind: 'text', text: '!' });
  });

  it('keeps balanced parentheses inside a URL but not an enclosing one', () => {
    expect(links(linkify('(see https://en.wikipedia.org/wiki/Tea_(drink))'))).toEqual([
      'https://en.wikipedia.org/wiki/Tea_(drink)',
    ]);
    expect(links(linkify('(details: https://example.com/a)'))).toEqual(['https://example.com/a']);
  });

  it('stops a URL where Chinese text continues without a space', () => {
    const segments = linkify('请访问https://shop.example.cn/help查看详情');
    expect(links(segments)).toEqual(['https://shop.example.cn/help']);
    expect(segments.at(-1)).toEqual({ kind: 'text', text: '查看详情' });
  });

  it('keeps line breaks inside text segments', () => {
    expect(linkify('line one\nline two')).toEqual([{ kind: 'text', text: 'line one\nline two' }]);
  });

  it('never links javascript: URLs', () => {
    expect(links(linkify('click javascript:alert(document.cookie)'))).toEqual([]);
    expect(links(linkify('JavaScript:alert(1)'))).toEqual([]);
  });

  it('never links data: or vbscript: URLs', () => {
    expect(links(linkify('data:text/html,<script>alert(1)</script> vbscript:msgbox(1)'))).toEqual([]);
  });

  it('only links the http part when a dangerous scheme wraps one', () => {
    const hrefs = links(linkify('javascript://https://evil.example/%0Aalert(1)'));
    for (const href of hrefs) expect(href.startsWith('https://')).toBe(true);
  });

  it('keeps markup in messages as inert text', () => {
    const segments = linkify('<img src=x onerror=alert(1)> <b>bold</b>');
    expect(segments).toEqual([{ kind: 'text', text: '<img src=x onerror=alert(1)> <b>bold</b>' }]);
  });

  it('does not link a bare scheme without a host', () => {
    expect(links(linkify('http:// and https://'))).toEqual([]);
  });
});

describe('toSafeHttpUrl', () => {
  it('accepts absolute http and https URLs', () => {
    expect(toSafeHttpUrl('https://cdn.example/a.png')).toBe('https://cdn.example/a.png');
    expect(toSafeHttpUrl('http://cdn.example/a.png')).toBe('http://cdn.example/a.png');
  });

  it('resolves relative URLs against the given base', () => {
    expect(toSafeHttpUrl('/img/mug.png', 'https://platform.example')).toBe('https://platform.example/img/mug.png');
  });

  it('rejects other schemes, even with odd casing and whitespace', () => {
    expect(toSafeHttpUrl('javascript:alert(1)')).toBeUndefined();
    expect(toSafeHttpUrl(' JaVaScRiPt:alert(1)', 'https://shop.example')).toBeUndefined();
    expect(toSafeHttpUrl('data:image/svg+xml,<svg/>')).toBeUndefined();
  });

  it('rejects missing or unparsable input', () => {
    expect(toSafeHttpUrl(undefined)).toBeUndefined();
    expect(toSafeHttpUrl('not a url')).toBeUndefined();
  });
});
