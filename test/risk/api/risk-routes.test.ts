/**
 * The risk REST API on the real server (SQLite, Redis counters, no trained model: the workspace's rules decide):
 * validation with 400s that name the field, dry runs, the audit log, settings, outcomes fed to the counters, and
 * the OpenAPI document.
 */
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { counterEventOf, parseRiskRequest } from '../../../risk';
import { startInProcessPlatform, type InProcessPlatform } from '../../support/platform';

describe('risk routes', () => {
  let platform: InProcessPlatform;
  let agentToken: string;
  let workspaceId: string;

  beforeAll(async () => {
    platform = await startInProcessPlatform({ worker: false, overrides: { risk: { seedDemo: false } } });
    workspaceId = (await platform.context.workspaces.findBySlug('demo'))!.id;
    agentToken = (await platform.context.tokens.create({ workspaceId, role: 'agent', name: 'risk agent' })).token;
  }, 60_000);

  afterAll(async () => {
    await platform?.close();
  });

  const call = async (method: string, path: string, body?: unknown, token = agentToken) => {
    const response = await fetch(`${platform.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
    // The tests read nested fields of many shapes; each is checked by an expectation.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return { status: response.status, json: (await response.json()) as Record<string, any> };
  };

  let counter = 0;
  const order = (overrides: Record<string, unknown> = {}) => ({
    action: 'order',
    eventId: `ord-${++counter}`,
    at: '2025-06-01T12:00:00Z',
    customer: { id: `cust-${counter}`, createdAt: '2025-01-10T08:00:00Z', email: `shopper${counter}@example.com` },
    order: { number: `W${1000 + counter}`, value: 89.5, currency: 'EUR', shippingCountry: 'DE', billingCountry: 'DE', paymentFingerprint: `card-${counter}` },
    device: { id: `dev-${counter}`, ip: '198.51.100.7', browser: 'Firefox' },
    channel: 'web',
    ...overrides,
  });

  const auditRows = (eventId: string) => platform.context.database.db.selectFrom('risk_decisions').selectAll().where('event_id', '=', eventId).execute();

  describe('POST /api/risk/score', () => {
    it('refuses a caller without a token', async () => {
      const response = await fetch(`${platform.url}/api/risk/score`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(order()) });
      expect(response.status).toBe(401);
    });

    it.each([
      ['a missing customer', { customer: undefined }, 'customer'],
      ['a malformed account creation time', { customer: { id: 'c', createdAt: 'last tuesday' } }, 'customer.createdAt'],
      ['an unknown action', { action: 'teleport' }, 'action'],
      ['a negative order value', { order: { value: -5 } }, 'order.value'],
      ['an order without its value', { order: { currency: 'EUR' } }, 'order.value'],
      ['a misspelt field', { chanel: 'web' }, 'body'],
    ])('answers 400 naming the field for %s', async (_what, overrides, field) => {
      const body = order(overrides);
      for (const [key, value] of Object.entries(overrides)) if (value === undefined) delete (body as Record<string, unknown>)[key];
      const { status, json } = await call('POST', '/api/risk/score', body);
      expect(status).toBe(400);
      expect(json.error.code).toBe('invalid_request');
      expect(json.error.field).toBe(field);
      expect(json.error.message).toContain(field === 'body' ? 'chanel' : field);
    });

    it('answers 400 for a body that is not JSON', async () => {
      const { status, json } = await call('POST', '/api/risk/score', '{"action":');
      expect(status).toBe(400);
      expect(json.error.code).toBe('malformed_json');
    });

    it('scores unknown categories instead of failing on them', async () => {
      const { status, json } = await call('POST', '/api/risk/score', order({ channel: 'carrier-pigeon', source: 'Billboard', device: { id: 'd-x', browser: 'NetscapeX' } }));
      expect(status).toBe(200);
      expect(json.decision).toBe('approve');
    });

    it('answers the decision, logs it for audit with the model version, and counts the request', async () => {
      const body = order();
      const { status, json } = await call('POST', '/api/risk/score', body);
      expect(status).toBe(200);
      expect(json).toMatchObject({ score: null, decision: 'approve', modelVersion: 'none', rules: [], eventId: body.eventId, dryRun: false });
      // No trained model: the workspace's rules alone decide, and the answer says so.
      expect(json.reasons).toEqual([{ code: 'no_model', text: "no risk model is trained yet, so only the workspace's rules were checked" }]);
      const [row] = await auditRows(body.eventId);
      expect(row).toMatchObject({ id: json.decisionId, source: 'api', action: 'order', customer_id: body.customer.id, order_number: body.order.number, decision: 'approve', model_version: 'none' });
      expect(JSON.parse(row!.request)).toMatchObject({ eventId: body.eventId, order: { value: 89.5 } });
      // A later request from the same device sees it.
      const next = parseRiskRequest(order({ device: { id: body.device.id } }), workspaceId);
      const snapshot = await platform.context.risk!.counters.observe(counterEventOf(next), { record: false });
      expect(snapshot.entities.device?.otherAccounts).toBe(1);
    });

    it('neither counts nor logs a dry run', async () => {
      const body = order();
      const { status, json } = await call('POST', '/api/risk/score?dryRun=1', body);
      expect(status).toBe(200);
      expect(json.dryRun).toBe(true);
      expect(json.decisionId).toBeUndefined();
      expect(await auditRows(body.eventId)).toEqual([]);
      const next = parseRiskRequest(order({ device: { id: body.device.id } }), workspaceId);
      const snapshot = await platform.context.risk!.counters.observe(counterEventOf(next), { record: false });
      expect(snapshot.entities.device?.otherAccounts).toBe(0);
    });

    it('answers 400 for a malformed dryRun flag', async () => {
      const { status, json } = await call('POST', '/api/risk/score?dryRun=maybe', order());
      expect(status).toBe(400);
      expect(json.error.message).toContain('dryRun');
    });

    // Plain JSON bodies take the node:http fast path; a gzip body is left to express: both must answer alike.
    it('answers a gzip-compressed body (the express route) exactly as a plain one (the fast path)', async () => {
      const body = order();
      const plain = await call('POST', '/api/risk/score?dryRun=1', body);
      const response = await fetch(`${platform.url}/api/risk/score?dryRun=1`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(JSON.stringify(body)),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(plain.json);
      const invalid = order({ action: 'teleport' });
      const viaExpress = await fetch(`${platform.url}/api/risk/score`, {
        method: 'POST',
        headers: { authorization: `Bearer ${agentToken}`, 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(JSON.stringify(invalid)),
      });
      expect(viaExpress.status).toBe(400);
      expect(await viaExpress.json()).toEqual((await call('POST', '/api/risk/score', invalid)).json);
    });

    it('scores nothing when the client goes away in the middle of its body, and goes on serving', async () => {
      const body = order();
      const text = JSON.stringify(body);
      const { port } = new URL(platform.url);
      const socket = connect(Number(port), '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(
        `POST /api/risk/score HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${agentToken}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text.slice(0, 40)}`,
      );
      await new Promise((resolve) => setTimeout(resolve, 100));
      socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await auditRows(body.eventId)).toEqual([]);
      expect((await call('POST', '/api/risk/score', body)).status).toBe(200);
      expect(await auditRows(body.eventId)).toHaveLength(1);
    });

    it('refuses an unknown token, an events key and a body over the JSON limit, scoring none of them', async () => {
      const body = order();
      expect((await call('POST', '/api/risk/score', body, 'pgd_not-a-token')).status).toBe(401);
      const eventsKey = (await platform.context.tokens.create({ workspaceId, role: 'events', name: 'storefront' })).token;
      const forbidden = await call('POST', '/api/risk/score', body, eventsKey);
      expect(forbidden.status).toBe(403);
      expect(forbidden.json.error.code).toBe('forbidden');
      const huge = await call('POST', '/api/risk/score', { ...body, note: 'x'.repeat(2 * 1024 * 1024) });
      expect(huge.status).toBe(413);
      expect(huge.json.error.code).toBe('body_too_large');
      expect(await auditRows(body.eventId)).toEqual([]);
      // The connection is still usable after the refusals.
      expect((await call('POST', '/api/risk/score', body)).status).toBe(200);
    });
  });

  describe('settings', () => {
    it('lets an admin set rules that name their hits, and thresholds', async () => {
      const put = await call('PUT', '/api/risk/settings', { thresholds: { review: 0.3, decline: 0.8 }, rules: { blockedEmailDomains: ['fraud.example'], reviewAboveValue: 500 } }, platform.adminToken);
      expect(put.status).toBe(200);
      expect((await call('GET', '/api/risk/settings')).json.settings).toMatchObject({ rules: { blockedEmailDomains: ['fraud.example'] } });
      const blocked = await call('POST', '/api/risk/score', order({ customer: { id: 'c-blocked', createdAt: 0, email: 'x@shop.fraud.example' } }));
      expect(blocked.json).toMatchObject({ decision: 'decline', rules: ['blocked_email_domain'] });
      expect(blocked.json.reasons[0]).toEqual({ code: 'rule:blocked_email_domain', text: 'the e-mail domain shop.fraud.example is on the blocklist' });
      const large = await call('POST', '/api/risk/score', order({ order: { value: 900 } }));
      expect(large.json).toMatchObject({ decision: 'review', rules: ['value_review_limit'] });
      await call('PUT', '/api/risk/settings', {}, platform.adminToken);
    });

    it.each([
      [{ thresholds: { review: 1.5 } }, 'thresholds.review'],
      [{ thresholds: { review: 0.6, decline: 0.2 } }, 'thresholds.decline'],
      [{ rules: { blockedIps: ['10.0.0.0/99'] } }, 'rules.blockedIps'],
      [{ rules: { disposableEmail: 'always' } }, 'rules.disposableEmail'],
      [{ rule: {} }, 'body'],
    ])('answers 400 naming the field for %j', async (body, field) => {
      const { status, json } = await call('PUT', '/api/risk/settings', body, platform.adminToken);
      expect(status).toBe(400);
      expect(json.error.message).toContain(field === 'body' ? 'rule' : field);
    });

    it('refuses changes by agents', async () => {
      expect((await call('PUT', '/api/risk/settings', {})).status).toBe(403);
    });
  });

  describe('POST /api/risk/outcomes', () => {
    it('stores a chargeback as a label and adds it to the counters of the order\'s device', async () => {
      const body = order();
      await call('POST', '/api/risk/score', body);
      const reported = await call('POST', '/api/risk/outcomes', { kind: 'chargeback', orderNumber: body.order.number.toLowerCase(), outcomeId: `cb-${body.eventId}`, at: '2025-06-20T00:00:00Z' });
      expect(reported.status).toBe(201);
      expect(reported.json).toMatchObject({ created: true, countersUpdated: true, outcome: { kind: 'chargeback', orderNumber: body.order.number, at: '2025-06-20T00:00:00.000Z' } });
      // Reported again (a retry): stored once, counted once.
      const again = await call('POST', '/api/risk/outcomes', { kind: 'chargeback', orderNumber: body.order.number, outcomeId: `cb-${body.eventId}` });
      expect(again.status).toBe(200);
      expect(again.json).toMatchObject({ created: false, countersUpdated: false, outcome: { id: reported.json.outcome.id } });
      const next = parseRiskRequest(order({ device: { id: body.device.id } }), workspaceId);
      const snapshot = await platform.context.risk!.counters.observe(counterEventOf(next), { record: false });
      expect(snapshot.entities.device?.chargebacks).toBe(1);
      const labels = await platform.context.database.db.selectFrom('risk_labels').selectAll().where('order_number', '=', body.order.number).execute();
      expect(labels).toHaveLength(1);
      expect(labels[0]).toMatchObject({ kind: 'chargeback', created_by: 'token:risk agent' });
    });

    it('counts a "not received" claim for the customer', async () => {
      const body = order();
      await call('POST', '/api/risk/score', body);
      expect((await call('POST', '/api/risk/outcomes', { kind: 'not_received_claim', customerId: body.customer.id })).status).toBe(201);
      const next = parseRiskRequest(order({ customer: body.customer }), workspaceId);
      const snapshot = await platform.context.risk!.counters.observe(counterEventOf(next), { record: false });
      expect(snapshot.customer.notReceivedClaims).toBe(1);
    });

    it.each([
      [{ orderNumber: 'A1' }, 'kind'],
      [{ kind: 'chargeback' }, 'orderNumber'],
      [{ kind: 'stolen', orderNumber: 'A1' }, 'kind'],
      [{ kind: 'agent_fraud', orderNumber: 'A1', at: 'soon' }, 'at'],
    ])('answers 400 naming the field for %j', async (body, field) => {
      const { status, json } = await call('POST', '/api/risk/outcomes', body);
      expect(status).toBe(400);
      expect(json.error.message).toContain(`body ${field}`);
    });
  });

  it('lists the audit log, newest first', async () => {
    const body = order();
    await call('POST', '/api/risk/score', body);
    const { status, json } = await call('GET', `/api/risk/decisions?orderNumber=${body.order.number}`);
    expect(status).toBe(200);
    expect(json.decisions).toHaveLength(1);
    expect(json.decisions[0]).toMatchObject({ eventId: body.eventId, source: 'api', decision: 'approve', modelVersion: 'none' });
  });

  it('describes every route in the OpenAPI document', () => {
    const paths = platform.server.openApi.paths as Record<string, Record<string, unknown>>;
    expect(Object.keys(paths['/api/risk/score']!)).toEqual(['post']);
    expect(Object.keys(paths['/api/risk/outcomes']!)).toEqual(['post']);
    expect(Object.keys(paths['/api/risk/settings']!).sort()).toEqual(['get', 'put']);
    expect(paths['/api/risk/retrain/{jobId}']).toBeDefined();
  });
  describe('the workspace IP-to-country table', () => {
    // 203.0.113.0/24 (TEST-NET-3) as integers.
    const table = 'lower_bound_ip_address,upper_bound_ip_address,country\n3405803776,3405804031,Portugal\n';
    const upload = (body: Buffer | string, token = platform.adminToken, type = 'text/csv') =>
      fetch(`${platform.url}/api/risk/ip-countries`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body });

    afterAll(async () => {
      await call('PUT', '/api/risk/settings', {}, platform.adminToken);
      await call('DELETE', '/api/risk/ip-countries', undefined, platform.adminToken);
    });

    it('is loaded by an admin (gzipped or not), names a bad line, and feeds the country rules and features of this workspace', async () => {
      expect((await call('GET', '/api/risk/ip-countries')).json).toMatchObject({ source: 'none', ranges: 0 });
      expect((await upload(table, agentToken)).status).toBe(403);
      const bad = await upload('lower,upper,country\n1,2,Spain\nnot a line\n');
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: { code: 'invalid_table', message: expect.stringContaining('Line 3') } });
      expect((await upload('lower,upper,country\n')).status).toBe(400);
      expect((await upload(JSON.stringify({ table }), platform.adminToken, 'application/json')).status).toBe(400);

      const loaded = await upload(gzipSync(table), platform.adminToken, 'application/gzip');
      expect(loaded.status).toBe(200);
      expect(await loaded.json()).toMatchObject({ source: 'workspace', ranges: 1, updatedBy: expect.any(String) });
      expect((await call('GET', '/api/risk/ip-countries')).json).toMatchObject({ source: 'workspace', ranges: 1 });

      expect((await call('PUT', '/api/risk/settings', { rules: { blockedCountries: ['PT'] } }, platform.adminToken)).status).toBe(200);
      const fromPortugal = await call('POST', '/api/risk/score?dryRun=1', order({ device: { id: 'ip-dev-1', ip: '203.0.113.9' } }));
      expect(fromPortugal.json.decision).toBe('decline');
      expect(fromPortugal.json.rules).toEqual(['blocked_country']);
      expect(fromPortugal.json.reasons[0].text).toContain('IP address is in Portugal');
      const elsewhere = await call('POST', '/api/risk/score?dryRun=1', order({ device: { id: 'ip-dev-2', ip: '198.51.100.7' } }));
      expect(elsewhere.json.rules).toEqual([]);

      // Dropped: no table applies any more, so the IP country is unknown and the rule has nothing to match.
      const dropped = await call('DELETE', '/api/risk/ip-countries', undefined, platform.adminToken);
      expect(dropped.json).toMatchObject({ removed: true, source: 'none' });
      expect((await call('POST', '/api/risk/score?dryRun=1', order({ device: { id: 'ip-dev-3', ip: '203.0.113.9' } }))).json.rules).toEqual([]);
    });
  });
});
