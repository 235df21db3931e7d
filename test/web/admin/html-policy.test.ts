import { ALLOWED_TAGS, DROPPED_WITH_CONTENT, isAllowedAttribute, isSafeUrl } from '../../../web/admin/html-policy';

describe('preview HTML policy', () => {
  it('allows formatting tags and never scripts', () => {
    expect(ALLOWED_TAGS.has('table')).toBe(true);
    for (const tag of ['script', 'iframe', 'style', 'svg']) {
      expect(ALLOWED_TAGS.has(tag)).toBe(false);
      expect(DROPPED_WITH_CONTENT.has(tag)).toBe(true);
    }
  });

  it('drops event handlers and unknown attributes', () => {
    expect(isAllowedAttribute('img', 'onerror', 'alert(1)')).toBe(false);
    expect(isAllowedAttribute('p', 'style', 'color:red')).toBe(false);
    expect(isAllowedAttribute('a', 'title', 'x')).toBe(true);
  });

  it('allows only http(s) and mailto links and https images', () => {
    expect(isSafeUrl('a', 'https://example.com')).toBe(true);
    expect(isSafeUrl('a', 'mailto:help@example.com')).toBe(true);
    expect(isSafeUrl('a', '/help/demo/x')).toBe(true);
    expect(isSafeUrl('a', ' JavaScript:alert(1)')).toBe(false);
    expect(isSafeUrl('a', 'data:text/html,x')).toBe(false);
    expect(isSafeUrl('a', '//evil.example')).toBe(false);
    expect(isSafeUrl('img', 'http://example.com/x.png')).toBe(false);
    expect(isSafeUrl('img', 'https://example.com/x.png')).toBe(true);
    expect(isAllowedAttribute('a', 'href', 'javascript:alert(1)')).toBe(false);
  });
});
