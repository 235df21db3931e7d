import type { AddressInfo } from 'node:net';
import { Redis } from 'ioredis';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { EmailRelay, isPermanentRefusal } from '../../../risk/chat/email-relay';
import { OutboxEmailSender } from '../../../risk/chat/email-sender';
import { openCommerceDatabase, type CommerceTestDatabase } from '../../commerce/commerce-test-database';
import { engines } from '../../support/databases';

/** A real SMTP server on loopback that stores what it accepts, or refuses recipients with a chosen reply. */
class TestMailServer {
  readonly received: Array<{ to: string[]; raw: string }> = [];
  /** Reply to RCPT TO for the next attempts (`451`, `550`), then accept. */
  refusals: number[] = [];
  private server!: SMTPServer;
  port = 0;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, callback) => {
        const code = this.refusals.shift();
        if (code === undefined) return callback();
        const error = Object.assign(new Error(code >= 500 ? 'mailbox unavailable' : 'try again later'), { responseCode: code });
        return callback(error);
      },
      onData: (stream: SMTPServerDataStream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          this.received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

describe.each(engines)('EmailRelay on %s', (_engine, createDatabase) => {
  let database: CommerceTestDatabase;
  let workspaceId: string;
  let mail: TestMailServer;
  let redis: Redis;
  const prefix = `test-email-relay-${process.pid}-${Date.now()}:`;
  const logger = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
  let clock = Date.UTC(2026, 10, 23, 12);

  const relay = (options: { maxAttempts?: number } = {}) =>
    new EmailRelay(
      { db: database.handle.db, redis, keyPrefix: prefix, logger, now: () => clock },
      { smtpUrl: `smtp://127.0.0.1:${mail.port}`, from: 'Demo Store <no-reply@demo-store.example>', backoffMs: 30_000, ...options },
    );
  const send = (to: string, subject = 'Your code') =>
    new OutboxEmailSender(database.handle.db, logger).send({ workspaceId, to, subject, body: 'Your code is 482913.', purpose: 'verification_code' });
  const rowTo = async (to: string) => (await database.handle.db.selectFrom('risk_email_outbox').selectAll().where('to_address', '=', to).executeTakeFirstOrThrow());

  beforeAll(async () => {
    database = await openCommerceDatabase(createDatabase);
    workspaceId = await database.newWorkspace();
    mail = new TestMailServer();
    await mail.start();
    redis = new Redis('redis://127.0.0.1:6379', { maxRetriesPerRequest: 1 });
  });

  afterAll(async () => {
    await mail?.stop();
    await redis?.quit();
    await database?.close();
  });

  beforeEach(() => {
    mail.received.length = 0;
    mail.refusals = [];
  });

  it('sends a stored e-mail through the SMTP server once, with a stable Message-ID, and marks it sent', async () => {
    await send('ana@example.com');
    const r = relay();
    try {
      expect(await r.sendDue()).toEqual({ sent: 1, retrying: 0, failed: 0, ran: true });
      expect(await r.sendDue()).toEqual({ sent: 0, retrying: 0, failed: 0, ran: true });
    } finally {
      await r.stop();
    }
    expect(mail.received).toHaveLength(1);
    expect(mail.received[0]!.to).toEqual(['ana@example.com']);
    const row = await rowTo('ana@example.com');
    expect(mail.received[0]!.raw).toContain('Subject: Your code');
    expect(mail.received[0]!.raw).toContain('Your code is 482913.');
    expect(mail.received[0]!.raw).toContain(`Message-ID: <${row.id}@demo-store.example>`);
    expect(row).toMatchObject({ sent_at: clock, failed_at: null, last_error: null });
    expect(Number(row.attempts)).toBe(1);
  });

  it('retries a temporary refusal after the backoff, then sends', async () => {
    await send('bo@example.com');
    mail.refusals = [451];
    const r = relay();
    try {
      expect(await r.sendDue()).toMatchObject({ sent: 0, retrying: 1 });
      let row = await rowTo('bo@example.com');
      expect(row).toMatchObject({ sent_at: null, failed_at: null, next_attempt_at: clock + 30_000 });
      expect(row.last_error).toMatch(/451/);
      // Not before the backoff has passed.
      expect(await r.sendDue()).toMatchObject({ sent: 0, retrying: 0 });
      clock += 30_000;
      expect(await r.sendDue()).toMatchObject({ sent: 1 });
      row = await rowTo('bo@example.com');
      expect(row.sent_at).toBe(clock);
      expect(Number(row.attempts)).toBe(2);
    } finally {
      await r.stop();
    }
    expect(mail.received.map((m) => m.to[0])).toEqual(['bo@example.com']);
  });

  it('gives up at once on a permanent refusal and keeps the reason', async () => {
    await send('nobody@example.com');
    mail.refusals = [550];
    const r = relay();
    try {
      expect(await r.sendDue()).toMatchObject({ failed: 1 });
      clock += 3_600_000;
      expect(await r.sendDue()).toMatchObject({ sent: 0, failed: 0 });
    } finally {
      await r.stop();
    }
    const row = await rowTo('nobody@example.com');
    expect(row.failed_at).not.toBeNull();
    expect(row.last_error).toMatch(/550/);
    expect(mail.received).toHaveLength(0);
  });

  it('gives up after the last attempt when the server keeps refusing temporarily', async () => {
    await send('later@example.com');
    mail.refusals = [451, 451];
    const r = relay({ maxAttempts: 2 });
    try {
      expect(await r.sendDue()).toMatchObject({ retrying: 1 });
      clock += 60_000;
      expect(await r.sendDue()).toMatchObject({ failed: 1 });
    } finally {
      await r.stop();
    }
    expect((await rowTo('later@example.com')).failed_at).not.toBeNull();
  });

  it('keeps e-mails while the mail server is down and sends them when it is back', async () => {
    await send('outage@example.com');
    const down = new EmailRelay(
      { db: database.handle.db, redis, keyPrefix: prefix, logger, now: () => clock },
      // Nothing listens on port 9 here: the connection is refused (a temporary failure).
      { smtpUrl: 'smtp://127.0.0.1:9', from: 'no-reply@demo-store.example', backoffMs: 1000 },
    );
    try {
      expect(await down.sendDue()).toMatchObject({ retrying: 1 });
    } finally {
      await down.stop();
    }
    clock += 1000;
    const r = relay();
    try {
      expect(await r.sendDue()).toMatchObject({ sent: 1 });
    } finally {
      await r.stop();
    }
    expect(mail.received.map((m) => m.to[0])).toEqual(['outage@example.com']);
  });

  it('lets one relay at a time send, so two workers do not send an e-mail twice', async () => {
    for (let i = 0; i < 5; i++) await send(`twice-${i}@example.com`);
    const a = relay();
    const b = relay();
    try {
      const passes = await Promise.all([a.sendDue(), b.sendDue()]);
      expect(passes.filter((p) => p.ran)).toHaveLength(1);
      expect(passes.reduce((n, p) => n + p.sent, 0)).toBe(5);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
    expect(mail.received).toHaveLength(5);
  });

  it('polls on its own once started and stops cleanly', async () => {
    await send('polled@example.com');
    const r = new EmailRelay(
      { db: database.handle.db, redis, keyPrefix: prefix, logger, now: () => clock },
      { smtpUrl: `smtp://127.0.0.1:${mail.port}`, from: 'no-reply@demo-store.example', pollMs: 100 },
    );
    r.start();
    try {
      const deadline = Date.now() + 5000;
      while (!mail.received.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      await r.stop();
    }
    expect(mail.received.map((m) => m.to[0])).toEqual(['polled@example.com']);
  });
});

describe('isPermanentRefusal', () => {
  it('is true for 5xx replies only', () => {
    expect(isPermanentRefusal(Object.assign(new Error('x'), { responseCode: 550 }))).toBe(true);
    expect(isPermanentRefusal(Object.assign(new Error('x'), { responseCode: 451 }))).toBe(false);
    expect(isPermanentRefusal(new Error('ECONNREFUSED'))).toBe(false);
  });
});
