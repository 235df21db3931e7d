import { readConfig } from '../../../web/storefront/config';

const script = (src: string, attributes: Record<string, string>) => ({ src, getAttribute: (name: string) => attributes[name] ?? null });

describe('readConfig', () => {
  it('posts to /api/events on the origin the script came from', () => {
    expect(readConfig(script('https://desk.example.com/storefront.js?v=2', { 'data-workspace': 'demo', 'data-key': ' pgd_abc ' }), 'https://shop.example/p/1')).toEqual({
      ok: true,
      config: { workspace: 'demo', key: 'pgd_abc', endpoint: 'https://desk.example.com/api/events' },
    });
  });

  it('takes data-endpoint, relative to the page', () => {
    const result = readConfig(script('https://cdn.example/storefront.js', { 'data-workspace': 'demo', 'data-key': 'k', 'data-endpoint': '/desk/api/events' }), 'https://shop.example/p/1');
    expect(result).toMatchObject({ ok: true, config: { endpoint: 'https://shop.example/desk/api/events' } });
  });

  it.each([
    [{ 'data-key': 'k' }, /data-workspace/],
    [{ 'data-workspace': 'demo' }, /data-key/],
    [{ 'data-workspace': 'demo', 'data-key': 'k', 'data-endpoint': 'javascript:alert(1)' }, /http/],
  ])('says what is missing or wrong (%j)', (attributes, error) => {
    const result = readConfig(script('https://desk.example.com/storefront.js', attributes), 'https://shop.example/');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(error);
  });

  it('refuses to start without its script element', () => {
    expect(readConfig(null, 'https://shop.example/')).toEqual({ ok: false, error: 'cannot find its own <script> element' });
  });
});
