/**
 * The understanding admin API over real HTTP: a real platform in-process (SQLite, Redis, BullMQ worker, the built-in
 * intent model installed from the test model cache). Each group works in a workspace of its own, so the groups do
 * not depend on each other's data.
 */
import { INTENT_COMPONENT } from '../../../nlu/intents';
import { startInProcessPlatform, type InProcessPlatform } from '../../support/platform';
import { uniquePrefix } from '../../support/services';
import { waitFor } from '../../support/wait-for';

interface Tokens {
  workspaceId: string;
  admin: string;
  agent: string;
}

interface VersionJson {
  version: number;
  scope: 'builtin' | 'workspace';
  kind: string;
  status: string;
  metrics: Record<string, unknown> | null;
  error: string | null;
  dataFingerprint: string;
  createdAt: string;
  completedAt: string | null;
  promotedAt: string | null;
}

interface ErrorJson {
  error: { code: string; message: string };
}

describe('NLU routes (/api/nlu, in-process platform)', () => {
  let platform: InProcessPlatform;

  beforeAll(async () => {
    platform = await startInProcessPlatform();
    await waitFor(async () => (await platform.context.models.live(null, INTENT_COMPONENT)) !== undefined, 20_000);
  });

  afterAll(async () => {
    await platform?.close();
  });

  /** A fresh workspace with an admin and an agent token. */
  async function workspace(): Promise<Tokens> {
    const slug = uniquePrefix('nlu').toLowerCase();
    const { workspace: created } = await platform.context.workspaces.ensure({ slug, name: `Store ${slug}`, defaultLanguage: 'en' });
    const admin = await platform.context.tokens.create({ workspaceId: created.id, role: 'admin', name: 'test admin' });
    const agent = await platform.context.tokens.create({ workspaceId: created.id, role: 'agent', name: 'test agent' });
    return { workspaceId: created.id, admin: admin.token, agent: agent.token };
  }

  async function api<T = unknown>(method: string, path: string, options: { token?: string; json?: unknown } = {}): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.json !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${platform.url}${path}`, {
      method,
      headers,
      ...(options.json !== undefined ? { body: JSON.stringify(options.json) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  describe('intent examples', () => {
    let tokens: Tokens;

    beforeAll(async () => {
      tokens = await workspace();
    });

    it('adds examples for an admin, skipping duplicates, and lists them for an agent', async () => {
      const examples = [
        { intent: 'gift_wrap', text: 'Can you gift wrap my order?', language: 'en' },
        { intent: 'gift_wrap', text: '¿Pueden envolverlo para regalo?', language: 'es' },
        { intent: 'gift_wrap', text: 'Can you gift wrap my order?', language: 'en' },
      ];
      const added = await api('POST', '/api/nlu/examples', { token: tokens.admin, json: { examples } });
      expect(added).toEqual({ status: 201, body: { added: 2, skippedDuplicates: 1 } });

      const again = await api('POST', '/api/nlu/examples', { token: tokens.admin, json: { examples: examples.slice(0, 1) } });
      expect(again.body).toEqual({ added: 0, skippedDuplicates: 1 });

      const listed = await api<{ examples: Array<{ id: string; intent: string; text: string; language?: string; createdAt: string }> }>('GET', '/api/nlu/examples', {
        token: tokens.agent,
      });
      expect(listed.status).toBe(200);
      expect(listed.body.examples.map((e) => [e.intent, e.text, e.language])).toEqual([
        ['gift_wrap', 'Can you gift wrap my order?', 'en'],
        ['gift_wrap', '¿Pueden envolverlo para regalo?', 'es'],
      ]);
      for (const example of listed.body.examples) {
        expect(example.id).toMatch(/^[0-9a-f-]{36}$/);
        expect(new Date(example.createdAt).toISOString()).toBe(example.createdAt);
      }
    });

    it('keeps each workspace’s examples to itself', async () => {
      const other = await workspace();
      await api('POST', '/api/nlu/examples', { token: other.admin, json: { examples: [{ intent: 'loyalty_points', text: 'how many points do I have' }] } });
      const mine = await api<{ examples: Array<{ intent: string }> }>('GET', '/api/nlu/examples', { token: tokens.admin });
      expect(mine.body.examples.map((e) => e.intent)).not.toContain('loyalty_points');
    });

    it('deletes an example, then answers 404 for it', async () => {
      const { body } = await api<{ examples: Array<{ id: string; text: string }> }>('GET', '/api/nlu/examples', { token: tokens.admin });
      const target = body.examples.find((e) => e.text.startsWith('¿Pueden'))!;
      expect(await api('DELETE', `/api/nlu/examples/${target.id}`, { token: tokens.admin })).toEqual({ status: 204, body: undefined });
      const after = await api<{ examples: Array<{ id: string }> }>('GET', '/api/nlu/examples', { token: tokens.admin });
      expect(after.body.examples.map((e) => e.id)).not.toContain(target.id);
      const gone = await api<ErrorJson>('DELETE', `/api/nlu/examples/${target.id}`, { token: tokens.admin });
      expect(gone.status).toBe(404);
      expect(gone.body.error.code).toBe('not_found');
    });

    it('does not delete another workspace’s example', async () => {
      const { body } = await api<{ examples: Array<{ id: string }> }>('GET', '/api/nlu/examples', { token: tokens.admin });
      const other = await workspace();
      expect((await api('DELETE', `/api/nlu/examples/${body.examples[0]!.id}`, { token: other.admin })).status).toBe(404);
      const still = await api<{ examples: Array<{ id: string }> }>('GET', '/api/nlu/examples', { token: tokens.admin });
      expect(still.body.examples).toHaveLength(body.examples.length);
    });

    describe('with an invalid body', () => {
      it.each([
        ['no examples array', {}, 'body examples'],
        ['an empty list', { examples: [] }, 'body examples'],
        ['an intent name in kebab case', { examples: [{ intent: 'gift-wrap', text: 'wrap it' }] }, 'body examples.0.intent'],
        ['an intent name starting with a digit', { examples: [{ intent: '1intent', text: 'wrap it' }] }, 'body examples.0.intent'],
        ['a blank text', { examples: [{ intent: 'gift_wrap', text: '   ' }] }, 'body examples.0.text'],
        ['a three-letter language', { examples: [{ intent: 'gift_wrap', text: 'wrap it', language: 'eng' }] }, 'body examples.0.language'],
      ])('answers 400 for %s, naming the field', async (_label, json, field) => {
        const response = await api<ErrorJson>('POST', '/api/nlu/examples', { token: tokens.admin, json });
        expect(response.status).toBe(400);
        expect(response.body.error.code).toBe('invalid_request');
        expect(response.body.error.message.startsWith(`${field}:`)).toBe(true);
      });

      it('answers 400 for a malformed id', async () => {
        expect((await api<ErrorJson>('DELETE', '/api/nlu/examples/not-a-uuid', { token: tokens.admin })).status).toBe(400);
      });

      it('answers 400 for malformed JSON', async () => {
        const response = await fetch(`${platform.url}/api/nlu/examples`, {
          method: 'POST',
          headers: { authorization: `Bearer ${tokens.admin}`, 'content-type': 'application/json' },
          body: '{"examples": [',
        });
        expect(response.status).toBe(400);
        expect(((await response.json()) as ErrorJson).error.code).toBe('malformed_json');
      });
    });

    describe('roles', () => {
      it('answers 401 without a token and with an unknown one', async () => {
        expect((await api('GET', '/api/nlu/examples')).status).toBe(401);
        expect((await api('GET', '/api/nlu/examples', { token: 'not-a-real-token' })).status).toBe(401);
        expect((await api('POST', '/api/nlu/examples', { json: { examples: [{ intent: 'gift_wrap', text: 'x' }] } })).status).toBe(401);
      });

      it('answers 403 when an agent tries to add or delete', async () => {
        const add = await api<ErrorJson>('POST', '/api/nlu/examples', { token: tokens.agent, json: { examples: [{ intent: 'gift_wrap', text: 'wrap it please' }] } });
        expect(add.status).toBe(403);
        expect(add.body.error.code).toBe('forbidden');
        const { body } = await api<{ examples: Array<{ id: string }> }>('GET', '/api/nlu/examples', { token: tokens.agent });
        expect((await api('DELETE', `/api/nlu/examples/${body.examples[0]!.id}`, { token: tokens.agent })).status).toBe(403);
        const after = await api<{ examples: Array<{ text: string }> }>('GET', '/api/nlu/examples', { token: tokens.agent });
        expect(after.body.examples.map((e) => e.text)).not.toContain('wrap it please');
        expect(after.body.examples).toHaveLength(body.examples.length);
      });
    });
  });

  describe('POST /api/nlu/understand', () => {
    let tokens: Tokens;

    beforeAll(async () => {
      tokens = await workspace();
    });

    it('returns intent, entities and frustration from the built-in model', async () => {
      const { status, body } = await api<{
        intent: { intent: string; confidence: number; ranking: Array<{ intent: string; confidence: number }> };
        entities: Array<{ type: string; text: string; value: Record<string, unknown> }>;
        frustration: { score: number; signals: string[] };
      }>('POST', '/api/nlu/understand', { token: tokens.agent, json: { text: 'where is my order A1B2C3?', language: 'en' } });
      expect(status).toBe(200);
      expect(body.intent.intent).toBe('order_status');
      expect(body.intent.confidence).toBeGreaterThan(0.5);
      expect(body.intent.ranking[0]?.intent).toBe('order_status');
      expect(body.entities).toEqual([expect.objectContaining({ type: 'order_number', text: 'A1B2C3', value: { normalized: 'A1B2C3' } })]);
      expect(body.frustration).toEqual({ score: 0, signals: [] });
    });

    it('understands a message without a language hint', async () => {
      const { body } = await api<{ intent: { intent: string } }>('POST', '/api/nlu/understand', { token: tokens.admin, json: { text: '我想取消订单 B7K9Q2' } });
      expect(body.intent.intent).toBe('order_cancel');
    });

    it('answers 400 for an empty text or a bad language', async () => {
      expect((await api('POST', '/api/nlu/understand', { token: tokens.agent, json: { text: '  ' } })).status).toBe(400);
      expect((await api('POST', '/api/nlu/understand', { token: tokens.agent, json: { text: 'hi', language: 'english' } })).status).toBe(400);
      expect((await api('POST', '/api/nlu/understand', { token: tokens.agent, json: {} })).status).toBe(400);
    });

    it('answers 401 without a token', async () => {
      expect((await api('POST', '/api/nlu/understand', { json: { text: 'hi' } })).status).toBe(401);
    });
  });

  describe('training runs', () => {
    let tokens: Tokens;

    beforeAll(async () => {
      tokens = await workspace();
    });

    it(
      'queues one run (202), deduplicates a second request, trains built-in data plus the examples, and lists the new live version',
      async () => {
        const examples = [
          'can you gift wrap my order', 'please gift wrap the parcel', 'I want gift wrapping', 'add gift wrap to my order',
          'is gift wrapping available', 'wrap it as a present please', 'gift wrap please', 'do you offer gift wrap',
          '¿pueden envolverlo para regalo?', 'envoltorio de regalo por favor', 'emballage cadeau possible ?', 'Geschenkverpackung bitte',
        ].map((text) => ({ intent: 'gift_wrap', text }));
        expect((await api('POST', '/api/nlu/examples', { token: tokens.admin, json: { examples } })).status).toBe(201);

        const first = await api<{ jobId: string; statusUrl: string }>('POST', '/api/nlu/train', { token: tokens.admin, json: {} });
        expect(first.status).toBe(202);
        expect(first.body.statusUrl).toBe(`/api/nlu/train/${first.body.jobId}`);
        const second = await api<{ jobId: string; statusUrl: string }>('POST', '/api/nlu/train', { token: tokens.admin });
        expect(second.status).toBe(202);
        expect(second.body.jobId).toBe(first.body.jobId);

        // Another workspace cannot see the run.
        const stranger = await workspace();
        expect((await api('GET', first.body.statusUrl, { token: stranger.admin })).status).toBe(404);

        let status: { state: string; progress: unknown; result: { outcome: string; version: number } | null; error: string | null } | undefined;
        const until = Date.now() + 110_000;
        for (;;) {
          const polled = await api<NonNullable<typeof status>>('GET', first.body.statusUrl, { token: tokens.agent });
          expect(polled.status).toBe(200);
          status = polled.body;
          if (status.state === 'completed' || status.state === 'failed' || Date.now() > until) break;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
        expect(status.error).toBeNull();
        expect(status.state).toBe('completed');
        expect(status.progress).toBe(100);
        expect(status.result).toMatchObject({ outcome: 'promoted', version: 1 });

        const models = await api<{ versions: VersionJson[]; builtin: VersionJson | null }>('GET', '/api/nlu/models', { token: tokens.agent });
        expect(models.status).toBe(200);
        expect(models.body.versions).toHaveLength(1);
        expect(models.body.versions[0]).toMatchObject({ version: 1, scope: 'workspace', kind: 'linear-svm', status: 'live', error: null });
        expect(models.body.versions[0]?.metrics).toEqual(expect.objectContaining({ accuracy: expect.any(Number) }));
        expect(models.body.builtin).toMatchObject({ scope: 'builtin', status: 'live' });
        expect(models.body.versions[0]?.dataFingerprint).not.toBe(models.body.builtin?.dataFingerprint);

        // The workspace's own model now answers, and it knows the workspace's intent.
        const understood = await api<{ intent: { intent: string; ranking: Array<{ intent: string }> } }>('POST', '/api/nlu/understand', {
          token: tokens.agent,
          json: { text: 'could you gift wrap it for me', language: 'en' },
        });
        expect(understood.body.intent.ranking.map((r) => r.intent)).toContain('gift_wrap');

        // Nothing changed since: a new run keeps the live version.
        const third = await api<{ jobId: string; statusUrl: string }>('POST', '/api/nlu/train', { token: tokens.admin, json: {} });
        const unchanged = await waitFor(async () => {
          const polled = await api<{ state: string; result: { outcome: string; liveVersion?: number } | null }>('GET', third.body.statusUrl, { token: tokens.admin });
          return polled.body.state === 'completed' ? polled.body : undefined;
        }, 20_000);
        expect(unchanged.result).toEqual({ outcome: 'unchanged', liveVersion: 1 });
      },
      120_000,
    );

    it('answers 404 for an unknown run, 403 when an agent asks for a run, and 400 for a bad body', async () => {
      expect((await api('GET', '/api/nlu/train/no-such-job', { token: tokens.admin })).status).toBe(404);
      expect((await api('POST', '/api/nlu/train', { token: tokens.agent, json: {} })).status).toBe(403);
      expect((await api('POST', '/api/nlu/train', { token: tokens.admin, json: { force: 'yes' } })).status).toBe(400);
    });
  });

  describe('promotion and rollback', () => {
    let tokens: Tokens;

    beforeAll(async () => {
      tokens = await workspace();
    });

    /** Registers a trained version of this workspace's model (the built-in artefact, as a trained run would store it). */
    async function trainedVersion(fingerprint: string): Promise<number> {
      const { models } = platform.context;
      const builtin = (await models.live(null, INTENT_COMPONENT))!;
      const artefact = await models.artefact(builtin.id);
      const version = await models.startVersion(tokens.workspaceId, INTENT_COMPONENT, builtin.kind, fingerprint);
      await models.completeVersion(version.id, artefact, { accuracy: 0.9 });
      return version.version;
    }

    const liveVersion = async (): Promise<number | undefined> => {
      const { body } = await api<{ versions: VersionJson[] }>('GET', '/api/nlu/models', { token: tokens.agent });
      return body.versions.find((v) => v.status === 'live')?.version;
    };

    it('answers 409 to a rollback when the workspace has no model at all', async () => {
      const response = await api<ErrorJson>('POST', '/api/nlu/models/rollback', { token: tokens.admin });
      expect(response.status).toBe(409);
      expect(response.body.error.code).toBe('conflict');
    });

    it('answers 404 when promoting a version the workspace does not have', async () => {
      const response = await api<ErrorJson>('POST', '/api/nlu/models/99/promote', { token: tokens.admin });
      expect(response.status).toBe(404);
      expect(response.body.error.code).toBe('not_found');
    });

    it('answers 400 for a version that is not a positive number', async () => {
      expect((await api('POST', '/api/nlu/models/abc/promote', { token: tokens.admin })).status).toBe(400);
      expect((await api('POST', '/api/nlu/models/0/promote', { token: tokens.admin })).status).toBe(400);
    });

    it('promotes a trained version, then answers 409 to a rollback while nothing was live before it', async () => {
      const version = await trainedVersion('fp-one');
      const promoted = await api<{ version: VersionJson }>('POST', `/api/nlu/models/${version}/promote`, { token: tokens.admin });
      expect(promoted.status).toBe(200);
      expect(promoted.body.version).toMatchObject({ version, scope: 'workspace', status: 'live' });
      expect(promoted.body.version.promotedAt).not.toBeNull();
      expect(await liveVersion()).toBe(version);

      expect((await api('POST', '/api/nlu/models/rollback', { token: tokens.admin })).status).toBe(409);
      expect(await liveVersion()).toBe(version);
    });

    it('promotes a newer version and rolls back to the previous one', async () => {
      const previous = (await liveVersion())!;
      const newer = await trainedVersion('fp-two');
      expect((await api('POST', `/api/nlu/models/${newer}/promote`, { token: tokens.admin })).status).toBe(200);
      expect(await liveVersion()).toBe(newer);

      const rolledBack = await api<{ version: VersionJson }>('POST', '/api/nlu/models/rollback', { token: tokens.admin });
      expect(rolledBack.status).toBe(200);
      expect(rolledBack.body.version.version).toBe(previous);
      const { body } = await api<{ versions: VersionJson[] }>('GET', '/api/nlu/models', { token: tokens.agent });
      expect(body.versions.map((v) => [v.version, v.status])).toEqual([
        [newer, 'retired'],
        [previous, 'live'],
      ]);
    });

    it('answers 409 when promoting a version that is still training', async () => {
      const { models } = platform.context;
      const training = await models.startVersion(tokens.workspaceId, INTENT_COMPONENT, 'linear-svm', 'fp-three');
      const response = await api<ErrorJson>('POST', `/api/nlu/models/${training.version}/promote`, { token: tokens.admin });
      expect(response.status).toBe(409);
      expect(response.body.error.message).toMatch(/training/);
    });

    it('answers 403 when an agent promotes or rolls back, and 401 without a token', async () => {
      expect((await api('POST', '/api/nlu/models/1/promote', { token: tokens.agent })).status).toBe(403);
      expect((await api('POST', '/api/nlu/models/rollback', { token: tokens.agent })).status).toBe(403);
      expect((await api('POST', '/api/nlu/models/rollback')).status).toBe(401);
      expect((await api('GET', '/api/nlu/models')).status).toBe(401);
    });

    it('does not let a workspace promote another workspace’s version', async () => {
      const other = await workspace();
      expect((await api('POST', '/api/nlu/models/1/promote', { token: other.admin })).status).toBe(404);
    });
  });
});
