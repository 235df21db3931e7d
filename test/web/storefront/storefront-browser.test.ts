/**
 * The storefront script in a real browser: Debian's Chromium (playwright-core) opens a store page on one origin that
 * embeds `storefront.js` from the platform on another, tracks a view before the script has loaded (the page's
 * queue), an add-to-cart while browsing and a purchase right before leaving the page (sent by the beacon), and the
 * events are found in the database under the browser's first-party visitor id, then under the customer the page
 * identified.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../../support/browser';
import { projectRoot } from '../../../platform/paths';
import { importFixture } from '../../recommender/catalogue/catalogue-fixture';
import { startApiHarness, type ApiHarness } from '../../recommender/api/api-harness';
import { createSqliteDatabase } from '../../support/databases';
import { waitFor } from '../../support/wait-for';


/** The store's product page: queues a view before the script loads, tracks on clicks. */
function storePage(platformUrl: string, key: string): string {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>Trail shoe</title>
<script>
  window.polyglotDesk = window.polyglotDesk || { q: [], track: function () { this.q.push(['track', arguments]); }, identify: function () { this.q.push(['identify', arguments]); } };
  polyglotDesk.track('view', { sku: 'RUN-1', country: 'ES' });
</script>
<script src="${platformUrl}/storefront.js" data-workspace="demo" data-key="${key}" async></script>
</head><body>
<button id="add" onclick="polyglotDesk.track('add_to_cart', { sku: 'TEE-1', quantity: 1 })">Add to cart</button>
<button id="buy" onclick="polyglotDesk.identify({ email: 'shopper@example.com' }); polyglotDesk.track('purchase', { sku: 'TEE-1', quantity: 1, price: '35.00' })">Buy</button>
</body></html>`;
}

describe('The storefront script in Chromium', () => {
  let h: ApiHarness;
  let assets: string;
  let store: Server;
  let storeUrl: string;
  let browser: Browser;
  let shop: { workspaceId: string; events: string };

  beforeAll(async () => {
    assets = mkdtempSync(join(tmpdir(), 'pgdesk-storefront-'));
    // The same bundle web/build.mjs makes, built here so the test does not depend on an earlier build.
    await build({
      absWorkingDir: projectRoot,
      entryPoints: [join(projectRoot, 'web', 'storefront', 'index.ts')],
      outfile: join(assets, 'storefront.js'),
      bundle: true,
      format: 'iife',
      platform: 'browser',
      target: 'es2020',
      minify: true,
      logLevel: 'warning',
    });
    h = await startApiHarness(createSqliteDatabase, { webAssetsDir: assets });
    shop = await h.newShop();
    await importFixture(h.database.handle.db, shop.workspaceId);
    store = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(storePage(h.url, shop.events));
    });
    await new Promise<void>((resolve) => store.listen(0, '127.0.0.1', () => resolve()));
    storeUrl = `http://127.0.0.1:${(store.address() as AddressInfo).port}/products/run-1`;
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => store?.close(resolve));
    await h?.close();
    rmSync(assets, { recursive: true, force: true });
  });

  it('sends queued, clicked and last-moment events from another origin, stored under the visitor and then the customer', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
    });
    await page.goto(storeUrl);
    await page.waitForFunction('window.polyglotDesk && window.polyglotDesk.ready === true');
    const visitorId = (await page.evaluate('localStorage.getItem("pgdesk:demo:visitor")')) as string;
    expect(visitorId).toMatch(/^[0-9a-f-]{36}$/);

    await page.click('#add');
    await page.evaluate('window.polyglotDesk.flush()');
    const ids = await h.database.handle.db.selectFrom('products').select(['id', 'sku']).where('workspace_id', '=', shop.workspaceId).execute();
    const idOf = (sku: string) => ids.find((row) => row.sku === sku)?.id;
    const anonymous = await waitFor(async () => {
      const events = await h.services.events.history(shop.workspaceId, { visitorId });
      return events.length === 2 ? events : undefined;
    }, 10_000);
    expect(anonymous.map((e) => [e.type, e.productId])).toEqual([
      ['add_to_cart', idOf('TEE-1')],
      ['view', idOf('RUN-1')],
    ]);
    expect(anonymous[1]).toMatchObject({ country: 'ES', sessionId: expect.any(String), customerId: null });

    // A purchase, then the shopper leaves at once: the page-hide beacon carries it.
    await page.click('#buy');
    await page.goto('about:blank');
    const customer = await waitFor(
      () => h.database.handle.db.selectFrom('customers').select('id').where('workspace_id', '=', shop.workspaceId).where('email', '=', 'shopper@example.com').executeTakeFirst(),
      10_000,
    );
    const history = await waitFor(async () => {
      const events = await h.services.events.history(shop.workspaceId, { customerId: customer.id });
      return events.length === 3 ? events : undefined;
    }, 10_000);
    // The identification joined the visitor's earlier events to the customer.
    expect(history.map((e) => e.type)).toEqual(['purchase', 'add_to_cart', 'view']);
    expect(history[0]).toMatchObject({ visitorId, price: { amountMinor: 3500, currency: 'EUR' } });
    expect(problems).toEqual([]);
    await page.close();
  }, 30_000);
});
