/** The workspace settings API over real HTTP, and its effect on understanding. */
import { startInProcessPlatform, type InProcessPlatform } from '../../support/platform';
import { waitFor } from '../../support/wait-for';

describe('workspace routes', () => {
  let platform: InProcessPlatform;
  let agentToken: string;

  beforeAll(async () => {
    platform = await startInProcessPlatform();
    const response = await api('/api/tokens', { method: 'POST', token: platform.adminToken, json: { name: 'agent', role: 'agent' } });
    agentToken = ((await response.json()) as { token: string }).token;
    await waitFor(async () => (await platform.context.models.live(null, 'intent-classifier')) !== undefined, 20_000);
  });

  afterAll(async () => {
    await platform?.close();
  });

  function api(path: string, init: { method?: string; token?: string; json?: unknown } = {}) {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    return fetch(`${platform.url}${path}`, { method: init.method ?? 'GET', headers, body: init.json === undefined ? undefined : JSON.stringify(init.json) });
  }

  it('shows the workspace and its (empty) settings to agents', async () => {
    const response = await api('/api/workspace', { token: agentToken });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ workspace: { slug: 'demo', name: 'Demo Store' }, settings: {} });
  });

  it('lets only admins change the settings', async () => {
    expect((await api('/api/workspace/settings', { method: 'PUT', json: {} })).status).toBe(401);
    expect((await api('/api/workspace/settings', { method: 'PUT', token: agentToken, json: {} })).status).toBe(403);
  });

  it('refuses an invalid pattern with 400 naming the field', async () => {
    const response = await api('/api/workspace/settings', { method: 'PUT', token: platform.adminToken, json: { orderNumberPatterns: ['INV-(\\d{6}'] } });
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/orderNumberPatterns/);
  });

  it('recognises the store’s own order-number format once it is configured', async () => {
    const text = 'where is my order INV-204311?';
    const saved = await api('/api/workspace/settings', { method: 'PUT', token: platform.adminToken, json: { orderNumberPatterns: ['INV-\\d{6}'] } });
    expect(saved.status).toBe(200);
    expect(await (await api('/api/workspace', { token: agentToken })).json()).toMatchObject({ settings: { orderNumberPatterns: ['INV-\\d{6}'] } });
    const understood = (await (await api('/api/nlu/understand', { method: 'POST', token: agentToken, json: { text } })).json()) as {
      entities: Array<{ type: string; value: { normalized?: string } }>;
    };
    expect(understood.entities).toContainEqual(expect.objectContaining({ type: 'order_number', value: expect.objectContaining({ normalized: 'INV-204311' }) }));
  });
});
