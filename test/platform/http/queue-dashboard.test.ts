/**
 * The queue dashboard (Bull Board) over real HTTP on an in-process platform: admin-only, reachable from a browser
 * through HTTP Basic authentication with an admin API token as the password.
 */
import { QUEUE_DASHBOARD_PATH } from '../../../platform/http/queue-dashboard';
import { startInProcessPlatform, type InProcessPlatform } from '../../support/platform';

const basic = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

describe('queue dashboard', () => {
  let platform: InProcessPlatform;
  let agentToken: string;

  beforeAll(async () => {
    platform = await startInProcessPlatform({ worker: false });
    const workspace = await platform.context.workspaces.ensure({ slug: 'demo', name: 'Demo Store', defaultLanguage: 'en' });
    agentToken = (await platform.context.tokens.create({ workspaceId: workspace.workspace.id, role: 'agent', name: 'agent' })).token;
  });

  afterAll(async () => {
    await platform?.close();
  });

  const get = (path: string, authorization?: string) =>
    fetch(`${platform.url}${QUEUE_DASHBOARD_PATH}${path}`, { headers: authorization ? { authorization } : {} });

  describe('without a token', () => {
    it('answers 401 with a Basic-auth prompt, so a browser asks for the token', async () => {
      const response = await get('');
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toBe('Basic realm="polyglot-desk admin", charset="UTF-8"');
      expect(await response.text()).toMatch(/admin API token/);
    });

    it('protects the dashboard API too', async () => {
      expect((await get('/api/queues')).status).toBe(401);
    });
  });

  describe('with a token that is not an admin one', () => {
    it('answers 401 to an agent token, as Bearer or as Basic password', async () => {
      for (const authorization of [`Bearer ${agentToken}`, basic('agent', agentToken)]) {
        const response = await get('', authorization);
        expect(response.status).toBe(401);
        expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
      }
    });

    it('answers 401 to an unknown token and to Basic credentials without a password part', async () => {
      expect((await get('', basic('admin', 'wrong-token'))).status).toBe(401);
      expect((await get('', `Basic ${Buffer.from(platform.adminToken).toString('base64')}`)).status).toBe(401);
      expect((await get('', 'Token something')).status).toBe(401);
    });

    it('does not take the admin token as the user name', async () => {
      expect((await get('', basic(platform.adminToken, 'x'))).status).toBe(401);
    });
  });

  describe('with the admin token', () => {
    it('serves the HTML page with the token as the Basic password, whatever the user name', async () => {
      for (const user of ['admin', '', 'someone@example.com']) {
        const response = await get('', basic(user, platform.adminToken));
        expect(response.status).toBe(200);
        expect(response.headers.get('content-type')).toMatch(/^text\/html/);
        expect(await response.text()).toMatch(/<html/i);
      }
    });

    it('serves the page to a Bearer admin token', async () => {
      expect((await get('', `Bearer ${platform.adminToken}`)).status).toBe(200);
    });

    it('lists every queue in its API', async () => {
      const response = await get('/api/queues', basic('admin', platform.adminToken));
      expect(response.status).toBe(200);
      const body = (await response.json()) as { queues: Array<{ name: string; type: string; counts: Record<string, number> }> };
      expect(body.queues.map((q) => q.name).sort()).toEqual(['handoff', 'inbound', 'knowledge', 'outbound', 'training']);
      for (const queue of body.queues) {
        expect(queue.type).toBe('bullmq');
        expect(queue.counts).toEqual(expect.objectContaining({ waiting: expect.any(Number), failed: expect.any(Number) }));
      }
    });
  });
});
