/**
 * The admin app's risk screen in a real browser (Debian's Chromium through playwright-core) against the real platform
 * (server + worker in-process, SQLite, Redis, the demo store with its trained demo risk model): the audit log shows a
 * decision made through the scoring API with its reasons and can be narrowed to one order; the live model is listed
 * and "Retrain now" runs a real retraining to its end; an admin loads the store's IP-to-country table (a malformed
 * one is refused naming its line, a gzipped one is taken), saves a country rule in the thresholds-and-rules editor,
 * and the next scoring from that country is declined by the rule; an agent sees the screen read-only.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signInToAdmin } from '../support/browser';
import type { Workspace } from '../../platform/workspaces';
import { startInProcessPlatform, type InProcessPlatform } from '../support/platform';
import { waitFor } from '../support/wait-for';

/** 198.51.100.0/24 as 32-bit integers. */
const TEST_NET_LOW = 3325256704;
const TEST_NET_HIGH = 3325256959;

describe('The admin app’s risk screen', () => {
  let platform: InProcessPlatform;
  let browser: Browser;
  let workspace: Workspace;

  async function api<T>(method: string, path: string, body?: unknown, token = platform.adminToken): Promise<{ status: number; json: T }> {
    const response = await fetch(`${platform.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, json: (text ? JSON.parse(text) : undefined) as T };
  }

  function order(number: string, ip: string) {
    const at = Date.now();
    return {
      action: 'order',
      eventId: `admin-${number}-${at}`,
      at,
      customer: { id: `cust-${number}`, createdAt: at - 40 * 86_400_000, email: `${number.toLowerCase()}@example.com` },
      order: { number, value: 80, currency: 'EUR', shippingCountry: 'DE', billingCountry: 'DE' },
      device: { id: `dev-${number}`, ip },
      channel: 'web',
    };
  }

  /** A fresh admin-app page signed in with `token`, on the risk screen. */
  async function signedIn(token: string): Promise<{ page: Page; errors: string[] }> {
    const { page, errors } = await signInToAdmin(browser, platform.url, token);
    await page.getByRole('link', { name: 'Risk' }).click();
    await page.getByRole('heading', { name: 'Risk', level: 1 }).waitFor();
    return { page, errors };
  }

  beforeAll(async () => {
    platform = await startInProcessPlatform({ overrides: { risk: { enabled: true, seedDemo: true } } });
    workspace = (await platform.context.workspaces.findBySlug('demo'))!;
    await waitFor(async () => (await platform.context.models.live(workspace.id, 'risk-model')) !== undefined, 60_000);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it('shows the audit log with reasons, narrows it to one order, lists the live model and retrains it', async () => {
    const scored = await api<{ decision: string; reasons: Array<{ text: string }> }>('POST', '/api/risk/score', order('ADM-1001', '203.0.113.9'));
    expect(scored.status).toBe(200);
    const { page, errors } = await signedIn(platform.adminToken);

    await page.getByTestId('risk-decisions').waitFor();
    const row = page.getByTestId('risk-decision').filter({ hasText: 'ADM-1001' });
    await expect(row.innerText()).resolves.toContain(scored.json.reasons[0]!.text);
    expect(await page.getByTestId('risk-decision').count()).toBeGreaterThan(1);
    await page.getByTestId('risk-order-filter').fill('adm-1001');
    await page.getByRole('button', { name: 'Show' }).click();
    await waitFor(async () => (await page.getByTestId('risk-decision').count()) === 1, 10_000);
    await expect(page.getByTestId('risk-decision').innerText()).resolves.toMatch(/ADM-1001[\s\S]*(Approve|Review|Decline)/);

    const live = page.locator('[data-testid="risk-model"][data-status="live"]');
    await live.waitFor();
    await expect(live.innerText()).resolves.toMatch(/#\d+\s+xgboost-[0-9a-f]{12}\s+live\s+[01]\.\d{3}\s+[01]\.\d{3}/);

    await page.getByTestId('risk-retrain').click();
    await page.getByTestId('risk-retrain-state').filter({ hasText: /Retraining (finished|failed)/ }).waitFor({ timeout: 90_000 });
    await expect(page.getByTestId('risk-retrain-state').innerText()).resolves.toMatch(/Retraining finished: (the new model .* (is live|did not beat the live one)|no new outcomes)/);
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('loads the store’s IP table, refuses a malformed one by line, and a saved country rule declines the next order from there', async () => {
    const { page, errors } = await signedIn(platform.adminToken);
    await expect(page.getByTestId('risk-ip-table').innerText()).resolves.toMatch(/No IP-to-country table|deployment's table/);

    await page.getByTestId('risk-ip-file').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from('lower,upper,country\n1,2,DE\nnot,a,range\n') });
    await page.getByTestId('risk-ip-upload').click();
    await page.getByText(/Line 3 of the IP range table/).waitFor();
    await expect(page.getByTestId('risk-ip-table').innerText()).resolves.not.toMatch(/own table/);

    const table = `lower_bound_ip_address,upper_bound_ip_address,country\n${TEST_NET_LOW},${TEST_NET_HIGH},FR\n16777216,16777471,AU\n`;
    await page.getByTestId('risk-ip-file').setInputFiles({ name: 'countries.csv.gz', mimeType: 'application/gzip', buffer: gzipSync(table) });
    await page.getByTestId('risk-ip-upload').click();
    await page.getByTestId('risk-ip-table').filter({ hasText: /This store's own table: 2 ranges/ }).waitFor();

    const settings = page.getByTestId('risk-settings');
    await waitFor(async () => (await settings.inputValue()).trim().startsWith('{'), 10_000);
    await settings.fill('{"rules": {"blockedCountries": "FR"}}');
    await page.getByTestId('risk-settings-save').click();
    await page.getByText(/blockedCountries/).first().waitFor();
    await settings.fill('{"rules": {"blockedCountries": ["FR"]}}');
    await page.getByTestId('risk-settings-save').click();
    await page.getByText(/Saved the risk thresholds and rules/).waitFor();
    expect((await api<{ settings: unknown }>('GET', '/api/risk/settings')).json.settings).toEqual({ rules: { blockedCountries: ['FR'] } });

    const fromFrance = await api<{ decision: string; rules: string[] }>('POST', '/api/risk/score', order('ADM-2002', '198.51.100.7'));
    expect(fromFrance.json.decision).toBe('decline');
    expect(fromFrance.json.rules.length).toBeGreaterThan(0);
    const elsewhere = await api<{ rules: string[] }>('POST', '/api/risk/score', order('ADM-2003', '203.0.113.10'));
    expect(elsewhere.json.rules).toEqual([]);

    await page.getByTestId('risk-ip-remove').click();
    await page.getByTestId('risk-ip-table').filter({ hasText: /No IP-to-country table|deployment's table/ }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('shows an agent everything read-only', async () => {
    const agent = (await api<{ token: string }>('POST', '/api/tokens', { name: 'agent on the risk screen', role: 'agent' })).json.token;
    const { page, errors } = await signedIn(agent);
    await page.getByTestId('risk-decisions').waitFor();
    await page.getByText(/Changes are for admins/).waitFor();
    expect(await page.getByTestId('risk-retrain').count()).toBe(0);
    expect(await page.getByTestId('risk-ip-upload').count()).toBe(0);
    expect(await page.getByTestId('risk-settings').getAttribute('readonly')).not.toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);
});
