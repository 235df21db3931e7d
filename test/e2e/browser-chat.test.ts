/**
 * End to end in a real browser: Debian's Chromium (playwright-core) opens the demo store served by the real
 * platform (server + worker, SQLite, Redis, the built-in intent model, the demo store's orders), chats in Spanish,
 * Chinese, German and English, reloads and sees the history restored.
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { startInProcessPlatform, type InProcessPlatform } from '../support/platform';
import { waitFor } from '../support/wait-for';


describe('The web widget on the demo store', () => {
  let platform: InProcessPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await startInProcessPlatform();
    await waitFor(async () => (await platform.context.models.live(null, 'intent-classifier')) !== undefined, 20_000);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it('answers a Spanish question in Spanish and restores the conversation after a reload', async () => {
    const page = await browser.newPage({ locale: 'es-ES', viewport: { width: 1280, height: 800 } });
    await page.goto(`${platform.url}/`);
    await page.getByTestId('launcher').click();
    await page.getByTestId('chat-window').waitFor({ state: 'visible' });
    const input = page.getByTestId('composer-input');
    await input.fill('¿Dónde está mi pedido?');
    await input.press('Enter');

    const botMessages = page.locator('[data-testid="message"][data-author="bot"]');
    await botMessages.first().waitFor({ timeout: 15_000 });
    const reply = (await botMessages.first().innerText()).toLowerCase();
    expect(reply).toMatch(/número de pedido/);
    const shopper = page.locator('[data-testid="message"][data-author="shopper"]');
    await expect(shopper.first().getAttribute('data-status')).resolves.toBe('sent');

    await page.reload();
    // The widget remembers that it was open; open it only if it is not.
    await page.getByTestId('launcher').waitFor();
    if (!(await page.getByTestId('chat-window').isVisible())) await page.getByTestId('launcher').click();
    await page.locator('[data-testid="message"][data-author="bot"]').first().waitFor({ timeout: 15_000 });
    const restored = await page.locator('[data-testid="message"]').allInnerTexts();
    expect(restored.some((text) => text.includes('¿Dónde está mi pedido?'))).toBe(true);
    expect(restored.some((text) => /número de pedido/i.test(text))).toBe(true);
    expect(restored).toHaveLength(2);

    // Keyboard: Escape closes the window and gives focus back to the launcher.
    await page.getByTestId('composer-input').focus();
    await page.keyboard.press('Escape');
    await page.getByTestId('chat-window').waitFor({ state: 'hidden' });
    await expect(page.getByTestId('launcher').getAttribute('aria-expanded')).resolves.toBe('false');
    // Evaluated in the page (a string, since the test's TypeScript has no DOM types): the focused element, looking
    // through the widget's shadow root.
    const focused = await page.evaluate(
      `(() => { const host = document.activeElement; return (host && host.shadowRoot && host.shadowRoot.activeElement || host).getAttribute('data-testid'); })()`,
    );
    expect(focused).toBe('launcher');
    await page.close();
  }, 60_000);

  it('fits a phone-sized screen and hands the conversation to a person from a quick reply', async () => {
    const page = await browser.newPage({ locale: 'en-US', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${platform.url}/`);
    await page.getByTestId('launcher').click();
    const box = await page.getByTestId('chat-window').boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(380);
    await page.getByTestId('composer-input').fill('blorf zangle quux');
    await page.getByTestId('send-button').click();
    await page.getByTestId('quick-reply').first().waitFor({ timeout: 15_000 });
    await page.getByTestId('quick-reply').first().click();
    await page.getByTestId('notice').first().waitFor({ timeout: 15_000 });
    const { conversations } = (await (
      await fetch(`${platform.url}/api/conversations?state=waiting_agent`, { headers: { authorization: `Bearer ${platform.adminToken}` } })
    ).json()) as { conversations: unknown[] };
    expect(conversations).toHaveLength(1);
    await page.close();
  }, 60_000);

  it('shows a message sent in one tab in the shopper’s other open tab', async () => {
    const context = await browser.newContext({ locale: 'en-US' });
    const first = await context.newPage();
    const second = await context.newPage();
    await first.goto(`${platform.url}/`);
    await first.getByTestId('launcher').click();
    await first.getByTestId('composer-input').fill('Hello from tab one');
    await first.getByTestId('composer-input').press('Enter');
    await first.locator('[data-testid="message"][data-author="bot"]').first().waitFor({ timeout: 15_000 });
    await second.goto(`${platform.url}/`);
    await second.getByTestId('launcher').click();
    await second.locator('[data-testid="message"][data-author="bot"]').first().waitFor({ timeout: 15_000 });

    await second.getByTestId('composer-input').fill('And hello from tab two');
    await second.getByTestId('composer-input').press('Enter');
    await first.locator('[data-testid="message"][data-author="shopper"]', { hasText: 'And hello from tab two' }).waitFor({ timeout: 15_000 });
    await first.locator('[data-testid="message"][data-author="bot"]').nth(1).waitFor({ timeout: 15_000 });
    expect(await first.locator('[data-testid="message"]').count()).toBe(4);
    await context.close();
  }, 60_000);

  /** Sends a message in the open widget and resolves with the text of the next bot message. */
  async function chat(page: Page, text: string): Promise<string> {
    const bot = page.locator('[data-testid="message"][data-author="bot"]');
    const before = await bot.count();
    await page.getByTestId('composer-input').fill(text);
    await page.getByTestId('composer-input').press('Enter');
    await bot.nth(before).waitFor({ timeout: 15_000 });
    return bot.nth(before).innerText();
  }

  async function openWidget(locale: string): Promise<Page> {
    const page = await browser.newPage({ locale, viewport: { width: 1280, height: 800 } });
    await page.goto(`${platform.url}/`);
    await page.getByTestId('launcher').click();
    await page.getByTestId('chat-window').waitFor({ state: 'visible' });
    return page;
  }

  it('gives a Chinese shopper the real status of demo order A1B2C3 in Chinese', async () => {
    const page = await openWidget('zh-CN');
    expect(await chat(page, '我的订单 A1B2C3 到哪里了？')).toMatch(/邮箱/);
    const status = await chat(page, 'li.wei@example.com');
    expect(status).toContain('A1B2C3');
    expect(status).toContain('正在运输中');
    expect(status).toContain('SF1234567890123');
    expect(status).toMatch(/预计送达时间：\d{4}年\d{1,2}月\d{1,2}日/);
    await page.close();
  }, 60_000);

  it('asks a German shopper for the order number, then answers in German', async () => {
    const page = await openWidget('de-DE');
    expect(await chat(page, 'Wo ist meine Bestellung?')).toMatch(/Bestellnummer/);
    expect(await chat(page, 'B7K9Q2')).toMatch(/E-Mail/);
    const status = await chat(page, 'anna.schmidt@example.com');
    expect(status).toContain('B7K9Q2');
    expect(status).toMatch(/Bestellung/);
    await page.close();
  }, 60_000);

  it('moves the conversation to waiting_agent when the shopper asks for a person in words', async () => {
    const page = await openWidget('en-US');
    await chat(page, 'I want to talk to a person');
    await page.getByTestId('notice').first().waitFor({ timeout: 15_000 });
    const { conversations } = (await (
      await fetch(`${platform.url}/api/conversations?state=waiting_agent`, { headers: { authorization: `Bearer ${platform.adminToken}` } })
    ).json()) as { conversations: unknown[] };
    expect(conversations.length).toBeGreaterThanOrEqual(1);
    await page.close();
  }, 60_000);
});
