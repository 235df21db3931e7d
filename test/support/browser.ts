/**
 * Debian's Chromium for browser tests (playwright-core drives it; no browser is downloaded), and signing in to the
 * admin app the way a person does.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (`scripts/test.sh` installs it when missing). */
export const CHROMIUM = '/usr/bin/chromium';

/** Starts headless Chromium with nothing reaching out to the network by itself. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh page of the admin app at `baseUrl`, signed in with `token`. Page errors are collected in `errors`: tests
 * expect none (the app must not throw).
 */
export async function signInToAdmin(browser: Browser, baseUrl: string, token: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ locale: 'en-GB', viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}/admin/`);
  await page.getByTestId('token-input').fill(token);
  await page.getByTestId('login-button').click();
  await page.getByTestId('role-badge').waitFor();
  return { page, errors };
}
