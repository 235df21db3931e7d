/* eslint-disable @typescript-eslint/no-explicit-any -- the API's JSON responses, checked field by field */
/**
 * End to end in a real browser: an admin changes a help-centre article through the REST API and publishes it; within
 * seconds a shopper asking in another language on the web widget gets the new text (machine-translated by Apertium,
 * since the translation in their language is now older than the source), a link to the full article, and buttons to
 * rate the answer, whose rating reaches the admin API.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startInProcessPlatform, type InProcessPlatform } from '../support/platform';
import { waitFor } from '../support/wait-for';


describe('Help-centre answers on the web widget', () => {
  let platform: InProcessPlatform;
  let browser: Browser;

  const api = async (method: string, path: string, body?: unknown): Promise<any> => {
    const response = await fetch(`${platform.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${platform.adminToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    return response.json();
  };

  beforeAll(async () => {
    platform = await startInProcessPlatform();
    await waitFor(async () => (await platform.context.models.live(null, 'intent-classifier')) !== undefined, 20_000);
    await waitFor(async () => (await api('GET', '/api/knowledge/index')).documents === 376, 30_000);
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function ask(page: Page, text: string): Promise<string> {
    const bot = page.locator('[data-testid="message"][data-author="bot"]');
    const before = await bot.count();
    await page.getByTestId('composer-input').fill(text);
    await page.getByTestId('composer-input').press('Enter');
    // A first turn (models warming up) on a loaded CI machine can take a while.
    await bot.nth(before).waitFor({ timeout: 40_000 });
    return bot.nth(before).innerText();
  }

  it('answers a German shipping question from the German article, with a link and rating buttons', async () => {
    const page = await browser.newPage({ locale: 'de-DE' });
    await page.goto(`${platform.url}/`);
    await page.getByTestId('launcher').click();
    const answer = await ask(page, 'Wie lange dauert der Standardversand nach Österreich und was kostet er?');
    expect(answer).toMatch(/5,90|5\.90/);
    expect(answer).toContain('/help/demo/shipping-europe?lang=de');
    const link = page.locator('[data-testid="message"][data-author="bot"] a[href*="/help/demo/shipping-europe"]');
    expect(await link.count()).toBeGreaterThan(0);
    await page.getByTestId('quick-reply').filter({ hasText: 'Hilfreich' }).first().click();
    await waitFor(async () => (await api('GET', '/api/knowledge/ratings')).ratings.some((r: any) => r.slug === 'shipping-europe' && r.helpful === 1), 15_000);
    await page.close();
  }, 60_000);

  it('gives a Spanish shopper the text an admin just published in English, within seconds', async () => {
    const article = await api('GET', '/api/knowledge/articles/gift-cards');
    const english = article.versions.find((v: any) => v.language === 'en');
    const body = english.body.replace(/24 months/g, '36 months');
    expect(body).not.toBe(english.body);
    const saved = await api('PUT', '/api/knowledge/articles/gift-cards/versions/en', { title: english.title, body, questions: english.questions, tags: english.tags, expectedRevision: english.revision });
    expect(saved.revision).toBe(english.revision + 1);
    await api('POST', '/api/knowledge/articles/gift-cards/versions/en/publish', { expectedRevision: saved.revision });
    const publishedAt = Date.now();

    const page = await browser.newPage({ locale: 'es-ES' });
    await page.goto(`${platform.url}/`);
    await page.getByTestId('launcher').click();
    let answer = '';
    await waitFor(async () => {
      answer = await ask(page, '¿Cuánto tiempo es válida una tarjeta regalo?');
      return /36/.test(answer);
    }, 20_000);
    expect(Date.now() - publishedAt).toBeLessThan(20_000);
    expect(answer).toMatch(/36 meses/);
    expect(answer).toContain('/help/demo/gift-cards?lang=en');
    await page.close();
  }, 90_000);
});
