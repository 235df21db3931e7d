/**
 * The real whatsapp-web.js Client with our options, in Debian's Chromium. WhatsApp Web has to be loaded from
 * web.whatsapp.com, which test machines cannot reach: the client launches Chromium, navigation fails with
 * `net::ERR_NAME_NOT_RESOLVED`, and `initialize()` rejects about a second later without a `qr` event. The test proves
 * exactly that path: Chromium is started with our executable, flags and session folder, and the failure becomes the
 * `disconnected` state with the error and a scheduled reconnect. Chromium is told to resolve no host name at all, so
 * the test behaves the same on a machine that does have the internet.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Client } from 'whatsapp-web.js';
import {
  CHROMIUM_ARGS,
  createWhatsAppClientFactory,
  WhatsAppConnection,
  whatsAppClientOptions,
  type WhatsAppClient,
  type WhatsAppConnectionStatus,
} from '../../../../bots/channels/whatsapp-web';
import { waitFor } from '../../../support/wait-for';

const CHROMIUM = '/usr/bin/chromium';

describe('the real WhatsApp Web client', () => {
  let sessionDir: string;
  let connection: WhatsAppConnection | undefined;

  beforeAll(() => {
    sessionDir = mkdtempSync(join(tmpdir(), 'wa-session-'));
  });

  afterAll(async () => {
    await connection?.stop();
    rmSync(sessionDir, { recursive: true, force: true });
  });

  it('is configured for Debian Chromium, headless, with the session and the version cache under the session folder', () => {
    const options = whatsAppClientOptions({ sessionDir, chromiumPath: CHROMIUM });
    expect(options.puppeteer).toEqual({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS] });
    expect(options.webVersionCache).toEqual({ type: 'local', path: join(sessionDir, 'web-version-cache') });
    expect(options.authStrategy?.constructor.name).toBe('LocalAuth');
  });

  it('launches Chromium with our options and, offline, reports the failure to load WhatsApp Web and schedules a reconnect', async () => {
    const clients: WhatsAppClient[] = [];
    const real = createWhatsAppClientFactory({ sessionDir, chromiumPath: CHROMIUM }, ['--host-resolver-rules=MAP * ~NOTFOUND']);
    const states: WhatsAppConnectionStatus[] = [];
    connection = new WhatsAppConnection({
      createClient: () => {
        const client = real();
        clients.push(client);
        return client;
      },
      logger: pino({ level: 'silent' }),
      // Long enough that no second browser starts during the test.
      backoff: { initialMs: 60_000, maxMs: 60_000 },
    });
    connection.on('state', (status) => states.push(status));
    connection.start();

    const down = await waitFor(() => states.find((status) => status.state === 'disconnected'), 25_000);
    expect(states[0]?.state).toBe('starting');
    expect(states.some((status) => status.state === 'qr')).toBe(false);
    expect(down.error).toMatch(/net::ERR_NAME_NOT_RESOLVED at https:\/\/web\.whatsapp\.com\//);
    const delay = (down.reconnectAt as number) - down.since;
    expect(delay).toBeGreaterThanOrEqual(30_000);
    expect(delay).toBeLessThanOrEqual(60_000);

    expect(clients).toHaveLength(1);
    const client = clients[0];
    if (!(client instanceof Client)) throw new Error('the factory must build the real whatsapp-web.js Client');
    const browser = client.pupBrowser?.process();
    expect(browser?.spawnfile).toBe(CHROMIUM);
    expect(browser?.spawnargs).toEqual(expect.arrayContaining(['--no-sandbox', '--disable-dev-shm-usage', `--user-data-dir=${join(sessionDir, 'session')}`]));
    expect(browser?.spawnargs.some((arg) => arg.startsWith('--headless'))).toBe(true);
    expect(existsSync(join(sessionDir, 'session'))).toBe(true);
    // The failed client's browser is closed right away, not left running until the reconnect.
    await waitFor(() => browser?.exitCode !== null || browser?.signalCode !== null, 10_000);
    expect(connection.status().state).toBe('disconnected');
  }, 30_000);
});
