import { readConfig, type ScriptLike } from '../../../web/widget/config';

function script(src: string, attributes: Record<string, string>): ScriptLike {
  return { src, getAttribute: (name) => attributes[name] ?? null };
}

const PAGE = 'https://shop.example/products/mug';

describe('readConfig', () => {
  it('takes the platform origin from the script URL', () => {
    expect(readConfig(script('https://platform.example/widget.js?v=3', { 'data-workspace': 'demo' }), PAGE)).toEqual({
      ok: true,
      config: { origin: 'https://platform.example', workspace: 'demo', openAtLoad: false },
    });
  });

  it('lets data-server override the origin, ignoring any path', () => {
    const result = readConfig(
      script('https://cdn.example/widget.js', { 'data-workspace': 'demo', 'data-server': 'https://chat.example/some/path' }),
      PAGE,
    );
    expect(result.ok && result.config.origin).toBe('https://chat.example');
  });

  it('resolves a relative data-server against the page', () => {
    const result = readConfig(script('https://cdn.example/widget.js', { 'data-workspace': 'demo', 'data-server': '/' }), PAGE);
    expect(result.ok && result.config.origin).toBe('https://shop.example');
  });

  it('opens at load only for data-open="true"', () => {
    const open = readConfig(script('https://p.example/widget.js', { 'data-workspace': 'w', 'data-open': 'true' }), PAGE);
    const other = readConfig(script('https://p.example/widget.js', { 'data-workspace': 'w', 'data-open': 'yes' }), PAGE);
    expect(open.ok && open.config.openAtLoad).toBe(true);
    expect(other.ok && other.config.openAtLoad).toBe(false);
  });

  it('refuses to start without data-workspace', () => {
    const result = readConfig(script('https://p.example/widget.js', {}), PAGE);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toMatch(/data-workspace/);
  });

  it('refuses a blank data-workspace', () => {
    expect(readConfig(script('https://p.example/widget.js', { 'data-workspace': '  ' }), PAGE).ok).toBe(false);
  });

  it('refuses to start without its script element', () => {
    expect(readConfig(null, PAGE).ok).toBe(false);
  });

  it('refuses a data-server that is not http(s)', () => {
    const result = readConfig(
      script('https://p.example/widget.js', { 'data-workspace': 'w', 'data-server': 'javascript:alert(1)' }),
      PAGE,
    );
    expect(result.ok).toBe(false);
  });
});
