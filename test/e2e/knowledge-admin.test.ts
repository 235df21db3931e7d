/**
 * The knowledge-base admin app in a real browser: Debian's Chromium (playwright-core) opens `/admin/` served by the
 * real platform (server + worker in-process, SQLite, Redis, the demo help centre seeded at start-up) and drives it
 * the way an editor would: sign in with a token, search, edit, save, publish (and a Spanish shopper on the widget gets
 * the new text within seconds, with a link), read the history and its diff, ask
 * the "try a question" panel; an agent token sees everything read-only; Markdown cannot run scripts in the preview;
 * a save on top of someone else's is refused and offers a reload; an import with errors lists them by line.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, signInToAdmin } from '../support/browser';
import { startInProcessPlatform, type InProcessPlatform } from '../support/platform';
import { waitFor } from '../support/wait-for';

/** Language versions of the demo help centre: 47 articles in 8 languages. */
const DEMO_VERSIONS = 376;

interface ApiAnswer<T> {
  status: number;
  json: T;
}

describe('The knowledge-base admin app', () => {
  let platform: InProcessPlatform;
  let browser: Browser;
  let agentToken: string;

  /** Calls the REST API directly (set-up and checks the browser does not do). */
  async function api<T>(method: string, path: string, body?: unknown, token = platform.adminToken): Promise<ApiAnswer<T>> {
    const response = await fetch(`${platform.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, json: (text ? JSON.parse(text) : undefined) as T };
  }

  /** A fresh page, signed in with `token`. Page errors fail the test: the app must not throw. */
  const signedIn = (token: string): Promise<{ page: Page; errors: string[] }> => signInToAdmin(browser, platform.url, token);

  beforeAll(async () => {
    platform = await startInProcessPlatform();
    agentToken = (await api<{ token: string }>('POST', '/api/tokens', { name: 'agent in the admin app test', role: 'agent' })).json.token;
    // The demo help centre is seeded and indexed at start-up.
    await waitFor(async () => (await api<{ documents: number }>('GET', '/api/knowledge/index')).json?.documents === DEMO_VERSIONS, 30_000);
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it('refuses a wrong token with a clear message and keeps the session over a reload', async () => {
    const page = await browser.newPage();
    await page.goto(`${platform.url}/admin`);
    await page.getByTestId('token-input').fill('not-a-real-token');
    await page.getByTestId('login-button').click();
    await page.getByText(/unknown or revoked/).waitFor();

    await page.getByTestId('token-input').fill(`Bearer ${platform.adminToken}`);
    await page.getByTestId('login-button').click();
    await expect(page.getByTestId('role-badge').innerText()).resolves.toBe('Admin');
    await page.reload();
    await expect(page.getByTestId('role-badge').innerText()).resolves.toBe('Admin');
    await page.getByTestId('logout-button').click();
    await page.getByTestId('token-input').waitFor();
    await page.reload();
    await page.getByTestId('token-input').waitFor();
    await page.close();
  }, 30_000);

  it('edits, saves and publishes an English article, shows the revision and its diff, and the bot answers with the new text', async () => {
    const { page, errors } = await signedIn(platform.adminToken);

    // Search the demo help centre.
    await page.getByTestId('search-input').fill('gift card');
    const row = page.locator('[data-testid="article-row"][data-slug="gift-cards"]');
    await row.waitFor();
    await expect(row.locator('[data-testid="version-chip"]').count()).resolves.toBe(8);
    const frenchChip = row.locator('[data-testid="version-chip"][data-language="fr"]');
    await expect(frenchChip.getAttribute('data-stale')).resolves.toBe('false');
    expect(page.url()).toContain('search=gift+card');
    await row.locator('[data-testid="version-chip"][data-language="en"]').click();

    // Edit the English body; the live preview follows.
    const body = page.getByTestId('body-input');
    const original = await body.inputValue();
    expect(original).toContain('Our digital gift cards');
    const edited = original.replace('Our digital gift cards', 'Gift cards can be topped up at the Zebrawood kiosk in Rotterdam. Our digital gift cards');
    await body.fill(edited);
    await page.getByTestId('preview').getByText('Zebrawood kiosk').waitFor();
    const revisionBefore = Number(await page.getByTestId('version-state').getAttribute('data-revision'));

    await page.getByTestId('save-button').click();
    await page.getByTestId('notice-status').getByText(`Saved revision ${revisionBefore + 1} as a draft.`).waitFor();
    await expect(page.getByTestId('version-state').getAttribute('data-status')).resolves.toBe('published');
    await expect(page.getByTestId('version-state').innerText()).resolves.toContain('unpublished changes');
    await page.getByTestId('publish-button').click();
    await page.getByTestId('notice-status').getByText(`Published revision ${revisionBefore + 1}`).waitFor();
    await expect(page.getByTestId('publish-button').isDisabled()).resolves.toBe(true);
    const publishedAt = Date.now();

    // A Spanish shopper on the widget gets the new English text within seconds, in Spanish (the Spanish version is
    // now older than its source, so the source is translated), with a link to the article.
    await waitFor(async () => (await platform.context.models.live(null, 'intent-classifier')) !== undefined, 20_000);
    const shop = await browser.newPage({ locale: 'es-ES' });
    await shop.goto(`${platform.url}/`);
    await shop.getByTestId('launcher').click();
    const bot = shop.locator('[data-testid="message"][data-author="bot"]');
    let reply = '';
    await waitFor(async () => {
      const before = await bot.count();
      await shop.getByTestId('composer-input').fill('¿Puedo recargar mi tarjeta regalo en el quiosco Zebrawood?');
      await shop.getByTestId('composer-input').press('Enter');
      await bot.nth(before).waitFor({ timeout: 15_000 });
      reply = await bot.nth(before).innerText();
      return reply.includes('Zebrawood');
    }, 20_000);
    expect(Date.now() - publishedAt).toBeLessThan(20_000);
    expect(reply).toContain('/help/demo/gift-cards?lang=en');
    expect(await bot.last().locator('a[href*="/help/demo/gift-cards"]').count()).toBeGreaterThan(0);
    await shop.close();

    // The translations were written from the old English text: marked outdated in the editor's tabs.
    await page.locator('[data-testid="language-tab"][data-language="fr"]').getByText('outdated translation').waitFor();

    // History: the new revision, and the diff with the added sentence.
    await page.getByTestId('history-link').click();
    const revisions = page.getByTestId('revision-row');
    await revisions.first().waitFor();
    await expect(revisions.first().getAttribute('data-revision')).resolves.toBe(String(revisionBefore + 1));
    const diff = page.getByTestId('diff');
    await diff.waitFor();
    await expect(diff.locator('[data-testid="diff-added"]').first().innerText()).resolves.toContain('Zebrawood kiosk');
    await expect(diff.locator('[data-testid="diff-removed"]').first().innerText()).resolves.toContain('Our digital gift cards are available');

    // Side by side: English source on the left, the French translation flagged.
    await page.goto(`${platform.url}/admin/#/articles/gift-cards/compare?left=en&right=fr`);
    const columns = page.getByTestId('compare-column');
    await columns.nth(1).getByTestId('stale-marker').waitFor();
    await expect(columns.nth(0).getAttribute('data-language')).resolves.toBe('en');
    await expect(columns.nth(0).innerText()).resolves.toContain('Zebrawood kiosk');

    // The list shows the outdated translations too.
    await page.goto(`${platform.url}/admin/#/articles?search=gift+card`);
    await page.locator('[data-testid="article-row"][data-slug="gift-cards"] [data-testid="version-chip"][data-language="fr"][data-stale="true"]').waitFor();

    // "Try a question" answers from the published edit once the index has it (seconds).
    await page.getByTestId('nav-try').click();
    await page.getByTestId('try-question').fill('Can I top up my gift card at the Zebrawood kiosk?');
    await page.getByTestId('try-language').selectOption('en');
    await waitFor(async () => {
      await page.getByTestId('try-button').click();
      await page.locator('[data-testid="try-output"] [data-testid="try-answer"]').waitFor();
      return (await page.getByTestId('try-answer').innerText()).includes('Zebrawood kiosk');
    }, 20_000);
    await expect(page.getByTestId('try-used').innerText()).resolves.toContain('answered from gift-cards (English (en) version)');
    expect(await page.getByTestId('try-article').count()).toBeGreaterThan(0);
    await expect(page.getByTestId('try-passage').first().innerText()).resolves.toMatch(/score \d/);

    // Export downloads a JSON file with every article.
    await page.getByTestId('nav-import').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
    expect(download.suggestedFilename()).toMatch(/^knowledge-base-\d{4}-\d{2}-\d{2}\.json$/);

    expect(errors).toEqual([]);
    await page.close();
  }, 90_000);

  it('creates an article, adds a German version next to the English source, and compares them', async () => {
    const { page, errors } = await signedIn(platform.adminToken);
    await page.getByTestId('new-article').click();
    await page.getByTestId('new-title').fill('Gift wrapping');
    await page.getByTestId('new-category').fill('orders');
    await page.getByTestId('new-body').fill('We wrap any order as a gift for EUR 4.50.');
    await page.getByTestId('create-article').click();
    await page.getByTestId('notice-status').getByText('Created “gift-wrapping” as a draft.').waitFor();
    await expect(page.getByTestId('version-state').getAttribute('data-status')).resolves.toBe('draft');

    await page.getByTestId('add-language-select').selectOption('de');
    await page.getByTestId('add-language').click();
    // A new translation starts from the source text.
    await expect(page.getByTestId('body-input').inputValue()).resolves.toBe('We wrap any order as a gift for EUR 4.50.');
    await page.getByTestId('title-input').fill('Geschenkverpackung');
    await page.getByTestId('body-input').fill('Wir verpacken jede Bestellung für 4,50 EUR als Geschenk.');
    await page.getByTestId('publish-button').click();
    await page.getByTestId('notice-status').getByText('Published revision 1').waitFor();
    await page.locator('[data-testid="language-tab"][data-language="de"]').getByText('Published').waitFor();

    await page.getByTestId('compare-link').click();
    const columns = page.getByTestId('compare-column');
    await columns.nth(1).getByText('Wir verpacken jede Bestellung').waitFor();
    await expect(columns.nth(0).getAttribute('data-language')).resolves.toBe('en');
    await expect(columns.nth(1).getByTestId('stale-marker').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);

  it('restores an older revision from the history', async () => {
    type Versions = { versions: Array<{ language: string; revision: number; publishedRevision: number; title: string; body: string }> };
    const before = (await api<Versions>('GET', '/api/knowledge/articles/exchanges')).json.versions.find((v) => v.language === 'it')!;
    const edited = await api('PUT', '/api/knowledge/articles/exchanges/versions/it', { title: before.title, body: 'Testo sbagliato.', expectedRevision: before.revision, publish: true });
    expect(edited.status).toBe(200);

    const { page, errors } = await signedIn(platform.adminToken);
    await page.goto(`${platform.url}/admin/#/articles/exchanges/it/history`);
    await page.getByTestId(`restore-${before.revision}`).click();
    await page.getByTestId('notice-status').getByText(`Restored revision ${before.revision} as revision ${before.revision + 2} and published it.`).waitFor();
    await expect(page.getByTestId('revision-row').first().getAttribute('data-revision')).resolves.toBe(String(before.revision + 2));
    await page.getByTestId('diff').locator('[data-testid="diff-removed"]', { hasText: 'Testo sbagliato.' }).waitFor();
    const italian = (await api<Versions>('GET', '/api/knowledge/articles/exchanges')).json.versions.find((v) => v.language === 'it')!;
    expect(italian.body).toBe(before.body);
    expect(italian.publishedRevision).toBe(before.revision + 2);
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);

  it('shows an agent everything read-only, and the audit log only to admins', async () => {
    const { page, errors } = await signedIn(agentToken);
    await expect(page.getByTestId('role-badge').innerText()).resolves.toBe('Agent · read-only');
    await expect(page.getByTestId('new-article').count()).resolves.toBe(0);

    await page.goto(`${platform.url}/admin/#/articles/shipping-europe/de`);
    await page.getByTestId('read-only-note').waitFor();
    await expect(page.getByTestId('body-input').getAttribute('readonly')).resolves.not.toBeNull();
    await expect(page.getByTestId('title-input').getAttribute('readonly')).resolves.not.toBeNull();
    for (const control of ['save-button', 'publish-button', 'archive-button', 'add-language']) {
      await expect(page.getByTestId(control).count()).resolves.toBe(0);
    }
    // The API refuses anyway; the app would explain a 403 (see test/web/admin/error-messages.test.ts).
    const refused = await api('PUT', '/api/knowledge/articles/shipping-europe/versions/de', { title: 'x', body: 'y' }, agentToken);
    expect(refused.status).toBe(403);

    await page.getByTestId('nav-activity').click();
    await page.getByText('The audit log is for admins').waitFor();
    await page.getByTestId('nav-import').click();
    await page.getByText('Importing needs an admin token').waitFor();
    expect(errors).toEqual([]);
    await page.close();

    const admin = await signedIn(platform.adminToken);
    await admin.page.getByTestId('nav-activity').click();
    await admin.page.getByTestId('audit-log').waitFor();
    await admin.page.close();
  }, 60_000);

  it('never runs scripts from Markdown in the preview', async () => {
    const { page, errors } = await signedIn(platform.adminToken);
    await page.getByTestId('new-article').click();
    await page.getByTestId('new-title').fill('Script test');
    await expect(page.getByTestId('new-slug').inputValue()).resolves.toBe('script-test');
    await page
      .getByTestId('new-body')
      .fill('Before the script.\n\n<script>window.__kbXss = "script"</script>\n\n<img src="x" onerror="window.__kbXss = \'onerror\'">\n\n[link](javascript:window.__kbXss=1)\n\nAfter the script.');
    await page.getByTestId('create-article').click();
    const preview = page.getByTestId('preview');
    await preview.getByText('After the script.').waitFor();
    // Typing re-renders through the debounced preview; wait for that rendering too.
    await page.getByTestId('body-input').press('End');
    await page.getByTestId('body-input').type('\n\n<svg onload="window.__kbXss = \'svg\'"></svg> Typed tail.');
    await preview.getByText('Typed tail.').waitFor();

    expect(await page.evaluate('window.__kbXss')).toBeUndefined();
    await expect(preview.locator('script, [onerror], [onload], svg').count()).resolves.toBe(0);
    await expect(preview.locator('a[href^="javascript"]').count()).resolves.toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  }, 30_000);

  it('refuses to overwrite someone else’s newer save and offers to load it', async () => {
    const { page } = await signedIn(platform.adminToken);
    await page.goto(`${platform.url}/admin/#/articles/payment-methods/fr`);
    const body = page.getByTestId('body-input');
    await body.waitFor();
    const { json: article } = await api<{ versions: Array<{ language: string; revision: number; title: string; body: string }> }>('GET', '/api/knowledge/articles/payment-methods');
    const french = article.versions.find((v) => v.language === 'fr')!;

    // Another admin saves first.
    const theirs = await api('PUT', '/api/knowledge/articles/payment-methods/versions/fr', { title: french.title, body: `${french.body}\n\nTexte ajouté par une collègue.`, expectedRevision: french.revision });
    expect(theirs.status).toBe(200);

    await body.fill(`${french.body}\n\nMon texte à moi.`);
    await page.getByTestId('save-button').click();
    const conflict = page.getByTestId('conflict');
    await conflict.getByText(/Changed by someone else/).waitFor();
    await expect(body.inputValue()).resolves.toContain('Mon texte à moi.');
    await page.getByTestId('reload-button').click();
    await expect(page.getByTestId('unsaved-copy').inputValue()).resolves.toContain('Mon texte à moi.');
    await expect(body.inputValue()).resolves.toContain('Texte ajouté par une collègue.');
    // Nothing was overwritten on the server.
    const stored = await api<{ body: string }[]>('GET', '/api/knowledge/articles/payment-methods/versions/fr/history');
    expect(JSON.stringify(stored.json)).not.toContain('Mon texte à moi.');
    await page.close();
  }, 30_000);

  it('lists the line-level problems of a refused import, then imports a valid FAQ file and a folder of Markdown files', async () => {
    const { page } = await signedIn(platform.adminToken);
    await page.getByTestId('nav-import').click();
    await page.locator('#import-kind-faq').check();
    const broken = '{"questions": [\n  {"question": "Do you ship to Iceland?", "answer": "Yes."},\n  {"question": "", "answer": "No question here."}\n]}';
    await page.getByTestId('faq-input').setInputFiles({ name: 'faq.json', mimeType: 'application/json', buffer: Buffer.from(broken) });
    await page.getByTestId('import-summary').getByText('faq.json').waitFor();
    await page.getByTestId('import-button').click();
    const issues = page.getByTestId('import-issues');
    await issues.waitFor();
    await expect(issues.locator('li').first().innerText()).resolves.toMatch(/^faq\.json:3: /);

    const valid = '{"questions": [{"id": "iceland-shipping", "question": "Do you ship to Iceland?", "answer": "Yes, with DHL Express."}]}';
    await page.getByTestId('faq-input').setInputFiles({ name: 'faq.json', mimeType: 'application/json', buffer: Buffer.from(valid) });
    await page.getByTestId('import-button').click();
    await page.getByTestId('import-success').getByText('Imported 1 article (1 language version), published.').waitFor();
    expect((await api('GET', '/api/knowledge/articles/iceland-shipping')).status).toBe(200);

    // A folder of Markdown files: the language comes from the sub-folder names.
    const folder = mkdtempSync(join(tmpdir(), 'kb-import-'));
    try {
      for (const [language, title] of [['en', 'Store pick-up'], ['de', 'Abholung im Laden']] as const) {
        mkdirSync(join(folder, 'help', language), { recursive: true });
        writeFileSync(join(folder, 'help', language, 'store-pickup.md'), `---\nid: store-pickup\ntitle: ${title}\ncategory: shipping\n---\n\n${title}: Rotterdam, Mon-Fri.\n`);
      }
      writeFileSync(join(folder, 'help', '.DS_Store'), 'binary junk');
      await page.locator('#import-kind-markdown').check();
      await page.getByTestId('folder-input').setInputFiles(join(folder, 'help'));
      await page.getByTestId('import-summary').getByText('2 Markdown files: de 1, en 1').waitFor();
      await page.getByTestId('import-button').click();
      await page.getByTestId('import-success').getByText('Imported 1 article (2 language versions), published.').waitFor();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
    const { json: imported } = await api<{ versions: Array<{ language: string; title: string }> }>('GET', '/api/knowledge/articles/store-pickup');
    expect(imported.versions.map((v) => [v.language, v.title]).sort()).toEqual([['de', 'Abholung im Laden'], ['en', 'Store pick-up']]);
    await page.close();
  }, 30_000);
});
