/**
 * Issue 8's "done when" in a real browser: Debian's Chromium (playwright-core) opens the demo store served by the
 * real platform (server + worker in-process, SQLite, Redis, the built-in intent model, the demo catalogue and its
 * history, the recommender module), a Spanish shopper (locale es-ES) asks the bot for a recommendation, gets the one
 * clarifying question, then product cards in Spanish; every card is in stock and ships to Spain (checked against the
 * catalogue, after one demo shoe was set out of stock and another to ship only to the United States: neither ever
 * shows); clicking a card's link is stored as a `recommendation_click` event, and "Más como este" answers with other
 * products (none shown before) and counts as a click too.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { raiseCatalogueRevision } from '../../commerce/catalogue-revision';
import { skillTextsFor } from '../../bots/runtime/templates/skills';
import type { CatalogueSnapshot } from '../../recommender/catalogue';
import { RECOMMENDER_COMPONENT } from '../../recommender/module';
import type { Workspace } from '../../platform/workspaces';
import { startInProcessPlatform, type InProcessPlatform } from '../support/platform';
import { waitFor } from '../support/wait-for';

const es = skillTextsFor('es').recommendation;

/** A free loopback port, so the card links the worker signs point at this server. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('product recommendations in the web widget (demo store, Spanish shopper)', () => {
  let platform: InProcessPlatform;
  let browser: Browser;
  let workspace: Workspace;
  /** The demo shoes taken out of the Spanish shopper's reach: one out of stock, one shipping only to the US. */
  let outOfStock: string;
  let notToSpain: string;

  const recommender = () => platform.context.recommender!;
  const snapshot = (): Promise<CatalogueSnapshot> => recommender().services.catalogue.get(workspace.id);

  beforeAll(async () => {
    const port = await freePort();
    // The demo store as `npm start` makes it: its shoppers' history seeded and the recommender trained on it.
    platform = await startInProcessPlatform({ overrides: { server: { port, host: '127.0.0.1' }, recommender: { seedDemoHistory: true } } });
    workspace = (await platform.context.workspaces.findBySlug('demo'))!;
    await waitFor(async () => (await platform.context.models.live(null, 'intent-classifier')) !== undefined, 30_000);
    await waitFor(async () => (await platform.context.models.live(workspace.id, RECOMMENDER_COMPONENT)) !== undefined, 30_000);
    // The two shoes the recommender would show a Spanish shopper first are the ones taken away.
    const before = await recommender().serving.recommend({ workspaceId: workspace.id, country: 'ES', language: 'es', currency: 'EUR', limit: 4, rules: { categories: ['Shoes'] } });
    expect(before.products.length).toBeGreaterThanOrEqual(2);
    [outOfStock, notToSpain] = before.products.map((p) => p.product.id) as [string, string];
    const db = platform.context.database.db;
    await db.transaction().execute(async (trx) => {
      const revision = await raiseCatalogueRevision(trx, workspace.id);
      await trx.updateTable('products').set({ stock: 0, revision }).where('id', '=', outOfStock).execute();
      await trx.deleteFrom('product_ship_countries').where('product_id', '=', notToSpain).execute();
      await trx.insertInto('product_ship_countries').values({ product_id: notToSpain, country: 'US' }).execute();
      await trx.updateTable('products').set({ revision }).where('id', '=', notToSpain).execute();
    });
    await recommender().services.catalogue.refresh(workspace.id);
    const s = await snapshot();
    expect(s.isAvailable(s.indexOf(outOfStock)!)).toBe(false);
    expect(s.shipsTo(s.indexOf(notToSpain)!, 'ES')).toBe(false);
    browser = await launchChromium();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  /** Sends a message and resolves with the next bot message's element index. */
  async function say(page: Page, text: string): Promise<number> {
    const bot = page.locator('[data-testid="message"][data-author="bot"]');
    const before = await bot.count();
    await page.getByTestId('composer-input').fill(text);
    await page.getByTestId('composer-input').press('Enter');
    await bot.nth(before).waitFor({ timeout: 20_000 });
    return before;
  }

  /** The products behind the cards of one bot message, found by their Spanish titles in the catalogue. */
  async function cardProducts(page: Page, messageIndex: number): Promise<string[]> {
    const message = page.locator('[data-testid="message"][data-author="bot"]').nth(messageIndex);
    await message.locator('[data-testid="product-card"]').first().waitFor({ timeout: 20_000 });
    const titles = await message.locator('[data-testid="product-card"] .card-title').allInnerTexts();
    const s = await snapshot();
    return titles.map((title) => {
      for (let i = 0; i < s.size; i++) if (s.title(i, 'es').text === title && s.title(i, 'es').language === 'es') return s.idAt(i);
      throw new Error(`The card "${title}" is not a Spanish title of the catalogue`);
    });
  }

  async function expectShownToSpain(ids: readonly string[]): Promise<void> {
    const s = await snapshot();
    for (const id of ids) {
      const i = s.indexOf(id)!;
      expect({ id, available: s.isAvailable(i), toSpain: s.shipsTo(i, 'ES') }).toEqual({ id, available: true, toSpain: true });
    }
    expect(ids).not.toContain(outOfStock);
    expect(ids).not.toContain(notToSpain);
  }

  const clicks = () =>
    platform.context.database.db.selectFrom('interaction_events').selectAll().where('workspace_id', '=', workspace.id).where('type', '=', 'recommendation_click').execute();

  it('asks once, shows Spanish cards that are in stock and ship to Spain, and records a click on one', async () => {
    const context = await browser.newContext({ locale: 'es-ES', viewport: { width: 1280, height: 800 } });
    // The demo products' pages live on a shop that does not exist here: answer them locally.
    await context.route('https://demo-store.example.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<title>Producto</title>' }));
    const page = await context.newPage();
    await page.goto(`${platform.url}/`);
    await page.getByTestId('launcher').click();
    await page.getByTestId('chat-window').waitFor({ state: 'visible' });

    // Too vague: one question, with the store's categories as buttons.
    const asked = await say(page, 'Recomiéndame algo');
    const question = page.locator('[data-testid="message"][data-author="bot"]').nth(asked);
    expect(await question.innerText()).toContain(es.askPreference.slice(0, 30));
    expect(await page.getByTestId('quick-reply').allInnerTexts()).toContain('Calzado');

    // The answer: running shoes, in Spanish, with price, image, link and "Más como este".
    const answered = await say(page, '¿Me recomiendas unas zapatillas para correr?');
    const first = await cardProducts(page, answered);
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThanOrEqual(4);
    await expectShownToSpain(first);
    const s = await snapshot();
    expect(first.every((id) => s.categoryAt(s.indexOf(id)!) === 'Shoes')).toBe(true);
    const cards = page.locator('[data-testid="message"][data-author="bot"]').nth(answered).locator('[data-testid="product-card"]');
    expect(await cards.first().locator('.card-price').innerText()).toMatch(/€/);
    expect(await cards.first().getByTestId('card-action').innerText()).toBe(es.moreLikeThis);
    const href = await cards.first().locator('a.card-link').getAttribute('href');
    expect(href).toMatch(new RegExp(`^${platform.url.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/r/`));

    // A click on the link opens the product (through the platform's redirect) and is stored.
    const opened = context.waitForEvent('page');
    await cards.first().locator('a.card-link').click();
    const productPage = await opened;
    await productPage.waitForURL(/demo-store\.example\.com\/products\//, { timeout: 15_000 });
    const [click] = await waitFor(async () => {
      const rows = await clicks();
      return rows.length ? rows : undefined;
    }, 15_000);
    expect(click).toMatchObject({ type: 'recommendation_click', product_id: first[0], source: 'chat:webchat' });
    expect(click!.customer_id).not.toBeNull();
    expect(JSON.parse(click!.context!)).toMatchObject({ via: 'link', position: 1 });

    // "Más como este" on the second card: other products, none shown before, still in stock and shipping to Spain.
    const bot = page.locator('[data-testid="message"][data-author="bot"]');
    const count = await bot.count();
    await cards.nth(Math.min(1, first.length - 1)).getByTestId('card-action').click();
    await bot.nth(count).waitFor({ timeout: 20_000 });
    const similar = await cardProducts(page, count);
    expect(similar.filter((id) => first.includes(id))).toEqual([]);
    await expectShownToSpain(similar);
    expect(await bot.nth(count).innerText()).toContain(es.similarIntro.split('{product}')[0]!.trim());
    await waitFor(async () => ((await clicks()).some((row) => row.context?.includes('"via":"button"')) ? true : undefined), 15_000);
    await context.close();
  }, 120_000);
});
